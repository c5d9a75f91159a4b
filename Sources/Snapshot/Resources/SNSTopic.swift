import Policy

/// SNS topics: `<region>/sns/<topic>/get-topic-attributes.json` (TopicArn, Policy).
struct SNSTopicImporter: ResourceImporter {
    let service = "sns"
    let regional = true

    func read(_ folder: ResourceFolder, warnings: inout [SnapshotWarning]) -> Resource? {
        let json = folder.json("get-topic-attributes", warnings: &warnings)
        let arn = json?["Attributes"]?["TopicArn"]?.stringValue ?? "arn:aws:sns:\(folder.region ?? ""):\(folder.account):\(folder.name)"
        let policy = folder.policy(
            json, operation: "get-topic-attributes", key: ["Attributes", "Policy"], name: "topic policy of \(folder.name)",
            warnings: &warnings)
        return Resource(arn: arn, type: "AWS::SNS::Topic", account: folder.account, region: folder.region, policy: policy,
                        sourceFile: folder.file("get-topic-attributes"))
    }
}
