import Testing
@testable import Graph

/// `ecs-task`: ECS Developer Guide, task-iam-roles.html: a task's containers get the task role's credentials.
@Suite("Escalation: ecs-task")
struct ECSTaskTests {
    @Test func foundWithItsRuleOnly() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["ecs:RegisterTaskDefinition"], on: ["*"]), .init(["ecs:RunTask"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["ecs-tasks.amazonaws.com"])])
        let t = try await f.techniques(from: "user/attacker", into: "role/target", without: "ecs-task")
        #expect(t.with.contains("ecs-task"))
        #expect(!t.without.contains("ecs-task"))
    }

    /// Every action the technique needs must be allowed: without iam:PassRole there is no edge.
    @Test func needsPassRole0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["ecs:RegisterTaskDefinition"], on: ["*"]), .init(["ecs:RunTask"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["ecs-tasks.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "ecs-task" })
    }

    /// Every action the technique needs must be allowed: without ecs:RegisterTaskDefinition there is no edge.
    @Test func needsRegisterTaskDefinition1() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["ecs:RunTask"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["ecs-tasks.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "ecs-task" })
    }

    /// Every action the technique needs must be allowed: without ecs:RunTask there is no edge.
    @Test func needsRunTask2() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["ecs:RegisterTaskDefinition"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["ecs-tasks.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "ecs-task" })
    }

    /// An undecided condition of a deciding statement makes the edge conditional, and is kept.
    @Test func conditionsAreKept() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"], condition: ["Bool": ["aws:MultiFactorAuthPresent": "true"]]), .init(["ecs:RegisterTaskDefinition"], on: ["*"]), .init(["ecs:RunTask"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["ecs-tasks.amazonaws.com"])])
        let edge = try await f.edges(into: "role/target").first { $0.from == EscalationFixture.arn("user/attacker") && $0.technique.id == "ecs-task" }
        #expect(edge?.isConditional == true)
        #expect(edge?.conditions["Bool"]?["aws:MultiFactorAuthPresent"] == ["true"])
        #expect(edge?.requests.first?.statements.isEmpty == false)
    }

    /// The role must trust the service.
    @Test func case0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["ecs:RegisterTaskDefinition"], on: ["*"]), .init(["ecs:RunTask"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["other.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "ecs-task" })
    }
}
