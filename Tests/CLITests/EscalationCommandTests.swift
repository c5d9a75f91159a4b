import Foundation
import Testing

/// The escalation commands end to end on samples/escalation-account (docs/escalation.md).
@Suite("accessgraph admins / paths / who-can --with-escalation")
struct EscalationCommandTests {
    static let sample = CLIRunner.root.appendingPathComponent("samples/escalation-account").path
    static let bucket = "arn:aws:s3:::acme-escalation-data"

    @Test func adminsJSON() throws {
        let r = try CLIRunner.run(["admins", Self.sample, "--format", "json"])
        #expect(r.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let admins = try #require(json["admins"] as? [[String: Any]])
        #expect(admins.count == 10)
        let builder = admins.first { $0["principal"] as? String == "arn:aws:iam::111122223333:user/builder" }
        let steps = builder?["steps"] as? [[String: Any]]
        #expect(steps?.map { $0["techniqueID"] as? String } == ["codebuild-project", "iam-put-role-policy"])
    }

    @Test func whoCanWithEscalationNamesTechniques() throws {
        let r = try CLIRunner.run(["who-can", Self.sample, Self.bucket, "--action", "s3:GetObject", "--with-escalation", "--no-index"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("user/intern -[iam:CreateAccessKey]-> user/ops-alice -> acme-escalation-data"))
        // The 17 of samples/README.md, PartnerRole (lambda-create-invoke) and account 444455556666 through it.
        #expect(r.stdout.contains("19 of them by escalation"))
    }

    @Test func pathsUnknownPrincipalIsAnInputError() throws {
        let r = try CLIRunner.run(["paths", Self.sample, "--from", "arn:aws:iam::111122223333:user/nobody", "--to", Self.bucket])
        #expect(r.status == 2)
        #expect(r.stderr.contains("user/nobody"))
    }

    @Test func canExplainShowsEscalation() throws {
        let r = try CLIRunner.run(["can", Self.sample, "arn:aws:iam::111122223333:user/dev", "s3:GetObject", Self.bucket + "/x", "--explain"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("-[iam:PassRole+lambda:CreateFunction+lambda:InvokeFunction]-> role/LambdaDataRole"))
    }

    /// `findings --with-escalation --format ndjson`: the partner account reaches the bucket, the
    /// technique named in the line's steps; without the flag, no line is on the bucket.
    @Test func findingsWithEscalationNamesTheTechnique() throws {
        let with = try CLIRunner.run(["findings", Self.sample, "--with-escalation", "--format", "ndjson", "--no-index"])
        #expect(with.status == 0)
        let lines = try with.stdout.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let bucket = try #require(lines.first { $0["resource"] as? String == Self.bucket })
        #expect(bucket["principal"] as? String == "arn:aws:iam::444455556666:root")
        let steps = try #require(bucket["steps"] as? [[String: Any]])
        #expect(steps.map { $0["kind"] as? String } == ["assume", "escalate", "access"])
        #expect(steps[1]["techniqueID"] as? String == "lambda-create-invoke")
        let without = try CLIRunner.run(["findings", Self.sample, "--format", "ndjson", "--no-index"])
        #expect(without.status == 0 && !without.stdout.contains(Self.bucket) && !without.stdout.contains("\"steps\""))
        // The default document's entry point counts the bucket only with the flag.
        let json = try CLIRunner.run(["findings", Self.sample, "--with-escalation", "--format", "json", "--no-index"])
        #expect(json.stdout.contains("AWS::S3::Bucket"))
        let text = try CLIRunner.run(["findings", Self.sample, "--with-escalation", "--expand", "--no-index"])
        // The text table cuts long cells: the escalation step shows as "PartnerRole -[ia…".
        #expect(text.stdout.contains("PartnerRole -[i"))
    }

    /// `findings --with-escalation --format sarif`: the bucket reached only by escalation is a
    /// result of rule `privilege-escalation-path` (listed only then), and the log stays valid.
    @Test func sarifHasTheEscalationRuleWhenEscalationIsPresent() throws {
        let dir = try CLIRunner.tempDir()
        let file = dir.appendingPathComponent("esc.sarif").path
        let r = try CLIRunner.run(["findings", Self.sample, "--with-escalation", "--format", "sarif", "-o", file, "--no-index"])
        #expect(r.status == 0, "\(r.stderr)")
        if SarifCommandTests.schema != nil { #expect(try SarifCommandTests.validate(file) == "") }
        let run = try Self.sarifRun(file)
        let rules = (run["tool"] as? [String: Any]).flatMap { ($0["driver"] as? [String: Any])?["rules"] as? [[String: Any]] } ?? []
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(ids.last == "privilege-escalation-path")
        let results = run["results"] as? [[String: Any]] ?? []
        func text(_ r: [String: Any]) -> String { (r["message"] as? [String: Any])?["text"] as? String ?? "" }
        let bucket = try #require(results.first {
            $0["ruleId"] as? String == "privilege-escalation-path" && text($0).contains(Self.bucket)
        })
        #expect(bucket["ruleIndex"] as? Int == ids.firstIndex(of: "privilege-escalation-path"))
        #expect(text(bucket).contains("role/PartnerRole -[") && text(bucket).contains("role/LambdaDataRole"))
        // Without the flag, no escalation rule and no such result.
        let plain = dir.appendingPathComponent("plain.sarif").path
        #expect(try CLIRunner.run(["findings", Self.sample, "--format", "sarif", "-o", plain, "--no-index"]).status == 0)
        let plainRun = try Self.sarifRun(plain)
        #expect(!(String(data: try JSONSerialization.data(withJSONObject: plainRun), encoding: .utf8) ?? "").contains("privilege-escalation-path"))
    }

    static func sarifRun(_ file: String) throws -> [String: Any] {
        let log = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any]
        return try #require((log?["runs"] as? [[String: Any]])?.first)
    }

    /// `can --explain --format json` carries the escalation paths the text shows; without
    /// --explain, or when the request is allowed, the report has no `escalation`.
    @Test func canExplainJSONCarriesEscalationPaths() throws {
        let request = ["can", Self.sample, "arn:aws:iam::111122223333:user/dev", "s3:GetObject", Self.bucket + "/x"]
        let r = try CLIRunner.run(request + ["--explain", "--format", "json"])
        #expect(r.status == 0)
        let json = try #require(r.json)
        #expect(json["decision"] as? String != "allowed")
        let escalation = try #require(json["escalation"] as? [String: Any])
        let paths = try #require(escalation["paths"] as? [[String: Any]])
        let steps = try #require(paths.first?["steps"] as? [[String: Any]])
        #expect(steps.map { $0["techniqueID"] as? String } == ["lambda-create-invoke", nil])
        #expect(steps.last?["kind"] as? String == "access")
        #expect(escalation["truncated"] as? Bool == false)
        let plain = try CLIRunner.run(request + ["--format", "json"])
        #expect(plain.json?["escalation"] == nil && plain.json?["decision"] != nil)
        let allowed = try CLIRunner.run(["can", Self.sample, "arn:aws:iam::111122223333:role/LambdaDataRole", "s3:GetObject", Self.bucket + "/x", "--explain", "--format", "json"])
        #expect(allowed.json?["decision"] as? String == "allowed" && allowed.json?["escalation"] == nil)
    }
}
