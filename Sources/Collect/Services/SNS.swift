extension ResourceType {
    /// SNS topics: all attributes, among them `TopicArn` and `Policy`.
    static let snsTopics = ResourceType(
        directory: "sns", scope: .regional,
        list: ["sns", "list-topics"], query: "Topics[].TopicArn",
        folder: .afterLastColon(0),
        details: [
            CommandTemplate(["sns", "get-topic-attributes", "--topic-arn", .field(0)]),
        ])
}
