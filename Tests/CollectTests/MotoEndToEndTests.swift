import Foundation
import Testing
import Collect
import SnapshotLayout

/// Runs the built `accessgraph collect` with the real `aws` CLI against a moto server
/// populated by `scripts/collect-moto-fixture.py`. Fails when moto or aws is missing,
/// unless ACCESSGRAPH_SKIP_MOTO=1 (then it is skipped, with the reason printed).
@Suite(.serialized, .enabled("moto, aws or accessgraph missing and ACCESSGRAPH_SKIP_MOTO=1") { await MotoTools.suiteEnabled() })
struct MotoEndToEndTests {
    private let account = "accounts/\(MotoFixture.account)"

    /// Runs `accessgraph collect ARGS` with credentials for moto and no AWS config files.
    private func collect(_ tools: MotoTools, _ arguments: [String], credentials: Bool = true) async -> CommandResult {
        var environment = ProcessInfo.processInfo.environment
        for name in ["AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"] {
            environment[name] = nil
        }
        environment["AWS_CONFIG_FILE"] = "/nonexistent/aws-config"
        environment["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/aws-credentials"
        environment["AWS_DEFAULT_REGION"] = "us-east-1"
        environment["AWS_EC2_METADATA_DISABLED"] = "true"
        if credentials {
            environment["AWS_ACCESS_KEY_ID"] = MotoFixture.account
            environment["AWS_SECRET_ACCESS_KEY"] = "fixture"
        }
        let argv = [tools.accessgraph, "collect", "--aws-cli", tools.aws] + arguments
        return await ProcessRunner(environment: environment).run(argv)
    }

    private func snapshot(_ url: URL) -> SnapshotReader { SnapshotReader(root: url) }

    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("collect-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// collect-errors.json is a JSON array of {account: String, command: [String], error: String}; returns the commands.
    private func recordedFailures(_ snapshot: SnapshotReader) throws -> [[String]] {
        let entries = try #require(try snapshot.json("collect-errors.json") as? [[String: Any]])
        return try entries.map { entry in
            #expect(Set(entry.keys) == ["account", "command", "error"])
            #expect(entry["account"] as? String == MotoFixture.account)
            #expect((entry["error"] as? String)?.isEmpty == false)
            return try #require(entry["command"] as? [String])
        }
    }

    /// One run: the account in two regions and the organization; `--accounts` leaves out the
    /// organization's other account (this server pins every request to one account, so an
    /// assumed role would read the management account again).
    @Test func collectsTheAccountAndTheOrganization() async throws {
        let (tools, endpoint) = try await MotoFixture.shared.start()
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("snap")
        let result = await collect(tools, ["--endpoint-url", endpoint, "--region", "us-east-1", "--region", "eu-west-1",
                                           "--organization", "--accounts", MotoFixture.account, "--jobs", "3", "-o", output.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains(
            "collect: organization of \(MotoFixture.account): 1 account(s) collected, 0 failed, 2 region(s)"))
        #expect(snapshot(output).entries("accounts") == [MotoFixture.account])
        let snapshot = SnapshotReader(root: output)
        for file in snapshot.files { _ = try snapshot.json(file) }  // every file is JSON
        try checkAccount(snapshot)
        try checkOrganization(snapshot)

        // moto can't serve s3control (the CLI puts the account id in front of the host), and has no
        // service last-accessed reports: those are the warnings.
        let failures = try recordedFailures(snapshot)
        let failed = Set(failures.map { $0.drop { $0 != "--region" }.dropFirst(2).joined(separator: " ") })
        let reports = failed.filter { $0.hasPrefix("iam generate-service-last-accessed-details ") }
        #expect(failed.subtracting(reports).sorted() == MotoTools.unimplemented, "\(failed)")
        try checkLastAccessed(snapshot, failed: reports)
        #expect(failures.first?.first == tools.aws)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["snap"], "no staging folder left")
    }

    private func checkAccount(_ snapshot: SnapshotReader) throws {
        let gaad = try snapshot.object("\(account)/iam/get-account-authorization-details.json")
        #expect(SnapshotReader.names(gaad, list: "UserDetailList", key: "UserName").isSuperset(of: ["alice", "bob"]))
        #expect(SnapshotReader.names(gaad, list: "GroupDetailList", key: "GroupName").contains("developers"))
        #expect(SnapshotReader.names(gaad, list: "RoleDetailList", key: "RoleName")
            .isSuperset(of: ["deployer", "cross-account-auditor", "public-role", "lambda-exec"]))
        #expect(snapshot.text("\(account)/iam/get-account-authorization-details.json").contains("210987654321"))
        #expect(snapshot.exists("\(account)/get-caller-identity.json"))
        #expect(snapshot.exists("\(account)/iam/list-open-id-connect-providers.json"))
        #expect(snapshot.exists("\(account)/iam/list-saml-providers.json"))
        // The credential report (generate, then get) and the account summary, as moto serves them.
        let report = try snapshot.object("\(account)/iam/get-credential-report.json")
        let csv = (report["Content"] as? String).flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) }
        #expect(csv?.hasPrefix("user,arn,user_creation_time,password_enabled,") == true)
        #expect(csv?.contains(":user/alice,") == true)
        #expect(report["GeneratedTime"] != nil)
        #expect(try snapshot.object("\(account)/iam/get-account-summary.json")["SummaryMap"] != nil)

        let s3 = "\(account)/s3"
        #expect(snapshot.entries(s3) == ["private-logs", "public-web", "shared-data"])
        #expect(try snapshot.object("\(s3)/public-web/get-bucket-policy.json")["Policy"] is String)
        #expect(snapshot.text("\(s3)/public-web/get-bucket-policy.json").contains(#"\"Principal\": \"*\""#))
        #expect(snapshot.text("\(s3)/shared-data/get-bucket-policy.json").contains("210987654321"))
        #expect(snapshot.text("\(s3)/shared-data/get-bucket-acl.json").contains("AllUsers"))
        #expect(snapshot.entries("\(s3)/private-logs") == ["get-bucket-acl.json", "get-public-access-block.json"],
                "no policy leaves no file")

