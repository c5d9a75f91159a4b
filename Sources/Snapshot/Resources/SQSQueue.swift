import Policy
import SnapshotLayout

/// SQS queues: `<region>/sqs/<queue>/get-queue-attributes.json` (QueueArn, Policy).
struct SQSQueueImporter: ResourceImporter {
    let service = ServiceFolder.sqs

    func read(_ folder: ResourceFolder, warnings: inout [SnapshotWarning]) -> Resource? {
        let json = folder.json(.getQueueAttributes, warnings: &warnings)
        let arn = json?["Attributes"]?["QueueArn"]?.stringValue ?? "arn:aws:sqs:\(folder.region ?? ""):\(folder.account):\(folder.name)"
        let policy = folder.policy(
            json, file: .getQueueAttributes, key: ["Attributes", "Policy"], name: "queue policy of \(folder.name)",
            warnings: &warnings)
        return Resource(arn: arn, type: "AWS::SQS::Queue", account: folder.account, region: folder.region, policy: policy,
                        sourceFile: folder.file(.getQueueAttributes))
    }
}
