import Testing
@testable import Graph

/// `datapipeline`: Data Pipeline Developer Guide, dp-iam-roles.html: pipeline activities run with the pipeline's roles.
@Suite("Escalation: datapipeline")
struct DataPipelineTests {
    @Test func foundWithItsRuleOnly() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["datapipeline:CreatePipeline"], on: ["*"]), .init(["datapipeline:PutPipelineDefinition"], on: ["*"]), .init(["datapipeline:ActivatePipeline"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["datapipeline.amazonaws.com"])])
        let t = try await f.techniques(from: "user/attacker", into: "role/target", without: "datapipeline")
        #expect(t.with.contains("datapipeline"))
        #expect(!t.without.contains("datapipeline"))
    }

    /// Every action the technique needs must be allowed: without iam:PassRole there is no edge.
    @Test func needsPassRole0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["datapipeline:CreatePipeline"], on: ["*"]), .init(["datapipeline:PutPipelineDefinition"], on: ["*"]), .init(["datapipeline:ActivatePipeline"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["datapipeline.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "datapipeline" })
    }

    /// Every action the technique needs must be allowed: without datapipeline:CreatePipeline there is no edge.
    @Test func needsCreatePipeline1() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["datapipeline:PutPipelineDefinition"], on: ["*"]), .init(["datapipeline:ActivatePipeline"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["datapipeline.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "datapipeline" })
    }

    /// Every action the technique needs must be allowed: without datapipeline:PutPipelineDefinition there is no edge.
    @Test func needsPutPipelineDefinition2() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["datapipeline:CreatePipeline"], on: ["*"]), .init(["datapipeline:ActivatePipeline"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["datapipeline.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "datapipeline" })
    }

    /// Every action the technique needs must be allowed: without datapipeline:ActivatePipeline there is no edge.
    @Test func needsActivatePipeline3() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["datapipeline:CreatePipeline"], on: ["*"]), .init(["datapipeline:PutPipelineDefinition"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["datapipeline.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "datapipeline" })
    }

    /// An undecided condition of a deciding statement makes the edge conditional, and is kept.
    @Test func conditionsAreKept() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"], condition: ["Bool": ["aws:MultiFactorAuthPresent": "true"]]), .init(["datapipeline:CreatePipeline"], on: ["*"]), .init(["datapipeline:PutPipelineDefinition"], on: ["*"]), .init(["datapipeline:ActivatePipeline"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["datapipeline.amazonaws.com"])])
        let edge = try await f.edges(into: "role/target").first { $0.from == EscalationFixture.arn("user/attacker") && $0.technique.id == "datapipeline" }
        #expect(edge?.isConditional == true)
        #expect(edge?.conditions["Bool"]?["aws:MultiFactorAuthPresent"] == ["true"])
        #expect(edge?.requests.first?.statements.isEmpty == false)
    }

    /// The role must trust the service.
    @Test func case0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["datapipeline:CreatePipeline"], on: ["*"]), .init(["datapipeline:PutPipelineDefinition"], on: ["*"]), .init(["datapipeline:ActivatePipeline"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["other.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "datapipeline" })
    }
}
