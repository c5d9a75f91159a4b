import Foundation
import Analysis
import Testing
@testable import accessgraph

/// `findings --with-escalation` following self-grants, end to end on samples/selfgrant-account
/// (docs/escalation.md, "Findings"): JSON `steps`, the text's VIA ROLES, SARIF's
/// `privilege-escalation-path`; without the flag, nothing of it.
@Suite("accessgraph findings --with-escalation: self-grants")
struct SelfGrantCommandTests {
    static let sample = CLIRunner.root.appendingPathComponent("samples/selfgrant-account").path
    static let role = "arn:aws:iam::210987654321:role/SelfEditRole"
    static let payroll = "arn:aws:s3:::sg-payroll"
    static let partner = "arn:aws:iam::444455556666:root"

    static func findings(_ r: CLIRunner.Result) throws -> [[String: Any]] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        return try #require(json["findings"] as? [[String: Any]])
    }

    @Test func expandedJSONNamesTheGrant() throws {
        let r = try CLIRunner.run(["findings", Self.sample, "--with-escalation", "--expand", "--format", "json", "--no-index"])
        #expect(r.status == 0, "\(r.stderr)")
        let f = try #require(try Self.findings(r).first { $0["principal"] as? String == Self.partner && $0["resource"] as? String == Self.payroll })
        #expect(f["path"] as? [String] == [Self.partner, Self.role, Self.payroll])
        let steps = try #require(f["steps"] as? [[String: Any]])
        #expect(steps.map { $0["kind"] as? String } == ["assume", "grant", "access"])
        #expect(steps[1]["from"] as? String == Self.role && steps[1]["to"] as? String == Self.role)
        #expect(steps[1]["technique"] as? String == "iam:PutRolePolicy")
        // Without the flag: the partner reaches sg-reports only, and no finding has steps.
        let plain = try CLIRunner.run(["findings", Self.sample, "--expand", "--format", "json", "--no-index"])
        let found = try Self.findings(plain).filter { $0["principal"] as? String == Self.partner && $0["kind"] as? String == "transitive" }
        #expect(found.compactMap { $0["resource"] as? String } == ["arn:aws:s3:::sg-reports"])
        #expect(!plain.stdout.contains("\"steps\""))
    }

    /// The VIA ROLES text of a grant step: the principal, the technique, the principal again.
    @Test func textShowsTheGrantAsAStep() {
        let steps = [
            PathStep(from: Self.partner, to: Self.role, kind: .assume, technique: "sts:AssumeRole"),
            PathStep(from: Self.role, to: Self.role, kind: .grant, technique: "iam:PutRolePolicy"),
            PathStep(from: Self.role, to: Self.payroll, kind: .access, technique: "s3:GetObject"),
        ]
        #expect(FindingsText.via(steps) == "SelfEditRole -[iam:PutRolePolicy]-> SelfEditRole")
    }

    @Test func sarifReportsGrantPathsAsEscalation() throws {
        let dir = try CLIRunner.tempDir()
        let file = dir.appendingPathComponent("grant.sarif").path
        let r = try CLIRunner.run(["findings", Self.sample, "--with-escalation", "--format", "sarif", "-o", file, "--no-index"])
        #expect(r.status == 0, "\(r.stderr)")
        let run = try EscalationCommandTests.sarifRun(file)
        let results = run["results"] as? [[String: Any]] ?? []
        let texts = results.filter { $0["ruleId"] as? String == "privilege-escalation-path" }
            .compactMap { ($0["message"] as? [String: Any])?["text"] as? String }
        #expect(texts.contains { $0.contains(Self.payroll) && $0.contains("\(Self.role) -[iam:PutRolePolicy]-> \(Self.role)") })
    }
}
