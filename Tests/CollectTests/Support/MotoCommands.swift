import Foundation
import Collect

/// Runs `accessgraph` and the reference script against a moto server, with no AWS config files.
enum MotoCommands {
    /// This process's environment without AWS settings, with `credentials` (an access key and
    /// secret, plus a session token for an assumed role) when given.
    static func environment(key: String?, secret: String = "fixture", token: String? = nil) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for name in ["AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                     "AWS_RETRY_MODE", "AWS_MAX_ATTEMPTS"] {
            environment[name] = nil
        }
        environment["AWS_CONFIG_FILE"] = "/nonexistent/aws-config"
        environment["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/aws-credentials"
        environment["AWS_DEFAULT_REGION"] = "us-east-1"
        environment["AWS_EC2_METADATA_DISABLED"] = "true"
        if let key {
            environment["AWS_ACCESS_KEY_ID"] = key
            environment["AWS_SECRET_ACCESS_KEY"] = secret
        }
        if let token { environment["AWS_SESSION_TOKEN"] = token }
        return environment
    }

    /// `accessgraph collect --aws-cli AWS ARGS` with the management account's credentials.
    static func collect(_ tools: MotoTools, _ arguments: [String]) async -> CommandResult {
        await ProcessRunner(environment: environment(key: MotoFixture.account))
            .run([tools.accessgraph, "collect", "--aws-cli", tools.aws] + arguments)
    }

    /// `accessgraph findings SNAPSHOT --format json --zone ZONE --no-index`.
    static func findings(_ tools: MotoTools, _ snapshot: URL, zone: String) async -> CommandResult {
        await ProcessRunner(environment: environment(key: nil))
            .run([tools.accessgraph, "findings", snapshot.path, "--format", "json", "--zone", zone, "--no-index"])
    }

    /// `shared/bench/collect_via_cli.sh`, the reference collector: beside the clone, or `ACCESSGRAPH_BENCH_SHARED`.
    static var referenceScript: String {
        let shared = ProcessInfo.processInfo.environment["ACCESSGRAPH_BENCH_SHARED"]
            ?? MotoTools.repository.deletingLastPathComponent().appendingPathComponent("shared/bench").path
        return shared + "/collect_via_cli.sh"
    }

    /// The reference script run against `endpoint` into `output`, with the given credentials.
    static func reference(_ tools: MotoTools, endpoint: String, output: URL, key: String, secret: String = "fixture",
                          token: String? = nil) async -> CommandResult {
        var environment = environment(key: key, secret: secret, token: token)
        environment["AWS_CLI"] = tools.aws
        return await ProcessRunner(environment: environment).run(["/bin/bash", referenceScript, endpoint, output.path])
    }

    /// `aws sts assume-role` into `role` as the management account, with `session` as the session name:
    /// the temporary key, secret and token.
    static func assume(_ tools: MotoTools, endpoint: String, role: String, session: String) async throws
        -> (key: String, secret: String, token: String)
    {
        let result = await ProcessRunner(environment: environment(key: MotoFixture.account)).run(
            [tools.aws, "--endpoint-url", endpoint, "--output", "json", "sts", "assume-role",
             "--role-arn", role, "--role-session-name", session])
        let object = (try? JSONSerialization.jsonObject(with: result.standardOutput)) as? [String: Any]
        guard let credentials = object?["Credentials"] as? [String: Any],
              let key = credentials["AccessKeyId"] as? String, let secret = credentials["SecretAccessKey"] as? String,
              let token = credentials["SessionToken"] as? String else {
            throw MotoUnavailable(description: "assume-role into \(role) failed: \(result.standardError)")
        }
        return (key, secret, token)
    }
}
