/// A command that saves one file: its arguments, with placeholders, and the error codes
/// that mean "this resource has none of that" (no policy) rather than a failure.
public struct CommandTemplate: Sendable, Hashable {
    /// Service, operation, parameters; e.g. `["kms", "get-key-policy", "--key-id", .field(0)]`.
    public let arguments: [CommandArgument]
    /// Error codes (`NoSuchBucketPolicy`) after which no file is written and nothing is reported.
    public let absentErrorCodes: Set<String>

    /// Creates a template; its first two arguments must be the service and operation literals.
    public init(_ arguments: [CommandArgument], absent absentErrorCodes: Set<String> = []) {
        precondition(arguments.count >= 2, "a command needs a service and an operation")
        self.arguments = arguments
        self.absentErrorCodes = absentErrorCodes
    }

    /// The file the output is saved to: the operation's name, e.g. `get-key-policy.json`.
    public var fileName: String {
        guard case .literal(let operation) = arguments[1] else { return "output.json" }
        return operation + ".json"
    }

    /// The concrete arguments for one resource, or nil when a placeholder has no value.
    public func resolve(fields: [String] = [], account: String, region: String? = nil) -> [String]? {
        var resolved: [String] = []
        for argument in arguments {
            guard let text = argument.resolve(fields: fields, account: account, region: region) else { return nil }
            resolved.append(text)
        }
        return resolved
    }
}
