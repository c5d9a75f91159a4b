import Testing
@testable import Graph

/// `iam-put-group-policy`: IAM API Reference, API_PutGroupPolicy.html: an inline policy of a group applies to its members.
@Suite("Escalation: iam-put-group-policy")
struct PutGroupPolicyTests {
    @Test func foundWithItsRuleOnly() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PutGroupPolicy"], on: ["arn:aws:iam::123456789012:group/devs"])], groups: ["devs"])], groups: [.init(name: "devs")])
        let t = try await f.techniques(from: "user/attacker", into: "user/attacker", without: "iam-put-group-policy")
        #expect(t.with.contains("iam-put-group-policy"))
        #expect(!t.without.contains("iam-put-group-policy"))
    }

    /// Every action the technique needs must be allowed: without iam:PutGroupPolicy there is no edge.
    @Test func needsPutGroupPolicy0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [], groups: ["devs"])], groups: [.init(name: "devs")])
        let edges = try await f.edges(into: "user/attacker").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "iam-put-group-policy" })
    }

    /// An undecided condition of a deciding statement makes the edge conditional, and is kept.
    @Test func conditionsAreKept() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PutGroupPolicy"], on: ["arn:aws:iam::123456789012:group/devs"], condition: ["Bool": ["aws:MultiFactorAuthPresent": "true"]])], groups: ["devs"])], groups: [.init(name: "devs")])
        let edge = try await f.edges(into: "user/attacker").first { $0.from == EscalationFixture.arn("user/attacker") && $0.technique.id == "iam-put-group-policy" }
        #expect(edge?.isConditional == true)
        #expect(edge?.conditions["Bool"]?["aws:MultiFactorAuthPresent"] == ["true"])
        #expect(edge?.requests.first?.statements.isEmpty == false)
    }

    /// A group the user is not in gives it nothing.
    @Test func case0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PutGroupPolicy"], on: ["arn:aws:iam::123456789012:group/devs"])])], groups: [.init(name: "devs")])
        let edges = try await f.edges(into: "user/attacker").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "iam-put-group-policy" })
    }
}
