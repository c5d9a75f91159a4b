import Testing
@testable import Graph

/// `glue-job`: Glue Developer Guide, create-an-iam-role.html: a job runs with its role.
@Suite("Escalation: glue-job")
struct GlueJobTests {
    @Test func foundWithItsRuleOnly() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["glue:CreateJob"], on: ["*"]), .init(["glue:StartJobRun"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["glue.amazonaws.com"])])
        let t = try await f.techniques(from: "user/attacker", into: "role/target", without: "glue-job")
        #expect(t.with.contains("glue-job"))
        #expect(!t.without.contains("glue-job"))
    }

    /// Every action the technique needs must be allowed: without iam:PassRole there is no edge.
    @Test func needsPassRole0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["glue:CreateJob"], on: ["*"]), .init(["glue:StartJobRun"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["glue.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "glue-job" })
    }

    /// Every action the technique needs must be allowed: without glue:CreateJob there is no edge.
    @Test func needsCreateJob1() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["glue:StartJobRun"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["glue.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "glue-job" })
    }

    /// Every action the technique needs must be allowed: without glue:StartJobRun there is no edge.
    @Test func needsStartJobRun2() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["glue:CreateJob"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["glue.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "glue-job" })
    }

    /// An undecided condition of a deciding statement makes the edge conditional, and is kept.
    @Test func conditionsAreKept() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"], condition: ["Bool": ["aws:MultiFactorAuthPresent": "true"]]), .init(["glue:CreateJob"], on: ["*"]), .init(["glue:StartJobRun"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["glue.amazonaws.com"])])
        let edge = try await f.edges(into: "role/target").first { $0.from == EscalationFixture.arn("user/attacker") && $0.technique.id == "glue-job" }
        #expect(edge?.isConditional == true)
        #expect(edge?.conditions["Bool"]?["aws:MultiFactorAuthPresent"] == ["true"])
        #expect(edge?.requests.first?.statements.isEmpty == false)
    }

    /// The role must trust the service.
    @Test func case0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["glue:CreateJob"], on: ["*"]), .init(["glue:StartJobRun"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["other.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "glue-job" })
    }
}
