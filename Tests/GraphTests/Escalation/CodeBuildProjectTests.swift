import Testing
@testable import Graph

/// `codebuild-project`: CodeBuild User Guide, setting-up-service-role.html: builds run with the project's service role.
@Suite("Escalation: codebuild-project")
struct CodeBuildProjectTests {
    @Test func foundWithItsRuleOnly() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["codebuild:CreateProject"], on: ["*"]), .init(["codebuild:StartBuild"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["codebuild.amazonaws.com"])])
        let t = try await f.techniques(from: "user/attacker", into: "role/target", without: "codebuild-project")
        #expect(t.with.contains("codebuild-project"))
        #expect(!t.without.contains("codebuild-project"))
    }

    /// Every action the technique needs must be allowed: without iam:PassRole there is no edge.
    @Test func needsPassRole0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["codebuild:CreateProject"], on: ["*"]), .init(["codebuild:StartBuild"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["codebuild.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "codebuild-project" })
    }

    /// Every action the technique needs must be allowed: without codebuild:CreateProject there is no edge.
    @Test func needsCreateProject1() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["codebuild:StartBuild"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["codebuild.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "codebuild-project" })
    }

    /// Every action the technique needs must be allowed: without codebuild:StartBuild there is no edge.
    @Test func needsStartBuild2() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["codebuild:CreateProject"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["codebuild.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "codebuild-project" })
    }

    /// An undecided condition of a deciding statement makes the edge conditional, and is kept.
    @Test func conditionsAreKept() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"], condition: ["Bool": ["aws:MultiFactorAuthPresent": "true"]]), .init(["codebuild:CreateProject"], on: ["*"]), .init(["codebuild:StartBuild"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["codebuild.amazonaws.com"])])
        let edge = try await f.edges(into: "role/target").first { $0.from == EscalationFixture.arn("user/attacker") && $0.technique.id == "codebuild-project" }
        #expect(edge?.isConditional == true)
        #expect(edge?.conditions["Bool"]?["aws:MultiFactorAuthPresent"] == ["true"])
        #expect(edge?.requests.first?.statements.isEmpty == false)
    }

    /// The role must trust the service.
    @Test func case0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["codebuild:CreateProject"], on: ["*"]), .init(["codebuild:StartBuild"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["other.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "codebuild-project" })
    }
}
