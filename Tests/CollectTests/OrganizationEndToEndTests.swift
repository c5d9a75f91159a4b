import Foundation
import Testing
import Collect

/// `accessgraph collect --organization` against moto's organizations API and `sts assume-role`
/// (`scripts/collect-moto-fixture.py --organization-members`: a management account and three members,
/// each with its own state; the third member's role trusts another account only).
@Suite(.serialized, .enabled("moto, aws or accessgraph missing and ACCESSGRAPH_SKIP_MOTO=1") { await MotoTools.suiteEnabled() })
struct OrganizationEndToEndTests {
    struct Organization {
        let tools: MotoTools
        let endpoint: String
        let management: String
        /// The members that can be assumed.
        let members: [String]
        let locked: String
        var collected: [String] { ([management] + members).sorted() }
    }

    private func start() async throws -> Organization {
        let (tools, endpoint) = try await MotoFixture.organization.start()
        let facts = await MotoFixture.organization.facts
        let all = try #require(facts["MEMBERS"]).split(separator: ",").map(String.init)
        let locked = try #require(facts["LOCKED"])
        return Organization(tools: tools, endpoint: endpoint, management: try #require(facts["ACCOUNT"]),
                            members: all.filter { $0 != locked }, locked: locked)
    }

    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("collect-org-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func arguments(_ org: Organization, _ output: URL) -> [String] {
        ["--endpoint-url", org.endpoint, "--region", "us-east-1", "--organization", "-o", output.path]
    }

    @Test func collectsEveryMemberByteForByteLikeTheReferenceScript() async throws {
        let org = try await start()
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("snap")
        let result = await MotoCommands.collect(org.tools, arguments(org, output))
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains(
            "collect: organization of \(org.management): 3 account(s) collected, 1 failed (\(org.locked))"), "\(result.standardError)")
        #expect(result.standardError.contains("error: account \(org.locked) not collected: An error occurred (AccessDenied)"))
        let snapshot = SnapshotReader(root: output)
        #expect(snapshot.entries("accounts") == org.collected)
        try checkMembers(org, snapshot)
        try checkErrors(org, snapshot)
        for file in snapshot.files {
            let text = snapshot.text(file)
            #expect(!text.contains("SecretAccessKey") && !text.contains("SessionToken"), "credentials in \(file)")
        }

