import Foundation
import Testing
@testable import Collect

/// `--organization` with members, answered by ``FakeAWS``: who is assumed, with which credentials,
/// and what `--accounts`, `--exclude` and `--resume` change.
@Suite struct OrganizationMembersTests {
    static let management = FakeAccount.id
    static let (alpha, beta, suspended) = ("111111111111", "222222222222", "333333333333")

    static func responses() -> [String: CommandResult] {
        var responses = FakeAccount.responses()
        let account = { (id: String, status: String) in #"{"Id": "\#(id)", "Status": "\#(status)"}"# }
        responses["organizations describe-organization"] = .json(#"{"Organization": {"Id": "o-1"}}"#)
        responses["organizations list-accounts"] = .json(#"{"Accounts": [\#(account(management, "ACTIVE")), \#(account(alpha, "ACTIVE")), \#(account(beta, "ACTIVE")), \#(account(suspended, "SUSPENDED"))]}"#)
        responses["organizations list-roots"] = .json(#"{"Roots": []}"#)
        for type in Organizations.policyTypes {
            responses["organizations list-policies --filter \(type) --query Policies[].Id"] = .json("[]")
        }
        responses[assume(alpha)] = .json(#"{"Credentials": {"AccessKeyId": "ASIAALPHA", "SecretAccessKey": "alpha-secret", "SessionToken": "alpha-token"}}"#)
        responses[assume(beta)] = .awsError("AccessDenied", "not authorized to perform: sts:AssumeRole", operation: "AssumeRole")
        return responses
    }

    static func assume(_ account: String, role: String = "OrganizationAccountAccessRole") -> String {
        "sts assume-role --role-arn arn:aws:iam::\(account):role/\(role) --role-session-name accessgraph-collect"
    }

    private func collect(_ folder: TemporaryFolder, _ aws: FakeAWS, accounts: AccountSelection = AccountSelection(),
                         resume: Bool = false) async throws -> CollectSummary {
        let options = CollectOptions(output: folder.path("snap"), profile: "audit", regions: ["us-east-1"], organization: true,
                                     accounts: accounts, resume: resume)
        return try await Collector(options: options, runner: aws, environment: folder.environment).collect()
    }

    @Test func assumesEachActiveMemberAndRunsItsCommandsWithTheTemporaryKeys() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let aws = FakeAWS(Self.responses())
        let summary = try await collect(folder, aws)

        #expect(aws.commands.filter { $0.hasPrefix("sts assume-role") }.sorted() == [Self.assume(Self.alpha), Self.assume(Self.beta)],
                "every ACTIVE account but the caller's, none SUSPENDED")
        let calls = zip(aws.calls, aws.environments)
        let alphaCalls = calls.filter { $0.0.contains("--account-id") ? $0.0.contains(Self.alpha) : $0.1["AWS_ACCESS_KEY_ID"] == "ASIAALPHA" }
        #expect(alphaCalls.count > 20)
        for (argv, environment) in alphaCalls {
            #expect(!argv.contains("--profile"), "an explicit profile would win over the member's keys: \(argv)")
            #expect(environment["AWS_SESSION_TOKEN"] == "alpha-token" && environment["AWS_SECRET_ACCESS_KEY"] == "alpha-secret")
            #expect(environment.keys.contains("AWS_PROFILE") && environment["AWS_PROFILE"]! == nil)
        }
        for (argv, environment) in calls where environment.isEmpty {
            #expect(argv.contains("--profile"), "the caller's commands keep --profile: \(argv)")
        }
        #expect(summary.collectedAccounts == [Self.alpha, Self.management])
        #expect(summary.failedAccounts.map(\.account) == [Self.beta])
        #expect(summary.report.last?.contains("2 account(s) collected, 1 failed (\(Self.beta))") == true)
        #expect(summary.report.contains { $0.hasPrefix("error: account \(Self.beta) not collected: An error occurred (AccessDenied)") })
        #expect(summary.failures.contains { $0.account == Self.beta && $0.command.contains("assume-role") })
        #expect(FileManager.default.fileExists(atPath: folder.path("snap/accounts/\(Self.alpha)/iam/get-account-authorization-details.json")))
        #expect(!FileManager.default.fileExists(atPath: folder.path("snap/accounts/\(Self.beta)")))
        let everything = folder.files(under: "snap").map { (try? String(contentsOfFile: folder.path("snap/\($0)"), encoding: .utf8)) ?? "" }
        #expect(!everything.contains { $0.contains("alpha-secret") || $0.contains("alpha-token") }, "credentials are never written")
    }

    @Test func accountsAndExcludeSelectMembers() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let aws = FakeAWS(Self.responses())
        let selection = AccountSelection(only: [Self.alpha, Self.beta, "444444444444"], excluded: [Self.beta])
        let summary = try await collect(folder, aws, accounts: selection)
        #expect(aws.commands.filter { $0.hasPrefix("sts assume-role") } == [Self.assume(Self.alpha)])
        #expect(!zip(aws.calls, aws.environments).contains { $0.1.isEmpty && $0.0.contains("get-account-authorization-details") },
                "no command reads the management account's own data")
        #expect(summary.collectedAccounts == [Self.alpha], "the management account is not selected")
        #expect(!FileManager.default.fileExists(atPath: folder.path("snap/accounts/\(Self.management)")))
        #expect(summary.failedAccounts == [AccountFailure(
            account: "444444444444", reason: "not an ACTIVE account of the organization (organizations list-accounts)")])
    }

    @Test func resumeRunsOnlyWhatIsMissingAndRewritesNothing() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try await collect(folder, FakeAWS(Self.responses()))
        let gaad = folder.path("snap/accounts/\(Self.alpha)/iam/get-account-authorization-details.json")
        let policy = folder.path("snap/accounts/\(Self.management)/s3/web/get-bucket-policy.json")
        try FileManager.default.removeItem(atPath: gaad)
        try FileManager.default.removeItem(atPath: folder.path("snap/collect-errors.json"))
        let stray = folder.path("snap/accounts/\(Self.management)/.x.json\(SnapshotWriter.partialMarker)1234")
        try Data("half".utf8).write(to: URL(fileURLWithPath: stray))
        let before = try FileManager.default.attributesOfItem(atPath: policy)[.modificationDate] as? Date

        let again = FakeAWS(Self.responses())
        let summary = try await collect(folder, again, resume: true)
        #expect(FileManager.default.fileExists(atPath: gaad))
        #expect(again.commands.filter { $0 == "iam get-account-authorization-details" }.count == 1, "only alpha's GAAD ran again")
        #expect(!again.commands.contains("s3api get-bucket-policy --bucket web"))
        #expect(again.commands.contains(Self.assume(Self.alpha)), "a member's role is assumed again: keys are never kept")
        #expect(summary.reusedFiles > 10)
        #expect(try FileManager.default.attributesOfItem(atPath: policy)[.modificationDate] as? Date == before)
        #expect(!FileManager.default.fileExists(atPath: stray), "a killed run's partial file is removed")
        #expect(FileManager.default.fileExists(atPath: folder.path("snap/collect-errors.json")))
    }

    @Test func resumeAndForceDoNotGoTogether() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let options = CollectOptions(output: folder.path("snap"), regions: ["us-east-1"], force: true, resume: true)
        await #expect(throws: CollectError.invalidOptions("--force and --resume do not go together")) {
            try await Collector(options: options, runner: FakeAWS(Self.responses()), environment: folder.environment).collect()
        }
    }

    @Test(arguments: [["1111,2222"], ["111111111111,x"], ["11111111111a"]])
    func accountIDsMustBeTwelveDigits(values: [String]) {
        #expect(throws: InvalidAccountID.self) { try AccountSelection.parse(values).get() }
    }

    @Test func accountIDsAreCommaSeparatedAndRepeatable() throws {
        #expect(try AccountSelection.parse(["111111111111,222222222222", "333333333333"]).get()
                == ["111111111111", "222222222222", "333333333333"])
    }
}
