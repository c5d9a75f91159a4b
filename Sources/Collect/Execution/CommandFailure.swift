/// A command that failed for one resource or one part of the account: recorded in
/// `collect-errors.json` as a warning while the collection goes on.
public struct CommandFailure: Sendable, Hashable, Codable {
    /// The account whose credentials ran the command (a member's, or the caller's); nil
    /// for records written before accounts were recorded.
    public var account: String?
    /// The argument vector exactly as run, the `aws` executable first. Credentials are never
    /// in it: a member's are in the command's environment.
    public var command: [String]
    /// What went wrong, as the CLI said it (e.g. `An error occurred (AccessDenied) ...`).
    public var error: String

    /// Creates a failure record.
    public init(account: String? = nil, command: [String], error: String) {
        self.account = account
        self.command = command
        self.error = error
    }
}

extension CommandFailure {
    private static let globalOptions: Set<String> = ["--output", "--profile", "--endpoint-url"]

    /// The command for a person to read: `aws` and the service's arguments, without the
    /// global options every command shares (the region is kept).
    public var summary: String {
        var words = ["aws"]
        var index = command.index(after: command.startIndex)
        while index < command.endIndex {
            if Self.globalOptions.contains(command[index]) {
                index += 2
            } else {
                words.append(command[index])
                index += 1
            }
        }
        return words.joined(separator: " ")
    }
}