        let reference = try await referenceSnapshot(org, in: folder)
        let ours = SnapshotReader(root: output)
        let theirs = SnapshotReader(root: reference)
        #expect(theirs.entries("accounts") == org.collected, "the reference collected every member")
        for file in theirs.files {
            #expect(ours.exists(file), "\(file) is missing")
            if file.hasSuffix("get-account-authorization-details.json") {  // moto stamps RoleLastUsed at each assume-role
                #expect(try withoutLastUse(ours.json(file)) == withoutLastUse(theirs.json(file)), "\(file) differs")
            } else if !file.hasSuffix("list-children.json") {  // both join two outputs and re-serialise them
                #expect(ours.text(file) == theirs.text(file), "\(file) differs from the aws CLI's own output")
            }
        }
        let restricted = folder.appendingPathComponent("ours-restricted")
        try copy(output, to: restricted, only: Set(theirs.files))
        for zone in ["organization", "account"] {
            let mine = await MotoCommands.findings(org.tools, restricted, zone: zone)
            let expected = await MotoCommands.findings(org.tools, reference, zone: zone)
            #expect(mine.succeeded && expected.succeeded, "\(mine.standardError) \(expected.standardError)")
            #expect(mine.standardOutput == expected.standardOutput, "findings --zone \(zone) differ")
        }
        let accountZone = await MotoCommands.findings(org.tools, reference, zone: "account")
        #expect(String(decoding: accountZone.standardOutput, as: UTF8.self).contains("alpha-shared-data"),
                "the bucket one member shares with another is a finding across accounts")
    }

    private func checkMembers(_ org: Organization, _ snapshot: SnapshotReader) throws {
        for account in org.collected {
            let identity = try snapshot.object("accounts/\(account)/get-caller-identity.json")
            #expect(identity["Account"] as? String == account)
            #expect(snapshot.exists("accounts/\(account)/iam/get-account-authorization-details.json"))
        }
        for member in org.members {
            let identity = try snapshot.object("accounts/\(member)/get-caller-identity.json")
            #expect((identity["Arn"] as? String)?.hasSuffix("/OrganizationAccountAccessRole/accessgraph-collect") == true,
                    "the session name says it is accessgraph")
        }
        let (alpha, beta) = (org.members[0], org.members[1])
        #expect(snapshot.text("accounts/\(alpha)/s3/alpha-shared-data/get-bucket-policy.json").contains(beta))
        #expect(snapshot.text("accounts/\(alpha)/iam/get-account-authorization-details.json").contains("\(org.management):role/ci"))
        #expect(snapshot.text("accounts/\(beta)/iam/get-account-authorization-details.json").contains("analyst"))
        #expect(snapshot.entries("accounts/\(beta)/us-east-1/kms").count == 1)
        #expect(try snapshot.object("organization/list-accounts.json")["Accounts"].map { ($0 as? [Any])?.count } == 4)
    }

    /// The locked member's assume-role is its one entry; every other entry is moto's missing s3control
    /// or its missing service last-accessed reports (asked in each collected account, members included).
    private func checkErrors(_ org: Organization, _ snapshot: SnapshotReader) throws {
        let entries = try #require(try snapshot.json("collect-errors.json") as? [[String: Any]])
        let locked = entries.filter { $0["account"] as? String == org.locked }
        #expect(locked.count == 1)
        let command = try #require(locked.first?["command"] as? [String])
        #expect(command.contains("assume-role") && command.contains("accessgraph-collect")
                && command.contains("arn:aws:iam::\(org.locked):role/OrganizationAccountAccessRole"))
        #expect((locked.first?["error"] as? String)?.contains("AccessDenied") == true)
        let others = entries.filter { $0["account"] as? String != org.locked }
        #expect(Set(others.compactMap { $0["account"] as? String }) == Set(org.collected))
        var reportAccounts: Set<String> = []
        for entry in others {
            let words = try #require(entry["command"] as? [String])
            let report = words.contains("generate-service-last-accessed-details")
            if report, let account = entry["account"] as? String { reportAccounts.insert(account) }
            #expect(words.contains("s3control") || report, "unexpected failure: \(entry)")
        }
        #expect(reportAccounts == Set(org.collected), "each account's principals get their report asked for")
    }

    /// The reference script run once per collected account (members through assume-role with the
    /// same session name), joined: each account's folder, and the management account's organization/.
    private func referenceSnapshot(_ org: Organization, in folder: URL) async throws -> URL {
        let joined = folder.appendingPathComponent("reference")
        let runs = folder.appendingPathComponent("reference-runs")
        var credentials: [String: (key: String, secret: String, token: String?)] = [org.management: (org.management, "fixture", nil)]
        for member in org.members {
            credentials[member] = try await MotoCommands.assume(
                org.tools, endpoint: org.endpoint, role: "arn:aws:iam::\(member):role/OrganizationAccountAccessRole",
                session: "accessgraph-collect")
        }
        let results = await withTaskGroup(of: (String, CommandResult).self) { group in
            for (account, keys) in credentials {
                group.addTask {
                    (account, await MotoCommands.reference(org.tools, endpoint: org.endpoint, output: runs.appendingPathComponent(account),
                                                           key: keys.key, secret: keys.secret, token: keys.token))
                }
            }
            return await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: joined.appendingPathComponent("accounts"), withIntermediateDirectories: true)
        for (account, result) in results {
            #expect(result.succeeded, "reference script for \(account): \(result.standardError)")
            try fileManager.copyItem(at: runs.appendingPathComponent("\(account)/accounts/\(account)"),
                                     to: joined.appendingPathComponent("accounts/\(account)"))
        }
        try fileManager.copyItem(at: runs.appendingPathComponent("\(org.management)/organization"),
                                 to: joined.appendingPathComponent("organization"))
        return joined
    }

    /// Copies the files of `source` whose relative paths are in `only`.
    private func copy(_ source: URL, to target: URL, only: Set<String>) throws {
        for file in SnapshotReader(root: source).files where only.contains(file) {
            let destination = target.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source.appendingPathComponent(file), to: destination)
        }
    }

    @Test func anInterruptedRunResumesToTheSameFiles() async throws {
        let org = try await start()
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let complete = folder.appendingPathComponent("complete")
        let whole = await MotoCommands.collect(org.tools, arguments(org, complete))
        #expect(whole.status == 0, "\(whole.standardError)")

        let partial = folder.appendingPathComponent("partial")
        let status = try await interrupt(org, arguments(org, partial) + ["--jobs", "1"], after: 6, filesIn: partial)
        #expect(status == 130, "Ctrl-C stops the collection with status 130")
        let interrupted = SnapshotReader(root: partial)
        let count = interrupted.files.count
        #expect(count >= 6 && count < SnapshotReader(root: complete).files.count, "a partial snapshot: \(count) files")
        #expect(!interrupted.exists("collect-errors.json"), "only a finished collection writes collect-errors.json")
        #expect(!interrupted.files.contains { $0.contains(".accessgraph-partial-") }, "only whole files")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["complete", "partial"],
                "no hidden staging folder")

        let refused = await MotoCommands.collect(org.tools, arguments(org, partial))
        #expect(refused.status == 2 && refused.standardError.contains("not empty"))
        let resumed = await MotoCommands.collect(org.tools, arguments(org, partial) + ["--resume"])
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(resumed.standardError.contains("already there"))
        let done = SnapshotReader(root: partial), expected = SnapshotReader(root: complete)
        #expect(done.files == expected.files)
        for file in expected.files {
            if file.hasSuffix("get-account-authorization-details.json") {  // moto stamps RoleLastUsed at each assume-role
                #expect(try withoutLastUse(done.json(file)) == withoutLastUse(expected.json(file)), "\(file) differs after --resume")
            } else {
                #expect(done.text(file) == expected.text(file), "\(file) differs after --resume")
            }
        }
    }

    /// The JSON value with every `RoleLastUsed` member removed, as canonical text.
    private func withoutLastUse(_ value: Any) throws -> String {
        func strip(_ value: Any) -> Any {
            if let object = value as? [String: Any] {
                return object.filter { $0.key != "RoleLastUsed" }.mapValues(strip)
            }
            if let array = value as? [Any] { return array.map(strip) }
            return value
        }
        let data = try JSONSerialization.data(withJSONObject: strip(value), options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    /// Starts `accessgraph collect ARGS`, sends it SIGINT once `folder` holds `files` files, and
    /// returns its exit status.
    private func interrupt(_ org: Organization, _ arguments: [String], after files: Int, filesIn folder: URL) async throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: org.tools.accessgraph)
        process.arguments = ["collect", "--aws-cli", org.tools.aws] + arguments
        process.environment = MotoCommands.environment(key: MotoFixture.account)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let exited = AsyncStream<Int32> { continuation in
            process.terminationHandler = { continuation.yield($0.terminationStatus); continuation.finish() }
        }
        try process.run()
        let deadline = ContinuousClock.now + .seconds(120)
        while process.isRunning, SnapshotReader(root: folder).files.count < files, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        kill(process.processIdentifier, SIGINT)
        for await status in exited { return status }
        return -1
    }
}
