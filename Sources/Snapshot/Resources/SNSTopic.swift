import Policy
import SnapshotLayout

/// SNS topics: `<region>/sns/<topic>/get-topic-attributes.json` (TopicArn, Policy).
struct SNSTopicImporter: ResourceImporter {
    let service = ServiceFolder.sns

    func read(_ folder: ResourceFolder, warnings: inout [SnapshotWarning]) -> Resource? {
        let json = folder.json(.getTopicAttributes, warnings: &warnings)
        let arn = json?["Attributes"]?["TopicArn"]?.stringValue ?? "arn:aws:sns:\(folder.region ?? ""):\(folder.account):\(folder.name)"
        let policy = folder.policy(
            json, file: .getTopicAttributes, key: ["Attributes", "Policy"], name: "topic policy of \(folder.name)",
            warnings: &warnings)
        return Resource(arn: arn, type: "AWS::SNS::Topic", account: folder.account, region: folder.region, policy: policy,
                        sourceFile: folder.file(.getTopicAttributes))
    }
}
