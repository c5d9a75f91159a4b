import Testing
@testable import Graph

/// `sagemaker-notebook`: SageMaker Developer Guide, sagemaker-roles.html: a notebook instance runs with its execution role.
@Suite("Escalation: sagemaker-notebook")
struct SageMakerNotebookTests {
    @Test func foundWithItsRuleOnly() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["sagemaker:CreateNotebookInstance"], on: ["*"]), .init(["sagemaker:CreatePresignedNotebookInstanceUrl"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["sagemaker.amazonaws.com"])])
        let t = try await f.techniques(from: "user/attacker", into: "role/target", without: "sagemaker-notebook")
        #expect(t.with.contains("sagemaker-notebook"))
        #expect(!t.without.contains("sagemaker-notebook"))
    }

    /// Every action the technique needs must be allowed: without iam:PassRole there is no edge.
    @Test func needsPassRole0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["sagemaker:CreateNotebookInstance"], on: ["*"]), .init(["sagemaker:CreatePresignedNotebookInstanceUrl"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["sagemaker.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "sagemaker-notebook" })
    }

    /// Every action the technique needs must be allowed: without sagemaker:CreateNotebookInstance there is no edge.
    @Test func needsCreateNotebookInstance1() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["sagemaker:CreatePresignedNotebookInstanceUrl"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["sagemaker.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "sagemaker-notebook" })
    }

    /// Every action the technique needs must be allowed: without sagemaker:CreatePresignedNotebookInstanceUrl there is no edge.
    @Test func needsCreatePresignedNotebookInstanceUrl2() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["sagemaker:CreateNotebookInstance"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["sagemaker.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "sagemaker-notebook" })
    }

    /// An undecided condition of a deciding statement makes the edge conditional, and is kept.
    @Test func conditionsAreKept() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"], condition: ["Bool": ["aws:MultiFactorAuthPresent": "true"]]), .init(["sagemaker:CreateNotebookInstance"], on: ["*"]), .init(["sagemaker:CreatePresignedNotebookInstanceUrl"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["sagemaker.amazonaws.com"])])
        let edge = try await f.edges(into: "role/target").first { $0.from == EscalationFixture.arn("user/attacker") && $0.technique.id == "sagemaker-notebook" }
        #expect(edge?.isConditional == true)
        #expect(edge?.conditions["Bool"]?["aws:MultiFactorAuthPresent"] == ["true"])
        #expect(edge?.requests.first?.statements.isEmpty == false)
    }

    /// The role must trust the service.
    @Test func case0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["sagemaker:CreateNotebookInstance"], on: ["*"]), .init(["sagemaker:CreatePresignedNotebookInstanceUrl"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["other.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "sagemaker-notebook" })
    }
}
