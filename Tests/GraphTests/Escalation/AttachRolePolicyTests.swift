import Testing
@testable import Graph

/// `iam-attach-role-policy`: IAM API Reference, API_AttachRolePolicy.html: attaches a managed policy to a role.
@Suite("Escalation: iam-attach-role-policy")
struct AttachRolePolicyTests {
    @Test func foundWithItsRuleOnly() async throws {
        let f = EscalationFixture(roles: [.init(name: "attacker", statements: [.init(["iam:AttachRolePolicy"], on: ["arn:aws:iam::123456789012:role/attacker"])])])
        let t = try await f.techniques(from: "role/attacker", into: "role/attacker", without: "iam-attach-role-policy")
        #expect(t.with.contains("iam-attach-role-policy"))
        #expect(!t.without.contains("iam-attach-role-policy"))
    }

    /// Every action the technique needs must be allowed: without iam:AttachRolePolicy there is no edge.
    @Test func needsAttachRolePolicy0() async throws {
        let f = EscalationFixture(roles: [.init(name: "attacker", statements: [])])
        let edges = try await f.edges(into: "role/attacker").filter { $0.from == EscalationFixture.arn("role/attacker") }
        #expect(!edges.contains { $0.technique.id == "iam-attach-role-policy" })
    }

    /// An undecided condition of a deciding statement makes the edge conditional, and is kept.
    @Test func conditionsAreKept() async throws {
        let f = EscalationFixture(roles: [.init(name: "attacker", statements: [.init(["iam:AttachRolePolicy"], on: ["arn:aws:iam::123456789012:role/attacker"], condition: ["Bool": ["aws:MultiFactorAuthPresent": "true"]])])])
        let edge = try await f.edges(into: "role/attacker").first { $0.from == EscalationFixture.arn("role/attacker") && $0.technique.id == "iam-attach-role-policy" }
        #expect(edge?.isConditional == true)
        #expect(edge?.conditions["Bool"]?["aws:MultiFactorAuthPresent"] == ["true"])
        #expect(edge?.requests.first?.statements.isEmpty == false)
    }
}
