import Testing
@testable import Graph

/// `lambda-update-function-code`: Lambda API Reference, API_UpdateFunctionCode.html: new code runs with the function's execution role.
@Suite("Escalation: lambda-update-function-code")
struct LambdaUpdateFunctionCodeTests {
    @Test func foundWithItsRuleOnly() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["lambda:UpdateFunctionCode"], on: ["arn:aws:lambda:us-east-1:123456789012:function:worker"])])], roles: [.init(name: "target", trustedServices: ["lambda.amazonaws.com"])], functions: ["worker": "target"])
        let t = try await f.techniques(from: "user/attacker", into: "role/target", without: "lambda-update-function-code")
        #expect(t.with.contains("lambda-update-function-code"))
        #expect(!t.without.contains("lambda-update-function-code"))
    }

    /// Every action the technique needs must be allowed: without lambda:UpdateFunctionCode there is no edge.
    @Test func needsUpdateFunctionCode0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [])], roles: [.init(name: "target", trustedServices: ["lambda.amazonaws.com"])], functions: ["worker": "target"])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "lambda-update-function-code" })
    }

    /// An undecided condition of a deciding statement makes the edge conditional, and is kept.
    @Test func conditionsAreKept() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["lambda:UpdateFunctionCode"], on: ["arn:aws:lambda:us-east-1:123456789012:function:worker"], condition: ["Bool": ["aws:MultiFactorAuthPresent": "true"]])])], roles: [.init(name: "target", trustedServices: ["lambda.amazonaws.com"])], functions: ["worker": "target"])
        let edge = try await f.edges(into: "role/target").first { $0.from == EscalationFixture.arn("user/attacker") && $0.technique.id == "lambda-update-function-code" }
        #expect(edge?.isConditional == true)
        #expect(edge?.conditions["Bool"]?["aws:MultiFactorAuthPresent"] == ["true"])
        #expect(edge?.requests.first?.statements.isEmpty == false)
    }

    /// A role no function runs as is not reached.
    @Test func case0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["lambda:UpdateFunctionCode"])])], roles: [.init(name: "target", trustedServices: ["lambda.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "lambda-update-function-code" })
    }
}
