import Foundation

/// One `aws` command to run, and what to make of its output.
struct Job: Sendable {
    /// The command.
    let command: AWSCommand
    /// Error codes that mean "nothing there" (no policy): no file, no warning.
    let absentErrorCodes: Set<String>
    /// Turns the command's standard output into files and further jobs.
    let handle: @Sendable (Data) throws(UnexpectedOutput) -> JobOutput

    /// A job whose output is saved verbatim at `path`.
    static func save(_ command: AWSCommand, to path: String, absent: Set<String> = []) -> Job {
        Job(command: command, absentErrorCodes: absent) { data in
            JobOutput(files: [SnapshotFile(path: path, contents: data)])
        }
    }

    /// A listing job: runs `command` with `--query query` (the CLI joins all pages first)
    /// and hands the listed rows to `next`, which says what to run for each resource.
    static func discover(
        _ command: AWSCommand, query: String, next: @escaping @Sendable ([[String]]) -> [Job]
    ) -> Job {
        var listing = command
        listing.arguments += ["--query", query]
        return Job(command: listing, absentErrorCodes: []) { data throws(UnexpectedOutput) in
            JobOutput(followUps: next(try QueryRows.parse(data)))
        }
    }
}
