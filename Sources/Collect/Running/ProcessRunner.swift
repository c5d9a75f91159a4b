import Foundation

/// Runs commands as child processes with Foundation's `Process`, no shell involved.
///
/// Standard output and standard error go to temporary files rather than pipes, so a
/// large output (IAM's authorization details run to megabytes) can never fill a pipe
/// buffer and stall the child, and concurrently started children never hold each
/// other's pipe ends open.
public struct ProcessRunner: CommandRunner {
    /// The environment every child gets.
    public let environment: [String: String]

    /// Creates a runner whose children inherit `environment`. The default is this
    /// process's environment as ``CLIEnvironment`` prepares it (no pager, retries with backoff).
    public init(environment: [String: String] = CLIEnvironment.prepare(ProcessInfo.processInfo.environment)) {
        self.environment = environment
    }

    /// Runs the command and waits for it without blocking a thread of the cooperative pool.
    /// The child's environment is the runner's with `changes` applied; it exists only in
    /// the child process.
    public func run(_ arguments: [String], environment changes: EnvironmentChanges) async -> CommandResult {
        guard let executable = arguments.first else {
            return CommandResult(status: 127, standardError: "no command given")
        }
        let files = OutputFiles()
        defer { files.remove() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(arguments.dropFirst())
        process.environment = environment.applying(changes)
        process.standardInput = FileHandle.nullDevice
        do {
            let (out, err) = try files.open()
            process.standardOutput = out
            process.standardError = err
        } catch {
            return CommandResult(status: 127, standardError: "cannot create temporary output files: \(error)")
        }
        let status: Int32 = await withCheckedContinuation { continuation in
            process.terminationHandler = { finished in
                continuation.resume(returning: finished.terminationStatus)
            }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                files.launchError = "cannot run \(executable): \(error.localizedDescription)"
                continuation.resume(returning: 127)
            }
        }
        return files.result(status: status)
    }
}
