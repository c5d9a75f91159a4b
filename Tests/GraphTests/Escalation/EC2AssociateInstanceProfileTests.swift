import Testing
@testable import Graph

/// `ec2-associate-instance-profile`: EC2 API Reference, API_AssociateIamInstanceProfile.html: associates an instance profile with a running instance.
@Suite("Escalation: ec2-associate-instance-profile")
struct EC2AssociateInstanceProfileTests {
    @Test func foundWithItsRuleOnly() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["ec2:AssociateIamInstanceProfile"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["ec2.amazonaws.com"], instanceProfile: true)])
        let t = try await f.techniques(from: "user/attacker", into: "role/target", without: "ec2-associate-instance-profile")
        #expect(t.with.contains("ec2-associate-instance-profile"))
        #expect(!t.without.contains("ec2-associate-instance-profile"))
    }

    /// Every action the technique needs must be allowed: without iam:PassRole there is no edge.
    @Test func needsPassRole0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["ec2:AssociateIamInstanceProfile"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["ec2.amazonaws.com"], instanceProfile: true)])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "ec2-associate-instance-profile" })
    }

    /// Every action the technique needs must be allowed: without ec2:AssociateIamInstanceProfile there is no edge.
    @Test func needsAssociateIamInstanceProfile1() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"])])], roles: [.init(name: "target", trustedServices: ["ec2.amazonaws.com"], instanceProfile: true)])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "ec2-associate-instance-profile" })
    }

    /// An undecided condition of a deciding statement makes the edge conditional, and is kept.
    @Test func conditionsAreKept() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"], condition: ["Bool": ["aws:MultiFactorAuthPresent": "true"]]), .init(["ec2:AssociateIamInstanceProfile"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["ec2.amazonaws.com"], instanceProfile: true)])
        let edge = try await f.edges(into: "role/target").first { $0.from == EscalationFixture.arn("user/attacker") && $0.technique.id == "ec2-associate-instance-profile" }
        #expect(edge?.isConditional == true)
        #expect(edge?.conditions["Bool"]?["aws:MultiFactorAuthPresent"] == ["true"])
        #expect(edge?.requests.first?.statements.isEmpty == false)
    }

    /// The role must trust the service.
    @Test func case0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["ec2:AssociateIamInstanceProfile"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["other.amazonaws.com"], instanceProfile: true)])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "ec2-associate-instance-profile" })
    }
}
