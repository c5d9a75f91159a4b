import Foundation
import SnapshotLayout

/// The calls made before anything is written: who the credentials belong to and which
/// regions to collect.
struct Preflight: Sendable {
    let runner: any CommandRunner
    let environment: [String: String]

    /// The caller's account id and the verbatim `get-caller-identity` output.
    func callerIdentity(_ cli: AWSCLI) async throws(CollectError) -> (account: String, output: Data) {
        let result = await runner.run(cli.argv(AWSCommand(["sts", LayoutFile.getCallerIdentity.operation])))
        guard result.succeeded else { throw .noCredentials(ErrorClassifier.message(for: result)) }
        let object = try? JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any]
        guard let account = object?["Account"] as? String, !account.isEmpty else {
            throw .noCredentials("its output names no account")
        }
        return (account, result.standardOutput)
    }

    /// The region set in the environment (`AWS_REGION`, `AWS_DEFAULT_REGION`) or in the
    /// profile (`aws configure get region`), if any.
    func configuredRegion(_ cli: AWSCLI) async -> String? {
        for name in ["AWS_REGION", "AWS_DEFAULT_REGION"] {
            if let region = environment[name], !region.isEmpty { return region }
        }
        let result = await runner.run(cli.configuredRegionArgv())
        let region = String(decoding: result.standardOutput, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return result.succeeded && !region.isEmpty ? region : nil
    }

    /// The account's enabled regions (`ec2 describe-regions` lists only those). When that
    /// fails, the configured region alone, with the failure to report; with none, an error.
    func enabledRegions(_ cli: AWSCLI, configured: String?) async throws(CollectError)
        -> (regions: [String], failure: CommandFailure?)
    {
        let argv = cli.argv(AWSCommand(["ec2", "describe-regions", "--query", "Regions[].RegionName"]))
        let result = await runner.run(argv)
        let message: String
        if result.succeeded {
            do throws(UnexpectedOutput) {
                let regions = try QueryRows.parse(result.standardOutput).compactMap(\.first).sorted()
                if !regions.isEmpty { return (regions, nil) }
                message = "it listed no region"
            } catch {
                message = error.message
            }
        } else {
            message = ErrorClassifier.message(for: result)
        }
        guard let configured else { throw .noRegion(message) }
        return ([configured], CommandFailure(command: argv, error: message))
    }
}
