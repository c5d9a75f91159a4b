import Testing
@testable import Graph

/// `lambda-create-event-source`: Lambda Developer Guide, invocation-eventsourcemapping.html: an event source mapping invokes the function.
@Suite("Escalation: lambda-create-event-source")
struct LambdaCreateEventSourceTests {
    @Test func foundWithItsRuleOnly() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["lambda:CreateFunction"], on: ["*"]), .init(["lambda:CreateEventSourceMapping"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["lambda.amazonaws.com"])])
        let t = try await f.techniques(from: "user/attacker", into: "role/target", without: "lambda-create-event-source")
        #expect(t.with.contains("lambda-create-event-source"))
        #expect(!t.without.contains("lambda-create-event-source"))
    }

    /// Every action the technique needs must be allowed: without iam:PassRole there is no edge.
    @Test func needsPassRole0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["lambda:CreateFunction"], on: ["*"]), .init(["lambda:CreateEventSourceMapping"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["lambda.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "lambda-create-event-source" })
    }

    /// Every action the technique needs must be allowed: without lambda:CreateFunction there is no edge.
    @Test func needsCreateFunction1() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["lambda:CreateEventSourceMapping"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["lambda.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "lambda-create-event-source" })
    }

    /// Every action the technique needs must be allowed: without lambda:CreateEventSourceMapping there is no edge.
    @Test func needsCreateEventSourceMapping2() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["lambda:CreateFunction"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["lambda.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "lambda-create-event-source" })
    }

    /// An undecided condition of a deciding statement makes the edge conditional, and is kept.
    @Test func conditionsAreKept() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"], condition: ["Bool": ["aws:MultiFactorAuthPresent": "true"]]), .init(["lambda:CreateFunction"], on: ["*"]), .init(["lambda:CreateEventSourceMapping"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["lambda.amazonaws.com"])])
        let edge = try await f.edges(into: "role/target").first { $0.from == EscalationFixture.arn("user/attacker") && $0.technique.id == "lambda-create-event-source" }
        #expect(edge?.isConditional == true)
        #expect(edge?.conditions["Bool"]?["aws:MultiFactorAuthPresent"] == ["true"])
        #expect(edge?.requests.first?.statements.isEmpty == false)
    }

    /// The role must trust the service.
    @Test func case0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["lambda:CreateFunction"], on: ["*"]), .init(["lambda:CreateEventSourceMapping"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["other.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "lambda-create-event-source" })
    }
}
