import Foundation
import Testing

/// `findings --archive-rules` end to end on the sample: archived findings are listed apart with
/// rule and reason, never dropped; a malformed file exits 2 with its line and column.
@Suite struct ArchiveRulesCommandTests {
    static let rules = """
        rules:
          - name: accepted-public-assets
            reason: the public website bucket
            resource: arn:aws:s3:::acme-public-assets
          - name: vendor-audit
            reason: contract 2024-17, reviewed yearly
            principal: arn:aws:iam::999999999999:root
            resourceType: AWS::S3::Bucket
        """

    @Test func archivedFindingsAreListedApart() throws {
        let dir = try CLIRunner.tempDir()
        let file = dir.appendingPathComponent("rules.yaml")
        try Data(Self.rules.utf8).write(to: file)
        let plain = try CLIRunner.run(["findings", CLIRunner.sample, "--no-index", "--format", "json"]).json
        let r = try CLIRunner.run(["findings", CLIRunner.sample, "--no-index", "--format", "json", "--archive-rules", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        let all = plain?["findings"] as? [[String: Any]] ?? []
        let kept = r.json?["findings"] as? [[String: Any]] ?? []
        let archived = r.json?["archived"] as? [[String: Any]] ?? []
        #expect(!archived.isEmpty)
        #expect(kept.count + archived.filter { $0["kind"] as? String == "finding" }.count == all.count, "nothing is dropped")
        let assets = archived.first { ($0["finding"] as? [String: Any])?["resource"] as? String == "arn:aws:s3:::acme-public-assets" }
        #expect(assets?["rule"] as? String == "accepted-public-assets")
        #expect(assets?["reason"] as? String == "the public website bucket")
        #expect(!kept.contains { $0["resource"] as? String == "arn:aws:s3:::acme-public-assets" })
        let vendor = archived.filter { $0["rule"] as? String == "vendor-audit" }
        #expect(!vendor.isEmpty)
        #expect(vendor.allSatisfy { ($0["finding"] as? [String: Any])?["resourceType"] as? String == "AWS::S3::Bucket" })

        let text = try CLIRunner.run(["findings", CLIRunner.sample, "--no-index", "--archive-rules", file.path])
        #expect(text.stdout.contains("Archived (\(archived.count)"))
        #expect(text.stdout.contains("contract 2024-17"))

        // SARIF: the archived findings are results with a suppression, and the log stays valid.
        let sarif = dir.appendingPathComponent("r.sarif").path
        #expect(try CLIRunner.run(["findings", CLIRunner.sample, "--no-index", "--format", "sarif", "-o", sarif, "--archive-rules", file.path]).status == 0)
        if SarifCommandTests.schema != nil { #expect(try SarifCommandTests.validate(sarif) == "") }
        let log = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: sarif))) as? [String: Any]
        let results = ((log?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        let suppressed = results.filter { $0["suppressions"] != nil }
        #expect(suppressed.count == archived.count)
    }

    /// The streamed forms: `--format ndjson` writes an archived finding as `{"archived": ...}` on
    /// its own line, `--expand --format json` lists them under `archived`; together they hold every
    /// finding of the forms without rules (direct and transitive), none dropped.
    @Test func streamedFormsListArchivedFindingsApart() throws {
        let dir = try CLIRunner.tempDir()
        let file = dir.appendingPathComponent("rules.yaml")
        try Data(Self.rules.utf8).write(to: file)
        func lines(_ stdout: String) throws -> [[String: Any]] {
            try stdout.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        }
        let plain = try lines(CLIRunner.run(["findings", CLIRunner.sample, "--no-index", "--format", "ndjson"]).stdout)
        let r = try CLIRunner.run(["findings", CLIRunner.sample, "--no-index", "--format", "ndjson", "--archive-rules", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        let ruled = try lines(r.stdout)
        let archived = ruled.compactMap { $0["archived"] as? [String: Any] }
        let kept = ruled.filter { $0["archived"] == nil }
        #expect(!archived.isEmpty)
        #expect(kept.count + archived.count == plain.count, "nothing is dropped")
        #expect(archived.contains { ($0["finding"] as? [String: Any])?["kind"] as? String == "transitive" }, "transitive findings are archived too")
        #expect(archived.allSatisfy { a in
            let f = a["finding"] as? [String: Any]
            return a["rule"] as? String == "accepted-public-assets" ? f?["resource"] as? String == "arn:aws:s3:::acme-public-assets"
                : f?["principal"] as? String == "arn:aws:iam::999999999999:root" && f?["resourceType"] as? String == "AWS::S3::Bucket"
        })
        #expect(!kept.contains { $0["resource"] as? String == "arn:aws:s3:::acme-public-assets" })

        let expanded = try CLIRunner.run(["findings", CLIRunner.sample, "--no-index", "--expand", "--format", "json", "--archive-rules", file.path])
        #expect(expanded.status == 0, "\(expanded.stderr)")
        let findings = expanded.json?["findings"] as? [[String: Any]] ?? []
        let archivedJSON = expanded.json?["archived"] as? [[String: Any]] ?? []
        #expect(findings.count == kept.count)
        #expect(archivedJSON.filter { $0["kind"] as? String == "finding" }.count == archived.count)
        let text = try CLIRunner.run(["findings", CLIRunner.sample, "--no-index", "--expand", "--archive-rules", file.path])
        #expect(text.status == 0 && text.stdout.contains("Archived (\(archivedJSON.count)"))
    }

    @Test func malformedRulesExitTwoWithLineAndColumn() throws {
        let dir = try CLIRunner.tempDir()
        let file = dir.appendingPathComponent("bad.yaml")
        try Data("rules:\n  - name: x\n    reason: y\n    resourse: a\n".utf8).write(to: file)
        let r = try CLIRunner.run(["findings", CLIRunner.sample, "--no-index", "--archive-rules", file.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("bad.yaml:4:5: unknown key 'resourse'"))
        #expect(r.stdout.isEmpty)
    }
}
