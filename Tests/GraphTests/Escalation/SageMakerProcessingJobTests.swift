import Testing
@testable import Graph

/// `sagemaker-processing-job`: SageMaker Developer Guide, sagemaker-roles.html: a processing job runs with its execution role.
@Suite("Escalation: sagemaker-processing-job")
struct SageMakerProcessingJobTests {
    @Test func foundWithItsRuleOnly() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["sagemaker:CreateProcessingJob"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["sagemaker.amazonaws.com"])])
        let t = try await f.techniques(from: "user/attacker", into: "role/target", without: "sagemaker-processing-job")
        #expect(t.with.contains("sagemaker-processing-job"))
        #expect(!t.without.contains("sagemaker-processing-job"))
    }

    /// Every action the technique needs must be allowed: without iam:PassRole there is no edge.
    @Test func needsPassRole0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["sagemaker:CreateProcessingJob"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["sagemaker.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "sagemaker-processing-job" })
    }

    /// Every action the technique needs must be allowed: without sagemaker:CreateProcessingJob there is no edge.
    @Test func needsCreateProcessingJob1() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"])])], roles: [.init(name: "target", trustedServices: ["sagemaker.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "sagemaker-processing-job" })
    }

    /// An undecided condition of a deciding statement makes the edge conditional, and is kept.
    @Test func conditionsAreKept() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"], condition: ["Bool": ["aws:MultiFactorAuthPresent": "true"]]), .init(["sagemaker:CreateProcessingJob"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["sagemaker.amazonaws.com"])])
        let edge = try await f.edges(into: "role/target").first { $0.from == EscalationFixture.arn("user/attacker") && $0.technique.id == "sagemaker-processing-job" }
        #expect(edge?.isConditional == true)
        #expect(edge?.conditions["Bool"]?["aws:MultiFactorAuthPresent"] == ["true"])
        #expect(edge?.requests.first?.statements.isEmpty == false)
    }

    /// The role must trust the service.
    @Test func case0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["sagemaker:CreateProcessingJob"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["other.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "sagemaker-processing-job" })
    }
}
