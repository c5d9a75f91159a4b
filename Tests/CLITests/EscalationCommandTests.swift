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
        #expect(r.stdout.contains("17 of them by escalation"))
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
}
