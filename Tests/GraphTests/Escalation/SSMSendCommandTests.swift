import Testing
@testable import Graph

/// `ssm-send-command`: Systems Manager User Guide, run-command.html: commands run on the instance, with its profile's credentials.
@Suite("Escalation: ssm-send-command")
struct SSMSendCommandTests {
    @Test func foundWithItsRuleOnly() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["ssm:SendCommand"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["ec2.amazonaws.com"], instanceProfile: true)])
        let t = try await f.techniques(from: "user/attacker", into: "role/target", without: "ssm-send-command")
        #expect(t.with.contains("ssm-send-command"))
        #expect(!t.without.contains("ssm-send-command"))
    }

    /// Every action the technique needs must be allowed: without ssm:SendCommand there is no edge.
    @Test func needsSendCommand0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [])], roles: [.init(name: "target", trustedServices: ["ec2.amazonaws.com"], instanceProfile: true)])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "ssm-send-command" })
    }

    /// An undecided condition of a deciding statement makes the edge conditional, and is kept.
    @Test func conditionsAreKept() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["ssm:SendCommand"], on: ["*"], condition: ["Bool": ["aws:MultiFactorAuthPresent": "true"]])])], roles: [.init(name: "target", trustedServices: ["ec2.amazonaws.com"], instanceProfile: true)])
        let edge = try await f.edges(into: "role/target").first { $0.from == EscalationFixture.arn("user/attacker") && $0.technique.id == "ssm-send-command" }
        #expect(edge?.isConditional == true)
        #expect(edge?.conditions["Bool"]?["aws:MultiFactorAuthPresent"] == ["true"])
        #expect(edge?.requests.first?.statements.isEmpty == false)
    }

    /// A role without an instance profile runs on no instance.
    @Test func case0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["ssm:SendCommand"])])], roles: [.init(name: "target", trustedServices: ["ec2.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "ssm-send-command" })
    }
}
