import Foundation
import SnapshotLayout

/// Takes a snapshot of one account (and optionally its organization) with the stock
/// `aws` CLI, in the layout of `snapshot-layout.md`.
///
/// Before anything is written it checks the output folder, finds `aws`, and asks
/// `sts get-caller-identity` whose credentials these are; any of those failing throws a
/// ``CollectError``. Then every command runs (a bounded number at once); a command that
/// fails for one resource is recorded in `collect-errors.json` and the rest goes on.
/// The snapshot is written into a hidden sibling folder and renamed into place at the end.
public struct Collector: Sendable {
    /// What to collect.
    public let options: CollectOptions
    /// Runs the `aws` commands.
    public let runner: any CommandRunner
    /// The environment: `PATH` to find `aws`, `AWS_REGION`/`AWS_DEFAULT_REGION`.
    public let environment: [String: String]
    /// Told how many commands have finished.
    public let progress: any ProgressReporter

    /// Creates a collector; by default commands run as real processes in this process's environment.
    public init(
        options: CollectOptions, runner: any CommandRunner = ProcessRunner(),
        environment: [String: String] = ProcessInfo.processInfo.environment,
        progress: any ProgressReporter = SilentProgress()
    ) {
        self.options = options
        self.runner = runner
        self.environment = environment
        self.progress = progress
    }

    /// Collects the snapshot into `options.output`.
    public func collect() async throws(CollectError) -> CollectSummary {
        let destination = URL(fileURLWithPath: options.output).standardizedFileURL
        try OutputFolder.check(destination, force: options.force)
        let locator = ExecutableLocator(searchPath: environment["PATH"] ?? "")
        guard let executable = locator.locate(options.awsExecutable) else {
            throw .awsCLINotFound(options.awsExecutable)
        }
        let preflight = Preflight(runner: runner, environment: environment)
        var cli = AWSCLI(executable: executable, profile: options.profile, endpointURL: options.endpointURL,
                         homeRegion: "us-east-1")
        let configured = options.regions.isEmpty ? await preflight.configuredRegion(cli) : nil
        cli.homeRegion = options.regions.first ?? configured ?? cli.homeRegion
        let identity = try await preflight.callerIdentity(cli)
        var regions = Self.unique(options.regions)
        var failures: [CommandFailure] = []
        if regions.isEmpty {
            let enabled = try await preflight.enabledRegions(cli, configured: configured)
            regions = enabled.regions
            failures += enabled.failure.map { [$0] } ?? []
        }

        let staging = try StagingDirectory.create(for: destination)
        do throws(CollectError) {
            let account = identity.account
            try staging.write(SnapshotFile(
                path: SnapshotLayout.path(of: .getCallerIdentity, in: SnapshotLayout.accountDirectory(account)), contents: identity.output))
            let plan = CollectPlan(account: account, regions: regions, organization: options.organization)
            let scheduler = JobScheduler(cli: cli, runner: runner, limit: options.jobs, progress: progress)
            let run = try await scheduler.run(plan.initialJobs(), into: staging)
            failures = (failures + run.failures).sorted { $0.command.lexicographicallyPrecedes($1.command) }
            try staging.write(SnapshotFile(path: SnapshotLayout.errorsFile, contents: Self.encode(failures)))
            try staging.commit()
            return CollectSummary(account: account, regions: regions, output: destination.path,
                                  fileCount: run.files + 2, failures: failures)
        } catch {
            staging.discard()
            throw error
        }
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
