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
    /// process's environment with `AWS_PAGER` emptied, so the CLI never starts a pager.
    public init(environment: [String: String] = ProcessRunner.defaultEnvironment()) {
        self.environment = environment
    }

    /// This process's environment with `AWS_PAGER=""`.
    public static func defaultEnvironment() -> [String: String] {
        ProcessInfo.processInfo.environment.merging(["AWS_PAGER": ""]) { _, new in new }
    }

    /// Runs the command and waits for it without blocking a thread of the cooperative pool.
    public func run(_ arguments: [String]) async -> CommandResult {
        guard let executable = arguments.first else {
            return CommandResult(status: 127, standardError: "no command given")
        }
        let files = OutputFiles()
        defer { files.remove() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(arguments.dropFirst())
        process.environment = environment
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
