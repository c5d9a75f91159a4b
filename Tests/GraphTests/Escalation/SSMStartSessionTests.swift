import Testing
@testable import Graph

/// `ssm-start-session`: Systems Manager User Guide, session-manager.html: a session is a shell on the instance.
@Suite("Escalation: ssm-start-session")
struct SSMStartSessionTests {
    @Test func foundWithItsRuleOnly() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["ssm:StartSession"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["ec2.amazonaws.com"], instanceProfile: true)])
        let t = try await f.techniques(from: "user/attacker", into: "role/target", without: "ssm-start-session")
        #expect(t.with.contains("ssm-start-session"))
        #expect(!t.without.contains("ssm-start-session"))
    }

    /// Every action the technique needs must be allowed: without ssm:StartSession there is no edge.
    @Test func needsStartSession0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [])], roles: [.init(name: "target", trustedServices: ["ec2.amazonaws.com"], instanceProfile: true)])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "ssm-start-session" })
    }

    /// An undecided condition of a deciding statement makes the edge conditional, and is kept.
    @Test func conditionsAreKept() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["ssm:StartSession"], on: ["*"], condition: ["Bool": ["aws:MultiFactorAuthPresent": "true"]])])], roles: [.init(name: "target", trustedServices: ["ec2.amazonaws.com"], instanceProfile: true)])
        let edge = try await f.edges(into: "role/target").first { $0.from == EscalationFixture.arn("user/attacker") && $0.technique.id == "ssm-start-session" }
        #expect(edge?.isConditional == true)
        #expect(edge?.conditions["Bool"]?["aws:MultiFactorAuthPresent"] == ["true"])
        #expect(edge?.requests.first?.statements.isEmpty == false)
    }
}
