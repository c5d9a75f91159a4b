import Foundation
import SnapshotLayout

/// Takes a snapshot of one account, or of an organization and its member accounts, with the
/// stock `aws` CLI, in the layout of `snapshot-layout.md`.
///
/// Before anything is written it checks the output folder, finds `aws`, and asks
/// `sts get-caller-identity` whose credentials these are; any of those failing throws a
/// ``CollectError``. Then every command runs (a bounded number at once); a command that
/// fails for one resource, or a member whose role cannot be assumed, is recorded in
/// `collect-errors.json` and the rest goes on. Files are written straight into the output
/// folder, each one whole (``SnapshotWriter``); cancelling the task (Ctrl-C) leaves a partial
/// snapshot that `--resume` completes.
public struct Collector: Sendable {
    /// What to collect.
    public let options: CollectOptions
    /// Runs the `aws` commands; nil: long-lived CLI workers (``WorkerRunner``), or a process per
    /// command with `processPerCall`.
    public let runner: (any CommandRunner)?
    /// The environment: `PATH` to find `aws`, `AWS_REGION`/`AWS_DEFAULT_REGION`; the commands' environment.
    public let environment: [String: String]
    /// Told how many commands have finished.
    public let progress: any ProgressReporter
    /// The temporary files being written, for a caller that must exit at once (a second Ctrl-C).
    public let partialFiles: PartialFiles
    /// The first wait before asking again for a report AWS is still generating (the credential
    /// report, a last-accessed report); later waits of a last-accessed report grow to five times it.
    var poll: Duration = .seconds(1)

    /// Creates a collector; by default commands run in this process's environment.
    public init(
        options: CollectOptions, runner: (any CommandRunner)? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        progress: any ProgressReporter = SilentProgress(), partialFiles: PartialFiles = PartialFiles()
    ) {
        self.options = options
        self.runner = runner
        self.environment = environment
        self.progress = progress
        self.partialFiles = partialFiles
    }

    /// Collects the snapshot into `options.output`.
    public func collect() async throws(CollectError) -> CollectSummary {
        try validate()
        let destination = URL(fileURLWithPath: options.output).standardizedFileURL
        let mode: OutputFolder.Mode = options.resume ? .resume : options.force ? .replace : .create
        try OutputFolder.check(destination, mode: mode)
        let locator = ExecutableLocator(searchPath: environment["PATH"] ?? "")
        guard let executable = locator.locate(options.awsExecutable) else {
            throw .awsCLINotFound(options.awsExecutable)
        }
        let (runner, workers) = await makeRunner(executable)
        defer { if let workers { Task { await workers.stop() } } }
        return try await collect(into: destination, mode: mode, executable: executable, runner: runner,
                                 workerCount: workers?.workerCount ?? 0)
    }

