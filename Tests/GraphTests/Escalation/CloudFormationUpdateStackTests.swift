import Testing
@testable import Graph

/// `cloudformation-update-stack`: CloudFormation User Guide, using-iam-servicerole.html: a stack's service role makes its calls.
@Suite("Escalation: cloudformation-update-stack")
struct CloudFormationUpdateStackTests {
    @Test func foundWithItsRuleOnly() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["cloudformation:UpdateStack"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["cloudformation.amazonaws.com"])])
        let t = try await f.techniques(from: "user/attacker", into: "role/target", without: "cloudformation-update-stack")
        #expect(t.with.contains("cloudformation-update-stack"))
        #expect(!t.without.contains("cloudformation-update-stack"))
    }

    /// Every action the technique needs must be allowed: without iam:PassRole there is no edge.
    @Test func needsPassRole0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["cloudformation:UpdateStack"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["cloudformation.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "cloudformation-update-stack" })
    }

    /// Every action the technique needs must be allowed: without cloudformation:UpdateStack there is no edge.
    @Test func needsUpdateStack1() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"])])], roles: [.init(name: "target", trustedServices: ["cloudformation.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "cloudformation-update-stack" })
    }

    /// An undecided condition of a deciding statement makes the edge conditional, and is kept.
    @Test func conditionsAreKept() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"], condition: ["Bool": ["aws:MultiFactorAuthPresent": "true"]]), .init(["cloudformation:UpdateStack"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["cloudformation.amazonaws.com"])])
        let edge = try await f.edges(into: "role/target").first { $0.from == EscalationFixture.arn("user/attacker") && $0.technique.id == "cloudformation-update-stack" }
        #expect(edge?.isConditional == true)
        #expect(edge?.conditions["Bool"]?["aws:MultiFactorAuthPresent"] == ["true"])
        #expect(edge?.requests.first?.statements.isEmpty == false)
    }

    /// The role must trust the service.
    @Test func case0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["cloudformation:UpdateStack"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["other.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "cloudformation-update-stack" })
    }
}
