/// One read-only `aws` CLI command, without the global options the collector adds.
public struct AWSCommand: Sendable, Hashable {
    /// Service, operation and parameters, e.g. `["kms", "describe-key", "--key-id", "1234"]`.
    public var arguments: [String]
    /// The region to call; nil calls the home region (global services such as IAM).
    public var region: String?

    /// Creates a command.
    public init(_ arguments: [String], region: String? = nil) {
        self.arguments = arguments
        self.region = region
    }

    /// The operation's name (`describe-key`), which is also the name of the file it is saved to.
    public var operation: String { arguments.count > 1 ? arguments[1] : arguments.first ?? "" }
}
