import Testing
@testable import Graph

/// `iam-set-default-policy-version`: IAM API Reference, API_SetDefaultPolicyVersion.html: the default version is the policy's permissions.
@Suite("Escalation: iam-set-default-policy-version")
struct SetDefaultPolicyVersionTests {
    @Test func foundWithItsRuleOnly() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:SetDefaultPolicyVersion"], on: ["arn:aws:iam::123456789012:policy/app"])], managed: ["app"])], policies: [.init(name: "app", versions: [[.init(["s3:GetObject"])], [.init(["*"])]])])
        let t = try await f.techniques(from: "user/attacker", into: "user/attacker", without: "iam-set-default-policy-version")
        #expect(t.with.contains("iam-set-default-policy-version"))
        #expect(!t.without.contains("iam-set-default-policy-version"))
    }

    /// Every action the technique needs must be allowed: without iam:SetDefaultPolicyVersion there is no edge.
    @Test func needsSetDefaultPolicyVersion0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [], managed: ["app"])], policies: [.init(name: "app", versions: [[.init(["s3:GetObject"])], [.init(["*"])]])])
        let edges = try await f.edges(into: "user/attacker").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "iam-set-default-policy-version" })
    }

    /// An undecided condition of a deciding statement makes the edge conditional, and is kept.
    @Test func conditionsAreKept() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:SetDefaultPolicyVersion"], on: ["arn:aws:iam::123456789012:policy/app"], condition: ["Bool": ["aws:MultiFactorAuthPresent": "true"]])], managed: ["app"])], policies: [.init(name: "app", versions: [[.init(["s3:GetObject"])], [.init(["*"])]])])
        let edge = try await f.edges(into: "user/attacker").first { $0.from == EscalationFixture.arn("user/attacker") && $0.technique.id == "iam-set-default-policy-version" }
        #expect(edge?.isConditional == true)
        #expect(edge?.conditions["Bool"]?["aws:MultiFactorAuthPresent"] == ["true"])
        #expect(edge?.requests.first?.statements.isEmpty == false)
    }

    /// A policy with one version has nothing to switch to.
    @Test func case0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:SetDefaultPolicyVersion"])], managed: ["app"])], policies: [.init(name: "app", versions: [[.init(["s3:GetObject"])]])])
        let edges = try await f.edges(into: "user/attacker").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "iam-set-default-policy-version" })
    }
}
