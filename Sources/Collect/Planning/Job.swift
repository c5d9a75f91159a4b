import Foundation

/// One `aws` command to run, and what to make of its output.
struct Job: Sendable {
    /// The command.
    let command: AWSCommand
    /// Error codes that mean "nothing there" (no policy): no file, no warning.
    let absentErrorCodes: Set<String>
    /// Whose credentials it runs with; nil: those of the job whose output led to it (the
    /// caller's for the first jobs).
    var access: AccountAccess?
    /// The snapshot file this job, or the chain of jobs it starts, ends in. With `--resume`,
    /// when that file is already there the command is not run: `reuse` reads the file instead.
    var target: String?
    /// When the command fails, this account cannot be collected (its `sts assume-role`).
    var failsAccount: String?
    /// Turns the command's standard output into files and further jobs.
    var handle: @Sendable (Data) throws(UnexpectedOutput) -> JobOutput
    /// With `--resume`, the further jobs that the existing `target` file leads to; nil: none.
    var reuse: (@Sendable (Data) throws(UnexpectedOutput) -> JobOutput)?
    /// How long to wait before running the command: a poll of a report AWS is still generating.
    /// The wait holds none of the `--jobs` places; other commands run meanwhile.
    var delay: Duration = .zero
    /// When the command fails: the job to run instead (nil: the failure is recorded). The first
    /// failure is then not recorded; the other job's is, if it fails too.
    var fallback: (@Sendable (CommandResult) -> Job?)?

    init(command: AWSCommand, absentErrorCodes: Set<String> = [], target: String? = nil,
         handle: @escaping @Sendable (Data) throws(UnexpectedOutput) -> JobOutput,
         reuse: (@Sendable (Data) throws(UnexpectedOutput) -> JobOutput)? = nil) {
        self.command = command
        self.absentErrorCodes = absentErrorCodes
        self.target = target
        self.handle = handle
        self.reuse = reuse
    }

    /// A job whose output is saved verbatim at `path`.
    static func save(_ command: AWSCommand, to path: String, absent: Set<String> = []) -> Job {
        Job(command: command, absentErrorCodes: absent, target: path) { data in
            JobOutput(files: [SnapshotFile(path: path, contents: data)])
        }
    }

    /// A job whose output is saved verbatim at `path` and leads to the jobs `then` reads
    /// from it; with `--resume` and the file there, `then` reads the file.
    static func save(_ command: AWSCommand, to path: String,
                     then next: @escaping @Sendable (Data) throws(UnexpectedOutput) -> JobOutput) -> Job {
        Job(command: command, target: path, handle: { data throws(UnexpectedOutput) in
            var output = try next(data)
            output.files.insert(SnapshotFile(path: path, contents: data), at: 0)
            return output
        }, reuse: next)
    }

    /// A listing job: runs `command` with `--query query` (the CLI joins all pages first)
    /// and hands the listed rows to `next`, which says what to run for each resource.
    static func discover(
        _ command: AWSCommand, query: String, next: @escaping @Sendable ([[String]]) -> [Job]
    ) -> Job {
        var listing = command
        listing.arguments += ["--query", query]
        return Job(command: listing) { data throws(UnexpectedOutput) in
            JobOutput(followUps: next(try QueryRows.parse(data)))
        }
    }

    /// This job, whose output (and, with `--resume`, its existing `target` file) also leads to
    /// the jobs `next` makes of it: per-principal jobs read from the authorization details.
    func leading(to next: @escaping @Sendable (Data) -> [Job]) -> Job {
        var job = self
        let handle = self.handle, reuse = self.reuse
        job.handle = { data throws(UnexpectedOutput) in
            var output = try handle(data)
            output.followUps += next(data)
            return output
        }
        job.reuse = { data throws(UnexpectedOutput) in
            var output = try reuse?(data) ?? JobOutput()
            output.followUps += next(data)
            return output
        }
        return job
    }

    /// This job run with `access` (unless it already has its own).
    func with(_ access: AccountAccess) -> Job {
        var job = self
        job.access = job.access ?? access
        return job
    }
}
