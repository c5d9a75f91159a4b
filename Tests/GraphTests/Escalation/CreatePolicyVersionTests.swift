import Testing
@testable import Graph

/// `iam-create-policy-version`: IAM API Reference, API_CreatePolicyVersion.html: a new default version replaces the policy's permissions.
@Suite("Escalation: iam-create-policy-version")
struct CreatePolicyVersionTests {
    @Test func foundWithItsRuleOnly() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:CreatePolicyVersion"], on: ["arn:aws:iam::123456789012:policy/app"])], managed: ["app"])], policies: [.init(name: "app", versions: [[.init(["s3:GetObject"])]])])
        let t = try await f.techniques(from: "user/attacker", into: "user/attacker", without: "iam-create-policy-version")
        #expect(t.with.contains("iam-create-policy-version"))
        #expect(!t.without.contains("iam-create-policy-version"))
    }

    /// Every action the technique needs must be allowed: without iam:CreatePolicyVersion there is no edge.
    @Test func needsCreatePolicyVersion0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [], managed: ["app"])], policies: [.init(name: "app", versions: [[.init(["s3:GetObject"])]])])
        let edges = try await f.edges(into: "user/attacker").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "iam-create-policy-version" })
    }

    /// An undecided condition of a deciding statement makes the edge conditional, and is kept.
    @Test func conditionsAreKept() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:CreatePolicyVersion"], on: ["arn:aws:iam::123456789012:policy/app"], condition: ["Bool": ["aws:MultiFactorAuthPresent": "true"]])], managed: ["app"])], policies: [.init(name: "app", versions: [[.init(["s3:GetObject"])]])])
        let edge = try await f.edges(into: "user/attacker").first { $0.from == EscalationFixture.arn("user/attacker") && $0.technique.id == "iam-create-policy-version" }
        #expect(edge?.isConditional == true)
        #expect(edge?.conditions["Bool"]?["aws:MultiFactorAuthPresent"] == ["true"])
        #expect(edge?.requests.first?.statements.isEmpty == false)
    }

    /// A policy the user does not have gives it nothing.
    @Test func case0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:CreatePolicyVersion"], on: ["arn:aws:iam::123456789012:policy/app"])])], policies: [.init(name: "app", versions: [[.init(["s3:GetObject"])]])])
        let edges = try await f.edges(into: "user/attacker").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "iam-create-policy-version" })
    }
}
