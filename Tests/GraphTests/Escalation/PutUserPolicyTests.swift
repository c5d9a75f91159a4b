import Testing
@testable import Graph

/// `iam-put-user-policy`: IAM API Reference, API_PutUserPolicy.html: adds or updates an inline policy of a user.
@Suite("Escalation: iam-put-user-policy")
struct PutUserPolicyTests {
    @Test func foundWithItsRuleOnly() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PutUserPolicy"], on: ["arn:aws:iam::123456789012:user/attacker"])])])
        let t = try await f.techniques(from: "user/attacker", into: "user/attacker", without: "iam-put-user-policy")
        #expect(t.with.contains("iam-put-user-policy"))
        #expect(!t.without.contains("iam-put-user-policy"))
    }

    /// Every action the technique needs must be allowed: without iam:PutUserPolicy there is no edge.
    @Test func needsPutUserPolicy0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [])])
        let edges = try await f.edges(into: "user/attacker").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "iam-put-user-policy" })
    }

    /// An undecided condition of a deciding statement makes the edge conditional, and is kept.
    @Test func conditionsAreKept() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PutUserPolicy"], on: ["arn:aws:iam::123456789012:user/attacker"], condition: ["Bool": ["aws:MultiFactorAuthPresent": "true"]])])])
        let edge = try await f.edges(into: "user/attacker").first { $0.from == EscalationFixture.arn("user/attacker") && $0.technique.id == "iam-put-user-policy" }
        #expect(edge?.isConditional == true)
        #expect(edge?.conditions["Bool"]?["aws:MultiFactorAuthPresent"] == ["true"])
        #expect(edge?.requests.first?.statements.isEmpty == false)
    }

    /// A grant on another user is no self-grant.
    @Test func case0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PutUserPolicy"], on: ["arn:aws:iam::123456789012:user/someone-else"])])])
        let edges = try await f.edges(into: "user/attacker").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "iam-put-user-policy" })
    }
}
