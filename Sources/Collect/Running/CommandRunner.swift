/// Variables to set (a value) or remove (nil) in one command's environment, on top of the
/// runner's own; e.g. an assumed role's `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`,
/// `AWS_SESSION_TOKEN`, and `AWS_PROFILE` removed.
public typealias EnvironmentChanges = [String: String?]

/// Runs one command given as an argument vector (the executable's path first) and
/// waits for it. The collector talks to the `aws` CLI only through this, so tests
/// can answer with canned results instead of starting processes.
public protocol CommandRunner: Sendable {
    /// Runs `arguments[0]` with the remaining arguments, never through a shell, with
    /// `environment` applied to the runner's environment for this command only.
    /// A command that cannot be started is reported as a failed result, not thrown.
    func run(_ arguments: [String], environment: EnvironmentChanges) async -> CommandResult
}

extension CommandRunner {
    /// Runs the command in the runner's own environment.
    public func run(_ arguments: [String]) async -> CommandResult {
        await run(arguments, environment: [:])
    }
}

extension Dictionary where Key == String, Value == String {
    /// This environment with `changes` applied: a value set, nil removed.
    func applying(_ changes: EnvironmentChanges) -> [String: String] {
        var result = self
        for (name, value) in changes { result[name] = value }
        return result
    }
}
