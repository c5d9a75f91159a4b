import Testing
@testable import Graph

/// `autoscaling-launch-template`: EC2 Auto Scaling User Guide, us-iam-role.html: instances of a group get the launch template's instance profile.
@Suite("Escalation: autoscaling-launch-template")
struct AutoScalingLaunchTemplateTests {
    @Test func foundWithItsRuleOnly() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["ec2:CreateLaunchTemplate"], on: ["*"]), .init(["autoscaling:CreateAutoScalingGroup"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["ec2.amazonaws.com"], instanceProfile: true)])
        let t = try await f.techniques(from: "user/attacker", into: "role/target", without: "autoscaling-launch-template")
        #expect(t.with.contains("autoscaling-launch-template"))
        #expect(!t.without.contains("autoscaling-launch-template"))
    }

    /// Every action the technique needs must be allowed: without iam:PassRole there is no edge.
    @Test func needsPassRole0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["ec2:CreateLaunchTemplate"], on: ["*"]), .init(["autoscaling:CreateAutoScalingGroup"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["ec2.amazonaws.com"], instanceProfile: true)])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "autoscaling-launch-template" })
    }

    /// Every action the technique needs must be allowed: without ec2:CreateLaunchTemplate there is no edge.
    @Test func needsCreateLaunchTemplate1() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["autoscaling:CreateAutoScalingGroup"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["ec2.amazonaws.com"], instanceProfile: true)])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "autoscaling-launch-template" })
    }

    /// Every action the technique needs must be allowed: without autoscaling:CreateAutoScalingGroup there is no edge.
    @Test func needsCreateAutoScalingGroup2() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["ec2:CreateLaunchTemplate"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["ec2.amazonaws.com"], instanceProfile: true)])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "autoscaling-launch-template" })
    }

    /// An undecided condition of a deciding statement makes the edge conditional, and is kept.
    @Test func conditionsAreKept() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"], condition: ["Bool": ["aws:MultiFactorAuthPresent": "true"]]), .init(["ec2:CreateLaunchTemplate"], on: ["*"]), .init(["autoscaling:CreateAutoScalingGroup"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["ec2.amazonaws.com"], instanceProfile: true)])
        let edge = try await f.edges(into: "role/target").first { $0.from == EscalationFixture.arn("user/attacker") && $0.technique.id == "autoscaling-launch-template" }
        #expect(edge?.isConditional == true)
        #expect(edge?.conditions["Bool"]?["aws:MultiFactorAuthPresent"] == ["true"])
        #expect(edge?.requests.first?.statements.isEmpty == false)
    }

    /// The role must trust the service.
    @Test func case0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["ec2:CreateLaunchTemplate"], on: ["*"]), .init(["autoscaling:CreateAutoScalingGroup"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["other.amazonaws.com"], instanceProfile: true)])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "autoscaling-launch-template" })
    }
}