        let region = "\(account)/us-east-1"
        let keys = snapshot.entries("\(region)/kms")
        #expect(keys.count == 1)
        #expect(snapshot.entries("\(region)/kms/\(keys.first ?? "")") == ["describe-key.json", "get-key-policy.json", "list-grants.json"])
        #expect(snapshot.text("\(region)/kms/\(keys.first ?? "")/get-key-policy.json").contains("210987654321"))
        let orders = try snapshot.object("\(region)/sqs/orders/get-queue-attributes.json")["Attributes"] as? [String: Any]
        #expect(orders?["Policy"] is String && orders?["QueueArn"] is String)
        #expect((try snapshot.object("\(region)/sqs/internal/get-queue-attributes.json")["Attributes"] as? [String: Any])?["Policy"] == nil)
        #expect(snapshot.exists("\(region)/sns/alerts/get-topic-attributes.json"))
        #expect(snapshot.entries("\(region)/lambda/thumbnailer") == ["get-function.json", "get-policy.json"])
        #expect(snapshot.entries("\(region)/lambda/no-policy") == ["get-function.json"])
        #expect(snapshot.text("\(region)/lambda/thumbnailer/get-policy.json").contains("s3.amazonaws.com"))
        let secret = try snapshot.object("\(region)/secretsmanager/prod%2Fdb%2Fpassword/get-resource-policy.json")
        #expect(secret["Name"] as? String == "prod/db/password" && secret["ResourcePolicy"] is String)
        #expect(snapshot.exists("\(region)/ecr/team%2Fapp/get-repository-policy.json"))
        let snapshots = snapshot.entries("\(region)/ec2-snapshots")
        #expect(snapshots.count == 1)
        #expect(snapshot.text("\(region)/ec2-snapshots/\(snapshots.first ?? "")/describe-snapshot-attribute.json").contains("\"all\""))
        #expect(snapshot.text("\(region)/events/default/describe-event-bus.json").contains("210987654321"))
        #expect(snapshot.text("\(region)/rds-snapshots/payroll-manual/describe-db-snapshot-attributes.json").contains("210987654321"))
        #expect(snapshot.text("\(region)/dynamodb/orders/get-resource-policy.json").contains("210987654321"))
        let apis = snapshot.entries("\(region)/apigateway")
        #expect(apis.count == 1)
        #expect(snapshot.text("\(region)/apigateway/\(apis.first ?? "")/get-rest-api.json").contains("execute-api:Invoke"))
    }

    /// moto 5.2 answers `generate-service-last-accessed-details` with an HTTP 500 (no handler): one
    /// warning per user and role of the authorization details, at ACTION_LEVEL (a 500 is no refusal of
    /// the granularity), no `get-service-last-accessed-details` and no half-written folder.
    private func checkLastAccessed(_ snapshot: SnapshotReader, failed: Set<String>) throws {
        let gaad = try snapshot.object("\(account)/iam/get-account-authorization-details.json")
        let principals = ["UserDetailList", "RoleDetailList"].flatMap { gaad[$0] as? [[String: Any]] ?? [] }
            .filter { ($0["Path"] as? String)?.hasPrefix("/aws-service-role/") != true }
            .compactMap { $0["Arn"] as? String }
        #expect(principals.count >= 6)
        #expect(failed == Set(principals.map { "iam generate-service-last-accessed-details --arn \($0) --granularity ACTION_LEVEL" }))
        #expect(!snapshot.exists("\(account)/iam/\(SnapshotLayout.serviceLastAccessedDirectory)"))
    }

    private func checkOrganization(_ snapshot: SnapshotReader) throws {
        let org = "organization"
        #expect(try snapshot.object("\(org)/describe-organization.json")["Organization"] != nil)
        #expect(((try snapshot.object("\(org)/list-accounts.json")["Accounts"]) as? [Any])?.count == 2)
        let roots = try #require(try snapshot.object("\(org)/list-roots.json")["Roots"] as? [[String: Any]])
        let root = try #require(roots.first?["Id"] as? String)
        let children = try #require(try snapshot.object("\(org)/ous/\(root)/list-children.json")["Children"] as? [[String: Any]])
        #expect(Set(children.compactMap { $0["Type"] as? String }) == ["ACCOUNT", "ORGANIZATIONAL_UNIT"])
        #expect(snapshot.entries("\(org)/ous").count == 3, "root, Prod and the nested Payments OU")
        let policies = snapshot.entries("\(org)/policies")
        #expect(policies.contains("p-FullAWSAccess") && policies.contains("p-RCPFullAWSAccess"))
        #expect(policies.contains { snapshot.text("\(org)/policies/\($0)/describe-policy.json").contains("DenyLeaveOrg") })
        for policy in policies {
            #expect(snapshot.entries("\(org)/policies/\(policy)") == ["describe-policy.json", "list-targets-for-policy.json"])
        }
    }

    @Test func refusesANonEmptyOutputFolder() async throws {
        let (tools, endpoint) = try await MotoFixture.shared.start()
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("keep".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let result = await collect(tools, ["--endpoint-url", endpoint, "--region", "us-east-1", "-o", folder.path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("not empty"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
    }

    @Test func failsWithoutCredentialsBeforeWritingAnything() async throws {
        let (tools, endpoint) = try await MotoFixture.shared.start()
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = await collect(tools, ["--endpoint-url", endpoint, "--region", "us-east-1",
                                           "-o", folder.appendingPathComponent("snap").path], credentials: false)
        #expect(result.status == 2)
        #expect(result.standardError.contains("get-caller-identity"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func failsWithoutTheAWSCLI() async throws {
        let (tools, _) = try await MotoFixture.shared.start()
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = MotoTools(python: tools.python, aws: "/nonexistent/aws", accessgraph: tools.accessgraph)
        let result = await collect(missing, ["-o", folder.appendingPathComponent("snap").path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("AWS CLI (/nonexistent/aws) was not found"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
