import Testing
@testable import Graph

/// `iam-update-login-profile`: IAM User Guide, id_credentials_passwords_admin-change-user.html: iam:UpdateLoginProfile resets a user's console password.
@Suite("Escalation: iam-update-login-profile")
struct UpdateLoginProfileTests {
    @Test func foundWithItsRuleOnly() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:UpdateLoginProfile"], on: ["arn:aws:iam::123456789012:user/victim"])]), .init(name: "victim")])
        let t = try await f.techniques(from: "user/attacker", into: "user/victim", without: "iam-update-login-profile")
        #expect(t.with.contains("iam-update-login-profile"))
        #expect(!t.without.contains("iam-update-login-profile"))
    }

    /// Every action the technique needs must be allowed: without iam:UpdateLoginProfile there is no edge.
    @Test func needsUpdateLoginProfile0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: []), .init(name: "victim")])
        let edges = try await f.edges(into: "user/victim").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "iam-update-login-profile" })
    }

    /// An undecided condition of a deciding statement makes the edge conditional, and is kept.
    @Test func conditionsAreKept() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:UpdateLoginProfile"], on: ["arn:aws:iam::123456789012:user/victim"], condition: ["Bool": ["aws:MultiFactorAuthPresent": "true"]])]), .init(name: "victim")])
        let edge = try await f.edges(into: "user/victim").first { $0.from == EscalationFixture.arn("user/attacker") && $0.technique.id == "iam-update-login-profile" }
        #expect(edge?.isConditional == true)
        #expect(edge?.conditions["Bool"]?["aws:MultiFactorAuthPresent"] == ["true"])
        #expect(edge?.requests.first?.statements.isEmpty == false)
    }

    /// An explicit deny on the user wins.
    @Test func case0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:UpdateLoginProfile"]), .init(["iam:UpdateLoginProfile"], on: ["arn:aws:iam::123456789012:user/victim"], effect: "Deny")]), .init(name: "victim")])
        let edges = try await f.edges(into: "user/victim").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "iam-update-login-profile" })
    }
}