    private func collect(into destination: URL, mode: OutputFolder.Mode, executable: String,
                         runner: any CommandRunner, workerCount: Int) async throws(CollectError) -> CollectSummary {
        let preflight = Preflight(runner: runner, environment: environment)
        var cli = AWSCLI(executable: executable, profile: options.profile, endpointURL: options.endpointURL,
                         homeRegion: "us-east-1")
        let configured = options.regions.isEmpty ? await preflight.configuredRegion(cli) : nil
        cli.homeRegion = options.regions.first ?? configured ?? cli.homeRegion
        let identity = try await preflight.callerIdentity(cli)
        let account = identity.account
        var regions = Self.unique(options.regions)
        var failures: [CommandFailure] = []
        if regions.isEmpty {
            let enabled = try await preflight.enabledRegions(cli, configured: configured)
            regions = enabled.regions
            failures += enabled.failure.map { [CommandFailure(account: account, command: $0.command, error: $0.error)] } ?? []
        }

        try OutputFolder.prepare(destination, mode: mode)
        let writer = SnapshotWriter(root: destination, partial: partialFiles)
        if case .resume = mode { writer.removeLeftovers() }
        let includesCaller = !options.organization || options.accounts.includes(account)
        let identityPath = SnapshotLayout.path(of: .getCallerIdentity, in: SnapshotLayout.accountDirectory(account))
        if includesCaller, !(options.resume && writer.existing(identityPath) != nil) {
            try writer.write(SnapshotFile(path: identityPath, contents: identity.output))
        }
        let plan = CollectPlan(account: account, regions: regions, includesAccount: includesCaller,
                               organization: options.organization, members: memberCollection(identity),
                               lastAccessed: options.lastAccessed, poll: poll)
        let scheduler = JobScheduler(cli: cli, runner: runner, limit: options.jobs, progress: progress, resume: options.resume)
        let run = try await scheduler.run(plan.initialJobs(), as: .caller(account), into: writer)
        failures = (failures + run.failures).sorted(by: Self.order)
        if !run.interrupted {
            try writer.write(SnapshotFile(path: SnapshotLayout.errorsFile, contents: Self.encode(failures)))
        }
        let failedAccounts = run.failedAccounts.sorted { $0.account < $1.account }
        let collected = run.collectedAccounts.union(includesCaller ? [account] : [])
            .subtracting(failedAccounts.map(\.account))
        return CollectSummary(
            account: account, organization: options.organization, collectedAccounts: collected.sorted(),
            failedAccounts: failedAccounts, regions: regions, output: destination.path, fileCount: writer.fileCount(),
            reusedFiles: run.reused, failures: failures, interrupted: run.interrupted, workers: workerCount)
    }

    /// How members are collected with `--organization`; nil without it.
    private func memberCollection(_ identity: (account: String, output: Data)) -> MemberCollection? {
        guard options.organization else { return nil }
        return MemberCollection(caller: identity.account, partition: Self.partition(of: identity.output),
                                roleName: options.memberRole, selection: options.accounts,
                                regions: Self.unique(options.regions), lastAccessed: options.lastAccessed, poll: poll)
    }

    private func validate() throws(CollectError) {
        if options.force && options.resume { throw .invalidOptions("--force and --resume do not go together") }
        if !options.organization && options.accounts != AccountSelection() {
            throw .invalidOptions("--accounts and --exclude select accounts of an organization: they need --organization")
        }
        if options.memberRole.isEmpty { throw .invalidOptions("--member-role must name a role") }
    }

    /// The given runner, or the CLI workers (falling back to a process per command).
    private func makeRunner(_ executable: String) async -> (any CommandRunner, WorkerRunner?) {
        if let runner { return (runner, nil) }
        let prepared = CLIEnvironment.prepare(environment)
        if options.processPerCall { return (ProcessRunner(environment: prepared), nil) }
        let workers = await WorkerRunner.start(aws: executable, count: options.jobs, environment: prepared)
        return (workers, workers)
    }

    /// The partition in `get-caller-identity`'s ARN (`arn:aws-cn:...`); `aws` if it names none.
    static func partition(of identity: Data) -> String {
        let object = (try? JSONSerialization.jsonObject(with: identity)) as? [String: Any]
        let parts = (object?["Arn"] as? String)?.split(separator: ":", omittingEmptySubsequences: false) ?? []
        return parts.count > 1 && !parts[1].isEmpty ? String(parts[1]) : "aws"
    }

    /// Failures by account, then command.
    static func order(_ a: CommandFailure, _ b: CommandFailure) -> Bool {
        if a.account != b.account { return (a.account ?? "") < (b.account ?? "") }
        return a.command.lexicographicallyPrecedes(b.command)
    }

    /// `collect-errors.json`: the failures as a pretty-printed JSON array.
    static func encode(_ failures: [CommandFailure]) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(failures)) ?? Data("[]".utf8)
    }

    /// The regions in their first order, each once.
    static func unique(_ regions: [String]) -> [String] {
        var seen = Set<String>()
        return regions.filter { seen.insert($0).inserted }
    }
}
