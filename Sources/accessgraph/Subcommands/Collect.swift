import ArgumentParser
import Collect
import Foundation

/// `accessgraph collect`: takes a snapshot with the stock `aws` CLI. Only options live
/// here; the work is the `Collect` library's.
struct Collect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Take a snapshot of an AWS account (and organization) with the aws CLI.",
        discussion: """
            Runs read-only aws CLI commands and writes their verbatim JSON output in the snapshot layout. \
            A command that fails for one resource (access denied, throttled) is recorded in collect-errors.json \
            and the rest goes on. Exits with status 2, writing nothing, when aws is missing, the credentials \
            do not work, or the output folder is not empty (see --force).
            """
    )

    @Option(name: [.short, .customLong("output")], help: "The snapshot folder to create.")
    var output: String

    @Option(help: "The aws CLI profile to use.")
    var profile: String?

    @Option(help: "A region to collect (repeat for several). Default: every enabled region.")
    var region: [String] = []

    @Option(name: .customLong("endpoint-url"), help: "An AWS-compatible endpoint to use instead of AWS, e.g. http://127.0.0.1:5000.")
    var endpointURL: String?

    @Flag(help: "Also collect the organization (OUs, accounts, SCPs, RCPs); run from the management account.")
    var organization = false

    @Option(help: "How many aws commands to run at once.")
    var jobs = 4

    @Flag(help: "Replace an existing snapshot in the output folder.")
    var force = false

    @Option(name: .customLong("aws-cli"), help: "The aws executable: a name looked up in PATH, or a path.")
    var awsCLI = "aws"

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() async throws {
        let options = CollectOptions(
            output: output, profile: profile, regions: region, endpointURL: endpointURL,
            organization: organization, jobs: jobs, force: force, awsExecutable: awsCLI)
        do {
            let summary = try await Collector(options: options, progress: TerminalProgress.forStandardError()).collect()
            summary.report.forEach { printToStandardError($0) }
        } catch {
            printToStandardError("error: \(error)")
            throw ExitCode(2)
        }
    }

    private func printToStandardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
