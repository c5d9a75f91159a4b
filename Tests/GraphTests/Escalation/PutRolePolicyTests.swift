import Testing
@testable import Graph

/// `iam-put-role-policy`: IAM API Reference, API_PutRolePolicy.html: adds or updates an inline policy of a role.
@Suite("Escalation: iam-put-role-policy")
struct PutRolePolicyTests {
    @Test func foundWithItsRuleOnly() async throws {
        let f = EscalationFixture(roles: [.init(name: "attacker", statements: [.init(["iam:PutRolePolicy"], on: ["arn:aws:iam::123456789012:role/attacker"])])])
        let t = try await f.techniques(from: "role/attacker", into: "role/attacker", without: "iam-put-role-policy")
        #expect(t.with.contains("iam-put-role-policy"))
        #expect(!t.without.contains("iam-put-role-policy"))
    }

    /// Every action the technique needs must be allowed: without iam:PutRolePolicy there is no edge.
    @Test func needsPutRolePolicy0() async throws {
        let f = EscalationFixture(roles: [.init(name: "attacker", statements: [])])
        let edges = try await f.edges(into: "role/attacker").filter { $0.from == EscalationFixture.arn("role/attacker") }
        #expect(!edges.contains { $0.technique.id == "iam-put-role-policy" })
    }

    /// An undecided condition of a deciding statement makes the edge conditional, and is kept.
    @Test func conditionsAreKept() async throws {
        let f = EscalationFixture(roles: [.init(name: "attacker", statements: [.init(["iam:PutRolePolicy"], on: ["arn:aws:iam::123456789012:role/attacker"], condition: ["Bool": ["aws:MultiFactorAuthPresent": "true"]])])])
        let edge = try await f.edges(into: "role/attacker").first { $0.from == EscalationFixture.arn("role/attacker") && $0.technique.id == "iam-put-role-policy" }
        #expect(edge?.isConditional == true)
        #expect(edge?.conditions["Bool"]?["aws:MultiFactorAuthPresent"] == ["true"])
        #expect(edge?.requests.first?.statements.isEmpty == false)
    }
}
