import Testing
@testable import Graph

/// `iam-create-login-profile`: IAM User Guide, id_credentials_passwords_admin-change-user.html: a login profile is the user's console password.
@Suite("Escalation: iam-create-login-profile")
struct CreateLoginProfileTests {
    @Test func foundWithItsRuleOnly() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:CreateLoginProfile"], on: ["arn:aws:iam::123456789012:user/victim"])]), .init(name: "victim")])
        let t = try await f.techniques(from: "user/attacker", into: "user/victim", without: "iam-create-login-profile")
        #expect(t.with.contains("iam-create-login-profile"))
        #expect(!t.without.contains("iam-create-login-profile"))
    }

    /// Every action the technique needs must be allowed: without iam:CreateLoginProfile there is no edge.
    @Test func needsCreateLoginProfile0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: []), .init(name: "victim")])
        let edges = try await f.edges(into: "user/victim").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "iam-create-login-profile" })
    }

    /// An undecided condition of a deciding statement makes the edge conditional, and is kept.
    @Test func conditionsAreKept() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:CreateLoginProfile"], on: ["arn:aws:iam::123456789012:user/victim"], condition: ["Bool": ["aws:MultiFactorAuthPresent": "true"]])]), .init(name: "victim")])
        let edge = try await f.edges(into: "user/victim").first { $0.from == EscalationFixture.arn("user/attacker") && $0.technique.id == "iam-create-login-profile" }
        #expect(edge?.isConditional == true)
        #expect(edge?.conditions["Bool"]?["aws:MultiFactorAuthPresent"] == ["true"])
        #expect(edge?.requests.first?.statements.isEmpty == false)
    }
}
