import Foundation
import Testing

/// `hygiene`, `unused` and `policy-suggest` end to end on samples/hygiene-account.
@Suite struct LeastPrivilegeCommandTests {
    static let sample = CLIRunner.root.appendingPathComponent("samples/hygiene-account").path

    @Test func hygieneSarifIsValidAndCitesPages() throws {
        let file = try CLIRunner.tempDir().appendingPathComponent("hygiene.sarif").path
        let r = try CLIRunner.run(["hygiene", Self.sample, "--format", "sarif", "-o", file])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        if SarifCommandTests.schema != nil { #expect(try SarifCommandTests.validate(file) == "") }
        let log = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = run["results"] as? [[String: Any]] ?? []
        let json = try CLIRunner.run(["hygiene", Self.sample, "--format", "json"]).json
        #expect(results.count == (json?["findings"] as? [Any])?.count)
        let root = try #require(results.first { $0["ruleId"] as? String == "root-access-key" })
        #expect(root["level"] as? String == "error")
        #expect(((root["message"] as? [String: Any])?["text"] as? String)?.contains("root-user-best-practices.html") == true)
        let uri = (((root["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String
        #expect(uri == Self.sample + "/accounts/111122223333/iam/get-credential-report.json")
    }

    @Test func unusedJSONAndSarif() throws {
        let r = try CLIRunner.run(["unused", Self.sample, "--format", "json", "--days", "90"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(r.json)
        #expect(json["now"] as? String == "2026-06-01")
        let findings = json["findings"] as? [[String: Any]] ?? []
        #expect(findings.count == 7)
        let legacy = try #require(findings.first { ($0["principal"] as? String)?.hasSuffix("role/LegacyRole") == true })
        #expect(legacy["kind"] as? String == "unused-role" && legacy["lastUsed"] as? String == "never")
        #expect((json["unknown"] as? [Any])?.isEmpty == false)
        let file = try CLIRunner.tempDir().appendingPathComponent("unused.sarif").path
        #expect(try CLIRunner.run(["unused", Self.sample, "--format", "sarif", "-o", file]).status == 0)
        if SarifCommandTests.schema != nil { #expect(try SarifCommandTests.validate(file) == "") }
        let text = try CLIRunner.run(["unused", Self.sample])
        #expect(text.stdout.contains("7 unused, 10 unknown; not used in the 90 days before 2026-06-01"))
    }

    /// The written policy passes `check no-new-access` against the principal's current inline policy.
    @Test func policySuggestWritesACheckedPolicy() throws {
        let dir = try CLIRunner.tempDir()
        let out = dir.appendingPathComponent("policy.json").path
        let r = try CLIRunner.run(["policy-suggest", Self.sample, "arn:aws:iam::111122223333:user/deploy-bot", "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("check no-new-access: PASS"))
        let gaad = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.sample + "/accounts/111122223333/iam/get-account-authorization-details.json"))) as? [String: Any])
        let users = gaad["UserDetailList"] as? [[String: Any]] ?? []
        let deploy = try #require(users.first { $0["UserName"] as? String == "deploy-bot" })
        let current = try #require((deploy["UserPolicyList"] as? [[String: Any]])?.first?["PolicyDocument"])
        let reference = dir.appendingPathComponent("current.json")
        try CLIRunner.write(current, to: reference)
        let check = try CLIRunner.run(["check", "no-new-access", "--reference", reference.path, out])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test func badInputExitsTwo() throws {
        let unknown = try CLIRunner.run(["policy-suggest", Self.sample, "arn:aws:iam::111122223333:user/nobody"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no user or role"))
        let noData = try CLIRunner.run(["policy-suggest", Self.sample, "arn:aws:iam::111122223333:user/bob"])
        #expect(noData.status == 2)
        #expect(noData.stderr.contains("service-last-accessed/AIDABOB00000000000002.json is missing"))
        #expect(try CLIRunner.run(["hygiene", "/nonexistent-snapshot"]).status == 2)
        #expect(try CLIRunner.run(["unused", Self.sample, "--days", "0"]).status == 2)
    }
}
