import SnapshotLayout

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

    /// The command of `service` whose output is the layout's `file` (the file names the
    /// operation), e.g. `CommandTemplate("kms", .getKeyPolicy, ["--key-id", .field(0)])`.
    public init(_ service: String, _ file: LayoutFile, _ parameters: [CommandArgument] = [],
                absent absentErrorCodes: Set<String> = []) {
        self.init([.literal(service), .literal(file.operation)] + parameters, absent: absentErrorCodes)
    }

    /// The file the output is saved to, named after the operation: `get-key-policy.json`;
    /// nil when the operation is not a literal.
    public var file: LayoutFile? {
        guard case .literal(let operation) = arguments[1] else { return nil }
        return LayoutFile(operation: operation)
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
