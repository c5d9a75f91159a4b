import Testing
@testable import Graph

/// `cloudformation-change-set`: CloudFormation User Guide, using-cfn-updating-stacks-changesets.html: executing a change set updates the stack with its role.
@Suite("Escalation: cloudformation-change-set")
struct CloudFormationChangeSetTests {
    @Test func foundWithItsRuleOnly() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["cloudformation:CreateChangeSet"], on: ["*"]), .init(["cloudformation:ExecuteChangeSet"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["cloudformation.amazonaws.com"])])
        let t = try await f.techniques(from: "user/attacker", into: "role/target", without: "cloudformation-change-set")
        #expect(t.with.contains("cloudformation-change-set"))
        #expect(!t.without.contains("cloudformation-change-set"))
    }

    /// Every action the technique needs must be allowed: without iam:PassRole there is no edge.
    @Test func needsPassRole0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["cloudformation:CreateChangeSet"], on: ["*"]), .init(["cloudformation:ExecuteChangeSet"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["cloudformation.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "cloudformation-change-set" })
    }

    /// Every action the technique needs must be allowed: without cloudformation:CreateChangeSet there is no edge.
    @Test func needsCreateChangeSet1() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["cloudformation:ExecuteChangeSet"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["cloudformation.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "cloudformation-change-set" })
    }

    /// Every action the technique needs must be allowed: without cloudformation:ExecuteChangeSet there is no edge.
    @Test func needsExecuteChangeSet2() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["cloudformation:CreateChangeSet"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["cloudformation.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "cloudformation-change-set" })
    }

    /// An undecided condition of a deciding statement makes the edge conditional, and is kept.
    @Test func conditionsAreKept() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"], condition: ["Bool": ["aws:MultiFactorAuthPresent": "true"]]), .init(["cloudformation:CreateChangeSet"], on: ["*"]), .init(["cloudformation:ExecuteChangeSet"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["cloudformation.amazonaws.com"])])
        let edge = try await f.edges(into: "role/target").first { $0.from == EscalationFixture.arn("user/attacker") && $0.technique.id == "cloudformation-change-set" }
        #expect(edge?.isConditional == true)
        #expect(edge?.conditions["Bool"]?["aws:MultiFactorAuthPresent"] == ["true"])
        #expect(edge?.requests.first?.statements.isEmpty == false)
    }

    /// The role must trust the service.
    @Test func case0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["cloudformation:CreateChangeSet"], on: ["*"]), .init(["cloudformation:ExecuteChangeSet"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["other.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "cloudformation-change-set" })
    }
}
