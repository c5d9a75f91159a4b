import Testing
@testable import Graph

/// `lambda-create-invoke`: Lambda Developer Guide, lambda-intro-execution-role.html: a function runs with its execution role's credentials.
@Suite("Escalation: lambda-create-invoke")
struct LambdaCreateInvokeTests {
    @Test func foundWithItsRuleOnly() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["lambda:CreateFunction"], on: ["*"]), .init(["lambda:InvokeFunction"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["lambda.amazonaws.com"])])
        let t = try await f.techniques(from: "user/attacker", into: "role/target", without: "lambda-create-invoke")
        #expect(t.with.contains("lambda-create-invoke"))
        #expect(!t.without.contains("lambda-create-invoke"))
    }

    /// Every action the technique needs must be allowed: without iam:PassRole there is no edge.
    @Test func needsPassRole0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["lambda:CreateFunction"], on: ["*"]), .init(["lambda:InvokeFunction"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["lambda.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "lambda-create-invoke" })
    }

    /// Every action the technique needs must be allowed: without lambda:CreateFunction there is no edge.
    @Test func needsCreateFunction1() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["lambda:InvokeFunction"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["lambda.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "lambda-create-invoke" })
    }

    /// Every action the technique needs must be allowed: without lambda:InvokeFunction there is no edge.
    @Test func needsInvokeFunction2() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["lambda:CreateFunction"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["lambda.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "lambda-create-invoke" })
    }

    /// An undecided condition of a deciding statement makes the edge conditional, and is kept.
    @Test func conditionsAreKept() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"], condition: ["Bool": ["aws:MultiFactorAuthPresent": "true"]]), .init(["lambda:CreateFunction"], on: ["*"]), .init(["lambda:InvokeFunction"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["lambda.amazonaws.com"])])
        let edge = try await f.edges(into: "role/target").first { $0.from == EscalationFixture.arn("user/attacker") && $0.technique.id == "lambda-create-invoke" }
        #expect(edge?.isConditional == true)
        #expect(edge?.conditions["Bool"]?["aws:MultiFactorAuthPresent"] == ["true"])
        #expect(edge?.requests.first?.statements.isEmpty == false)
    }

    /// The role must trust the service.
    @Test func case0() async throws {
        let f = EscalationFixture(users: [.init(name: "attacker", statements: [.init(["iam:PassRole"], on: ["arn:aws:iam::123456789012:role/target"]), .init(["lambda:CreateFunction"], on: ["*"]), .init(["lambda:InvokeFunction"], on: ["*"])])], roles: [.init(name: "target", trustedServices: ["other.amazonaws.com"])])
        let edges = try await f.edges(into: "role/target").filter { $0.from == EscalationFixture.arn("user/attacker") }
        #expect(!edges.contains { $0.technique.id == "lambda-create-invoke" })
    }

    /// iam:PassedToService is set to the service the role is passed to (IAM User Guide,
    /// reference_policies_iam-condition-keys.html#ck_PassedToService): a PassRole grant limited to
    /// Lambda decides the Lambda technique, unconditionally, and no EC2 one.
    @Test func passedToServiceIsKnown() async throws {
        let passRole = EscalationFixture.Allow(["iam:PassRole"], condition: ["StringEquals": ["iam:PassedToService": "lambda.amazonaws.com"]])
        let f = EscalationFixture(
            users: [.init(name: "attacker", statements: [passRole, .init(["lambda:CreateFunction", "lambda:InvokeFunction", "ec2:RunInstances"])])],
            roles: [.init(name: "target", trustedServices: ["lambda.amazonaws.com", "ec2.amazonaws.com"], instanceProfile: true)])
        let edges = try await f.edges(into: "role/target")
        #expect(edges.first { $0.technique.id == "lambda-create-invoke" }?.isConditional == false)
        #expect(!edges.contains { $0.technique.id == "ec2-run-instances" })
    }
}
