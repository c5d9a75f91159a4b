import Testing
@testable import Graph

/// `iam-create-access-key`: IAM User Guide, id_credentials_access-keys.html: a user's access keys sign requests as that user.
@Suite("Escalation: iam-create-access-key")
struct CreateAccessKeyTests {
    @Test func foundWithItsRuleOnly() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:CreateAccessKey"], on: ["arn:aws:iam::123456789012:user/victim"])]), .init(name: "victim")])
        let t = try await f.techniques(from: "user/attacker", into: "user/victim", without: "iam-create-access-key")
        #expect(t.with.contains("iam-create-access-key"))
        #expect(!t.without.contains("iam-create-access-key"))
    }

    /// Every action the technique needs must be allowed: without iam:CreateAccessKey there is no edge.
    @Test func needsCreateAccessKey0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: []), .init(name: "victim")])
        let edges = try await f.edges(into: "user/victim").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "iam-create-access-key" })
    }

    /// An undecided condition of a deciding statement makes the edge conditional, and is kept.
    @Test func conditionsAreKept() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:CreateAccessKey"], on: ["arn:aws:iam::123456789012:user/victim"], condition: ["Bool": ["aws:MultiFactorAuthPresent": "true"]])]), .init(name: "victim")])
        let edge = try await f.edges(into: "user/victim").first { $0.from == EscalationFixture.arn("user/attacker") && $0.technique.id == "iam-create-access-key" }
        #expect(edge?.isConditional == true)
        #expect(edge?.conditions["Bool"]?["aws:MultiFactorAuthPresent"] == ["true"])
        #expect(edge?.requests.first?.statements.isEmpty == false)
    }

    /// A grant on another user does not reach this one.
    @Test func case0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:CreateAccessKey"], on: ["arn:aws:iam::123456789012:user/other"])]), .init(name: "victim")])
        let edges = try await f.edges(into: "user/victim").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "iam-create-access-key" })
    }
}
