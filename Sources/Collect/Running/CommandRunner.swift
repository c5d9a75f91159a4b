/// Runs one command given as an argument vector (the executable's path first) and
/// waits for it. The collector talks to the `aws` CLI only through this, so tests
/// can answer with canned results instead of starting processes.
public protocol CommandRunner: Sendable {
    /// Runs `arguments[0]` with the remaining arguments, never through a shell.
    /// A command that cannot be started is reported as a failed result, not thrown.
    func run(_ arguments: [String]) async -> CommandResult
}
