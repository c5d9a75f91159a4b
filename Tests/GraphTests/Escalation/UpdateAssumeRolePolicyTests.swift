import Testing
@testable import Graph

/// `iam-update-assume-role-policy`: IAM User Guide, id_roles_update-role-trust-policy.html: the trust policy decides who may assume the role.
@Suite("Escalation: iam-update-assume-role-policy")
struct UpdateAssumeRolePolicyTests {
    @Test func foundWithItsRuleOnly() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:UpdateAssumeRolePolicy"], on: ["arn:aws:iam::123456789012:role/victim"])])], roles: [.init(name: "victim")])
        let t = try await f.techniques(from: "user/attacker", into: "role/victim", without: "iam-update-assume-role-policy")
        #expect(t.with.contains("iam-update-assume-role-policy"))
        #expect(!t.without.contains("iam-update-assume-role-policy"))
    }

    /// Every action the technique needs must be allowed: without iam:UpdateAssumeRolePolicy there is no edge.
    @Test func needsUpdateAssumeRolePolicy0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [])], roles: [.init(name: "victim")])
        let edges = try await f.edges(into: "role/victim").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "iam-update-assume-role-policy" })
    }

    /// An undecided condition of a deciding statement makes the edge conditional, and is kept.
    @Test func conditionsAreKept() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:UpdateAssumeRolePolicy"], on: ["arn:aws:iam::123456789012:role/victim"], condition: ["Bool": ["aws:MultiFactorAuthPresent": "true"]])])], roles: [.init(name: "victim")])
        let edge = try await f.edges(into: "role/victim").first { $0.from == EscalationFixture.arn("user/attacker") && $0.technique.id == "iam-update-assume-role-policy" }
        #expect(edge?.isConditional == true)
        #expect(edge?.conditions["Bool"]?["aws:MultiFactorAuthPresent"] == ["true"])
        #expect(edge?.requests.first?.statements.isEmpty == false)
    }
}
