import Testing
@testable import Graph

/// `glue-dev-endpoint`: Glue Developer Guide, dev-endpoint.html: a development endpoint runs with its role.
@Suite("Escalation: glue-dev-endpoint")
struct GlueDevEndpointTests {
    @Test func foundWithItsRuleOnly() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["glue:CreateDevEndpoint"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["glue.amazonaws.com"])])
        let t = try await f.techniques(from: "user/attacker", into: "role/target", without: "glue-dev-endpoint")
        #expect(t.with.contains("glue-dev-endpoint"))
        #expect(!t.without.contains("glue-dev-endpoint"))
    }

    /// Every action the technique needs must be allowed: without iam:PassRole there is no edge.
    @Test func needsPassRole0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["glue:CreateDevEndpoint"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["glue.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "glue-dev-endpoint" })
    }

    /// Every action the technique needs must be allowed: without glue:CreateDevEndpoint there is no edge.
    @Test func needsCreateDevEndpoint1() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"])])], roles: [.init(name: "target", trustedServices: ["glue.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "glue-dev-endpoint" })
    }

    /// An undecided condition of a deciding statement makes the edge conditional, and is kept.
    @Test func conditionsAreKept() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"], condition: ["Bool": ["aws:MultiFactorAuthPresent": "true"]]), .init(["glue:CreateDevEndpoint"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["glue.amazonaws.com"])])
        let edge = try await f.edges(into: "role/target").first { $0.from == EscalationFixture.arn("user/attacker") && $0.technique.id == "glue-dev-endpoint" }
        #expect(edge?.isConditional == true)
        #expect(edge?.conditions["Bool"]?["aws:MultiFactorAuthPresent"] == ["true"])
        #expect(edge?.requests.first?.statements.isEmpty == false)
    }

    /// The role must trust the service.
    @Test func case0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["glue:CreateDevEndpoint"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["other.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "glue-dev-endpoint" })
    }
}
