import ArgumentParser
import Collect
import Foundation

/// `accessgraph collect`: takes a snapshot with the stock `aws` CLI. Only options live
/// here; the work is the `Collect` library's.
struct Collect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Take a snapshot of an AWS account, or of an organization and its accounts, with the aws CLI.",
        discussion: """
            Runs read-only aws CLI commands and writes their verbatim JSON output in the snapshot layout. \
            With --organization, each member account is read through sts assume-role into --member-role. \
            A command that fails (access denied, throttled after retries) or a member that cannot be assumed is \
            recorded in collect-errors.json and the rest goes on. Ctrl-C stops after the commands under way \
            (a second Ctrl-C exits at once); --resume completes the snapshot. Exits with status 2, writing \
            nothing, when aws is missing, the credentials do not work, or the output folder is not empty \
            (see --force, --resume); 130 when interrupted.
            """
    )

    @Option(name: [.short, .customLong("output")], help: "The snapshot folder to create.")
    var output: String

    @Option(help: "The aws CLI profile to use.")
    var profile: String?

    @Option(help: "A region to collect (repeat for several). Default: every enabled region of each account.")
    var region: [String] = []

    @Option(name: .customLong("endpoint-url"), help: "An AWS-compatible endpoint to use instead of AWS, e.g. http://127.0.0.1:5000.")
    var endpointURL: String?

    @Flag(help: "Also collect the organization and every ACTIVE member account; run from the management account or a delegated administrator.")
    var organization = false

    @Option(name: .customLong("member-role"), help: "The role assumed in each member account.")
    var memberRole = CollectOptions.defaultMemberRole

    @Option(help: "With --organization: only these accounts (comma-separated ids; repeatable).")
    var accounts: [String] = []

    @Option(help: "With --organization: not these accounts (comma-separated ids; repeatable).")
    var exclude: [String] = []

    @Option(help: "How many aws commands to run at once.")
    var jobs = 4

    @Flag(help: "Replace an existing snapshot in the output folder.")
    var force = false

    @Flag(help: "Complete an interrupted snapshot in the output folder: files already there are kept.")
    var resume = false

    @Flag(name: .customLong("process-per-call"), help: "Run each command as its own aws process (slower; the long-lived CLI workers are the default).")
    var processPerCall = false

    @Option(name: .customLong("aws-cli"), help: "The aws executable: a name looked up in PATH, or a path.")
    var awsCLI = "aws"

    @Flag(name: .customLong("no-last-accessed"),
          help: "Skip each IAM user's and role's service last-accessed report (one report job per principal; slow and throttled on large accounts). `unused` then reports their permissions as unknown.")
    var noLastAccessed = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if force && resume { throw ValidationError("--force and --resume do not go together") }
        if !organization && !(accounts.isEmpty && exclude.isEmpty) {
            throw ValidationError("--accounts and --exclude select accounts of an organization: they need --organization")
        }
        _ = try selection()
    }

    private func selection() throws -> AccountSelection {
        func ids(_ values: [String], _ option: String) throws -> Set<String> {
            switch AccountSelection.parse(values) {
            case .success(let ids): return ids
            case .failure(let bad): throw ValidationError("\(option): \"\(bad.value)\" is not a 12-digit account id")
            }
        }
        return AccountSelection(only: try ids(accounts, "--accounts"), excluded: try ids(exclude, "--exclude"))
    }

    func run() async throws {
        let options = CollectOptions(
            output: output, profile: profile, regions: region, endpointURL: endpointURL,
            organization: organization, memberRole: memberRole, accounts: try selection(), jobs: jobs,
            force: force, resume: resume, processPerCall: processPerCall, awsExecutable: awsCLI,
            lastAccessed: !noLastAccessed)
        let partialFiles = PartialFiles()
        let collector = Collector(options: options, progress: TerminalProgress.forStandardError(), partialFiles: partialFiles)
        let collection = Task { () async throws(CollectError) -> CollectSummary in try await collector.collect() }
        let interrupts = InterruptHandler(first: {
            collection.cancel()
            Self.printToStandardError("\ncollect: stopping after the commands under way (Ctrl-C again to stop at once)")
        }, second: {
            partialFiles.removeAll()
            Self.printToStandardError("collect: stopped; run the same command with --resume to complete the snapshot")
            Foundation.exit(130)
        })
        defer { interrupts.cancel() }
        do {
            let summary = try await collection.value
            summary.report.forEach { Self.printToStandardError($0) }
            if summary.interrupted { throw ExitCode(130) }
        } catch let error as CollectError {
            Self.printToStandardError("error: \(error)")
            throw ExitCode(2)
        }
    }

    private static func printToStandardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
