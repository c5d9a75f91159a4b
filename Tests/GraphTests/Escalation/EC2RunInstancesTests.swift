import Testing
@testable import Graph

/// `ec2-run-instances`: IAM User Guide, id_roles_use_switch-role-ec2.html: an instance profile gives its role's credentials to the instance.
@Suite("Escalation: ec2-run-instances")
struct EC2RunInstancesTests {
    @Test func foundWithItsRuleOnly() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["ec2:RunInstances"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["ec2.amazonaws.com"], instanceProfile: true)])
        let t = try await f.techniques(from: "user/attacker", into: "role/target", without: "ec2-run-instances")
        #expect(t.with.contains("ec2-run-instances"))
        #expect(!t.without.contains("ec2-run-instances"))
    }

    /// Every action the technique needs must be allowed: without iam:PassRole there is no edge.
    @Test func needsPassRole0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["ec2:RunInstances"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["ec2.amazonaws.com"], instanceProfile: true)])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "ec2-run-instances" })
    }

    /// Every action the technique needs must be allowed: without ec2:RunInstances there is no edge.
    @Test func needsRunInstances1() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"])])], roles: [.init(name: "target", trustedServices: ["ec2.amazonaws.com"], instanceProfile: true)])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "ec2-run-instances" })
    }

    /// An undecided condition of a deciding statement makes the edge conditional, and is kept.
    @Test func conditionsAreKept() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"], condition: ["Bool": ["aws:MultiFactorAuthPresent": "true"]]), .init(["ec2:RunInstances"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["ec2.amazonaws.com"], instanceProfile: true)])
        let edge = try await f.edges(into: "role/target").first { $0.from == EscalationFixture.arn("user/attacker") && $0.technique.id == "ec2-run-instances" }
        #expect(edge?.isConditional == true)
        #expect(edge?.conditions["Bool"]?["aws:MultiFactorAuthPresent"] == ["true"])
        #expect(edge?.requests.first?.statements.isEmpty == false)
    }

    /// The role must trust the service.
    @Test func case0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["ec2:RunInstances"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["other.amazonaws.com"], instanceProfile: true)])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "ec2-run-instances" })
    }

    /// A role without a profile also needs iam:CreateInstanceProfile.
    @Test func case1() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole", "ec2:RunInstances"])])], roles: [.init(name: "target", trustedServices: ["ec2.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "ec2-run-instances" })
    }
}
