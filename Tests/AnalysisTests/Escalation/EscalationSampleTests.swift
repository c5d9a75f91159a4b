import Foundation
import Graph
import Testing
@testable import Analysis

/// samples/escalation-account (samples/README.md): each technique found, with its principal.
@Suite("Escalation on samples/escalation-account")
struct EscalationSampleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples/escalation-account").path
    static let bucket = "arn:aws:s3:::acme-escalation-data"
    static func arn(_ s: String) -> String { "arn:aws:iam::111122223333:\(s)" }

    func escalation(about resource: String? = bucket) async throws -> Escalation {
        Escalation(model: try await EscalationSession.open(Self.root, about: resource))
    }

    /// The principal whose shortest way to the bucket uses each technique (samples/README.md).
    static let expected: [String: String] = [
        "user/intern": "iam-create-access-key", "user/helpdesk": "iam-create-login-profile", "user/dba": "iam-update-assume-role-policy",
        "user/dev": "lambda-create-invoke", "user/deployer": "lambda-update-function-code", "user/builder": "codebuild-project",
        "user/ml": "sagemaker-notebook", "user/ec2-operator": "ec2-run-instances", "user/ssm-operator": "ssm-send-command",
        "user/cfn": "cloudformation-create-stack", "user/selfie": "iam-put-user-policy", "role/PolicyEditor": "iam-create-policy-version",
        "user/joiner": "iam-add-user-to-group", "user/versioned": "iam-set-default-policy-version", "user/glue-dev": "glue-dev-endpoint",
        "user/ecs-dev": "ecs-task",
    ]

    @Test func whoCanFollowsEveryTechnique() async throws {
        let result = try EscalationWhoCan(escalation: try await escalation()).whoCan(Self.bucket, actions: ["s3:GetObject"])
        let rows = Dictionary(uniqueKeysWithValues: result.principals.map { ($0.principal, $0) })
        for (principal, technique) in Self.expected {
            let row = rows[Self.arn(principal)]
            #expect(row?.steps.contains { $0.techniqueID == technique } == true, "\(principal): \(row?.pathText ?? "not found")")
            #expect(row?.steps.last?.kind == .access && row?.steps.last?.to == Self.bucket)
        }
        // PassRole and the functions, but DataRole does not trust Lambda.
        #expect(rows[Self.arn("user/not-really")] == nil)
        // Two steps: CreateLoginProfile on dba, then dba's UpdateAssumeRolePolicy.
        #expect(rows[Self.arn("user/helpdesk")]?.path == [Self.arn("user/helpdesk"), Self.arn("user/dba"), Self.arn("role/DataRole"), Self.bucket])
        // Conditions of escalation steps are kept: MFA for ecs-dev, the region for ssm-operator.
        #expect(rows[Self.arn("user/ecs-dev")]?.conditions["Bool"]?["aws:MultiFactorAuthPresent"] == ["true"])
        #expect(rows[Self.arn("user/ssm-operator")]?.conditional == true)
        #expect(rows[Self.arn("user/dev")]?.conditional == false)
    }

    /// Without escalation the same question lists none of the escalating principals.
    @Test func plainWhoCanDoesNotFollowEscalation() async throws {
        let model = try await AnalysisSession.open(Self.root, about: Self.bucket)
        let plain = Set(try WhoCanAnalyzer(model: model).whoCan(Self.bucket, actions: ["s3:GetObject"]).principals.map(\.principal))
        for principal in Self.expected.keys where principal != "role/PolicyEditor" {
            #expect(!plain.contains(Self.arn(principal)), "\(principal)")
        }
    }

    @Test func admins() async throws {
        let rows = AdminsAnalyzer(escalation: try await escalation(about: nil)).admins()
        let direct = Set(rows.filter { $0.steps.first?.kind == .grant }.map(\.principal))
        let all = Set(rows.map(\.principal))
        #expect(direct == Set(["role/BuildRole", "role/CfnRole", "role/PolicyEditor", "role/admin-role", "user/root-admin", "user/selfie", "user/joiner"].map(Self.arn)))
        #expect(all.subtracting(direct) == Set(["user/builder", "user/cfn", "user/contractor"].map(Self.arn)))
        // joiner joins the Admins group, then writes its own policy.
        #expect(rows.first { $0.principal == Self.arn("user/joiner") }?.steps.map(\.techniqueID) == ["iam-add-user-to-group", "iam-put-user-policy"])
    }

    @Test func pathsAreSimpleAndShortestFirst() async throws {
        let result = try EscalationPaths(escalation: try await escalation()).paths(from: Self.arn("user/helpdesk"), to: Self.bucket)
        #expect(!result.paths.isEmpty)
        #expect(result.paths.map(\.steps.count) == result.paths.map(\.steps.count).sorted())
        for p in result.paths { #expect(Set(p.path).count == p.path.count, "\(p.pathText)") }
        // Both login-profile techniques lead to dba.
        let techniques = Set(result.paths.compactMap { $0.steps.first?.techniqueID })
        #expect(techniques == ["iam-create-login-profile", "iam-update-login-profile"])
        // Every escalation step names its requests and the statements that allowed them.
        for p in result.paths {
            for s in p.steps where s.kind == .escalate { #expect(s.requests.allSatisfy { !$0.statements.isEmpty }) }
        }
    }

    /// The memo shares answers between targets only where the engine answers alike: edges
    /// decided with one memo for every target equal edges decided afresh for each.
    @Test func memoizedAnswersEqualFreshOnes() async throws {
        let escalation = try await escalation()
        let memo = EscalationMemo()
        let shared = escalation.model.principalOrder.flatMap { escalation.edges(into: $0, memo: memo) }
        let fresh = escalation.model.principalOrder.flatMap { escalation.edges(into: $0) }
        #expect(shared == fresh)
        #expect(shared.count >= 12)
        // Edges out of each principal are the same edges.
        let forward = escalation.model.principalOrder.flatMap { escalation.edges(from: $0) }
        #expect(Set(forward.map { [$0.from, $0.to, $0.technique.id] }) == Set(shared.map { [$0.from, $0.to, $0.technique.id] }))
    }
}
