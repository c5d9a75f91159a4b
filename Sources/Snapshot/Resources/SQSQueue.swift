import Policy

/// SQS queues: `<region>/sqs/<queue>/get-queue-attributes.json` (QueueArn, Policy).
struct SQSQueueImporter: ResourceImporter {
    let service = "sqs"
    let regional = true

    func read(_ folder: ResourceFolder, warnings: inout [SnapshotWarning]) -> Resource? {
        let json = folder.json("get-queue-attributes", warnings: &warnings)
        let arn = json?["Attributes"]?["QueueArn"]?.stringValue ?? "arn:aws:sqs:\(folder.region ?? ""):\(folder.account):\(folder.name)"
        let policy = folder.policy(
            json, operation: "get-queue-attributes", key: ["Attributes", "Policy"], name: "queue policy of \(folder.name)",
            warnings: &warnings)
        return Resource(arn: arn, type: "AWS::SQS::Queue", account: folder.account, region: folder.region, policy: policy,
                        sourceFile: folder.file("get-queue-attributes"))
    }
}
