import SnapshotLayout

extension ResourceType {
    /// SQS queues: the ARN and the queue policy (absent from the output when there is none).
    static let sqsQueues = ResourceType(
        service: .sqs,
        list: ["sqs", "list-queues"], query: "QueueUrls",
        folder: .lastPathComponent(0),
        details: [
            CommandTemplate("sqs", .getQueueAttributes, ["--queue-url", .field(0),
                             "--attribute-names", "QueueArn", "Policy"]),
        ])
}
