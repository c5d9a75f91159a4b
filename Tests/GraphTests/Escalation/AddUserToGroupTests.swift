import Testing
@testable import Graph

/// `iam-add-user-to-group`: IAM API Reference, API_AddUserToGroup.html: a member gets the group's policies.
@Suite("Escalation: iam-add-user-to-group")
struct AddUserToGroupTests {
    @Test func foundWithItsRuleOnly() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:AddUserToGroup"], on: ["arn:aws:iam::123456789012:group/admins"])])], groups: [.init(name: "admins", statements: [.init(["*"])])])
        let t = try await f.techniques(from: "user/attacker", into: "user/attacker", without: "iam-add-user-to-group")
        #expect(t.with.contains("iam-add-user-to-group"))
        #expect(!t.without.contains("iam-add-user-to-group"))
    }

    /// Every action the technique needs must be allowed: without iam:AddUserToGroup there is no edge.
    @Test func needsAddUserToGroup0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [])], groups: [.init(name: "admins", statements: [.init(["*"])])])
        let edges = try await f.edges(into: "user/attacker").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "iam-add-user-to-group" })
    }

    /// An undecided condition of a deciding statement makes the edge conditional, and is kept.
    @Test func conditionsAreKept() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:AddUserToGroup"], on: ["arn:aws:iam::123456789012:group/admins"], condition: ["Bool": ["aws:MultiFactorAuthPresent": "true"]])])], groups: [.init(name: "admins", statements: [.init(["*"])])])
        let edge = try await f.edges(into: "user/attacker").first { $0.from == EscalationFixture.arn("user/attacker") && $0.technique.id == "iam-add-user-to-group" }
        #expect(edge?.isConditional == true)
        #expect(edge?.conditions["Bool"]?["aws:MultiFactorAuthPresent"] == ["true"])
        #expect(edge?.requests.first?.statements.isEmpty == false)
    }
}
