import Foundation

/// Runs `aws` commands in a few long-lived Python workers (``CLIWorker``), each running many
/// commands through awscli's own driver, with a process per command (``ProcessRunner``) as
/// the fallback: for a command whose worker died, and for every command when no worker could
/// start (awscli v2 is a binary; a Python without awscli).
public struct WorkerRunner: CommandRunner {
    private let pool: WorkerPool
    /// Runs what the workers cannot.
    public let fallback: ProcessRunner
    /// How many workers may run (0: every command runs as a process).
    public let workerCount: Int

    /// Starts one worker for the `aws` at `executable`, in `environment`; more start as commands
    /// need them, up to `count`. When `aws` is a shell wrapper and the worker's Python is `python3`
    /// from `PATH`, its awscli version must be the one `aws --version` prints, or no worker is used.
    public static func start(aws executable: String, count: Int, environment: [String: String]) async -> WorkerRunner {
        let fallback = ProcessRunner(environment: environment)
        let locator = PythonLocator(locator: ExecutableLocator(searchPath: environment["PATH"] ?? ""))
        guard let found = locator.python(for: executable) else { return none(fallback) }
        let python: String
        switch found {
        case .shebang(let path), .searchPath(let path): python = path
        }
        guard let first = await CLIWorker.start(python: python, environment: environment) else { return none(fallback) }
        if case .searchPath = found, await !sameVersion(first.version, as: executable, runner: fallback) {
            first.stop()
            return none(fallback)
        }
        let pool = WorkerPool([first], python: python, environment: environment, capacity: max(1, count))
        return WorkerRunner(pool: pool, fallback: fallback, workerCount: max(1, count))
    }

    /// A runner with no worker: a process per command.
    private static func none(_ fallback: ProcessRunner) -> WorkerRunner {
        WorkerRunner(pool: WorkerPool([], python: nil, environment: [:], capacity: 0), fallback: fallback, workerCount: 0)
    }

    /// Whether `aws --version` (`aws-cli/1.45.11 Python/...`) names awscli `version`.
    private static func sameVersion(_ version: String, as executable: String, runner: ProcessRunner) async -> Bool {
        let result = await runner.run([executable, "--version"])
        let text = String(decoding: result.standardOutput, as: UTF8.self) + " " + result.standardError
        return result.succeeded && text.split(separator: " ").contains { $0 == "aws-cli/\(version)" }
    }

    /// Runs the command in an idle worker, or as a process when no worker is left.
    public func run(_ arguments: [String], environment: EnvironmentChanges) async -> CommandResult {
        guard let worker = await pool.acquire() else { return await fallback.run(arguments, environment: environment) }
        let result = await worker.run(arguments, environment: environment)
        await pool.release(worker, alive: result != nil)
        if let result { return result }
        return await fallback.run(arguments, environment: environment)
    }

    /// Ends the workers; commands run after this run as processes.
    public func stop() async {
        await pool.stopAll()
    }
}
