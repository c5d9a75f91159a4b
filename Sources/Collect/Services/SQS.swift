extension ResourceType {
    /// SQS queues: the ARN and the queue policy (absent from the output when there is none).
    static let sqsQueues = ResourceType(
        directory: "sqs", scope: .regional,
        list: ["sqs", "list-queues"], query: "QueueUrls",
        folder: .lastPathComponent(0),
        details: [
            CommandTemplate(["sqs", "get-queue-attributes", "--queue-url", .field(0),
                             "--attribute-names", "QueueArn", "Policy"]),
        ])
}
