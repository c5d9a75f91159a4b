import Testing
@testable import Graph

/// `sagemaker-training-job`: SageMaker Developer Guide, sagemaker-roles.html: a training job runs with its execution role.
@Suite("Escalation: sagemaker-training-job")
struct SageMakerTrainingJobTests {
    @Test func foundWithItsRuleOnly() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["sagemaker:CreateTrainingJob"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["sagemaker.amazonaws.com"])])
        let t = try await f.techniques(from: "user/attacker", into: "role/target", without: "sagemaker-training-job")
        #expect(t.with.contains("sagemaker-training-job"))
        #expect(!t.without.contains("sagemaker-training-job"))
    }

    /// Every action the technique needs must be allowed: without iam:PassRole there is no edge.
    @Test func needsPassRole0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["sagemaker:CreateTrainingJob"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["sagemaker.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "sagemaker-training-job" })
    }

    /// Every action the technique needs must be allowed: without sagemaker:CreateTrainingJob there is no edge.
    @Test func needsCreateTrainingJob1() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"])])], roles: [.init(name: "target", trustedServices: ["sagemaker.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "sagemaker-training-job" })
    }

    /// An undecided condition of a deciding statement makes the edge conditional, and is kept.
    @Test func conditionsAreKept() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"], condition: ["Bool": ["aws:MultiFactorAuthPresent": "true"]]), .init(["sagemaker:CreateTrainingJob"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["sagemaker.amazonaws.com"])])
        let edge = try await f.edges(into: "role/target").first { $0.from == EscalationFixture.arn("user/attacker") && $0.technique.id == "sagemaker-training-job" }
        #expect(edge?.isConditional == true)
        #expect(edge?.conditions["Bool"]?["aws:MultiFactorAuthPresent"] == ["true"])
        #expect(edge?.requests.first?.statements.isEmpty == false)
    }

    /// The role must trust the service.
    @Test func case0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["sagemaker:CreateTrainingJob"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["other.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "sagemaker-training-job" })
    }
}
