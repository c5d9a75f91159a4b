import SnapshotLayout

extension ResourceType {
    /// SNS topics: all attributes, among them `TopicArn` and `Policy`.
    static let snsTopics = ResourceType(
        service: .sns,
        list: ["sns", "list-topics"], query: "Topics[].TopicArn",
        folder: .afterLastColon(0),
        details: [
            CommandTemplate("sns", .getTopicAttributes, ["--topic-arn", .field(0)]),
        ])
}
