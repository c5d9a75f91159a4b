import Testing
@testable import Graph

/// `iam-attach-user-policy`: IAM API Reference, API_AttachUserPolicy.html: attaches a managed policy to a user.
@Suite("Escalation: iam-attach-user-policy")
struct AttachUserPolicyTests {
    @Test func foundWithItsRuleOnly() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:AttachUserPolicy"], on: ["arn:aws:iam::123456789012:user/attacker"])])])
        let t = try await f.techniques(from: "user/attacker", into: "user/attacker", without: "iam-attach-user-policy")
        #expect(t.with.contains("iam-attach-user-policy"))
        #expect(!t.without.contains("iam-attach-user-policy"))
    }

    /// Every action the technique needs must be allowed: without iam:AttachUserPolicy there is no edge.
    @Test func needsAttachUserPolicy0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [])])
        let edges = try await f.edges(into: "user/attacker").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "iam-attach-user-policy" })
    }

    /// An undecided condition of a deciding statement makes the edge conditional, and is kept.
    @Test func conditionsAreKept() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:AttachUserPolicy"], on: ["arn:aws:iam::123456789012:user/attacker"], condition: ["Bool": ["aws:MultiFactorAuthPresent": "true"]])])])
        let edge = try await f.edges(into: "user/attacker").first { $0.from == EscalationFixture.arn("user/attacker") && $0.technique.id == "iam-attach-user-policy" }
        #expect(edge?.isConditional == true)
        #expect(edge?.conditions["Bool"]?["aws:MultiFactorAuthPresent"] == ["true"])
        #expect(edge?.requests.first?.statements.isEmpty == false)
    }
}
