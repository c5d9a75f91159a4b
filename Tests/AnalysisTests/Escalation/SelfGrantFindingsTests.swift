import Foundation
import Graph
import Policy
import Testing
@testable import Analysis

/// `findings --with-escalation` follows self-grants (docs/escalation.md, "Findings"): a principal
/// the walk reaches that can give itself more permissions reaches what it could access after the
/// grant (`Escalation.granted`), its permissions boundary and SCPs still applying. On
/// samples/selfgrant-account (samples/README.md): outsiders enter SelfEditRole
/// (`iam:PutRolePolicy` on itself), MfaEditRole (the same with MFA), BoundedEditRole (the same
/// under a boundary allowing S3 on `sg-reports` only) and KeyRole (`iam:CreateAccessKey` on
/// `user/grouper`, who may add itself to a group reading `sg-payroll`).
/// IAM API Reference, API_PutRolePolicy.html and API_AddUserToGroup.html (what the grants do);
/// IAM User Guide, access_policies_boundaries.html (a boundary limits what identity policies grant).
@Suite("Findings following self-grants", .generatedSnapshots)
struct SelfGrantFindingsTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples/selfgrant-account").path
    static func arn(_ s: String) -> String { "arn:aws:iam::210987654321:\(s)" }
    static func bucket(_ name: String) -> String { "arn:aws:s3:::\(name)" }
    static let buckets = ["sg-archive", "sg-payroll", "sg-reports"].map(bucket)
    static func outsider(_ account: String) -> String { "arn:aws:iam::\(account):root" }

    func analysis(escalation: Bool) async throws -> (AccessModel, FindingsAnalysis) {
        let model = try await AnalysisSession.open(Self.sample, assumeEdges: .onDemand)
        return (model, await FindingsAnalyzer(model: model, escalation: escalation ? Escalation(model: model) : nil).analyze())
    }

    func findings(of principal: String, escalation: Bool) async throws -> [String: Finding] {
        let found = try await analysis(escalation: escalation).1.transitiveFindings().filter { $0.principal == principal }
        return Dictionary(uniqueKeysWithValues: found.map { ($0.resource, $0) })
    }

    /// Account 444455556666 enters SelfEditRole, which reads `sg-reports` and may write its own
    /// inline policy: with escalation it reaches every bucket of the account; the two only the grant
    /// opens carry the grant step, `sg-reports` does not.
    @Test func anOutsiderReachesWhatTheRoleCanGrantItself() async throws {
        let partner = Self.outsider("444455556666"), role = Self.arn("role/SelfEditRole")
        let plain = try await findings(of: partner, escalation: false)
        #expect(plain.keys.sorted() == [Self.bucket("sg-reports")])
        let found = try await findings(of: partner, escalation: true)
        #expect(found.keys.sorted() == Self.buckets)
        for name in ["sg-archive", "sg-payroll"] {
            let f = try #require(found[Self.bucket(name)])
            #expect(f.path == [partner, role, Self.bucket(name)])
            let steps = try #require(f.steps)
            #expect(steps.map(\.kind) == [.assume, .grant, .access])
            #expect(steps[1].from == role && steps[1].to == role && steps[1].technique == "iam:PutRolePolicy")
            #expect(steps[1].techniqueID == "iam-put-role-policy")
            #expect(steps[1].requests.map(\.action) == ["iam:PutRolePolicy"])
            #expect(steps[2].from == role)
            #expect(f.conditions.isEmpty && f.actions.contains("s3:PutObject"))
        }
        let reports = try #require(found[Self.bucket("sg-reports")])
        #expect(reports.steps?.map(\.kind) == [.assume, .access])
    }

    /// MfaEditRole may write its own policy only with MFA: what the grant opens is conditional on
    /// it (merged into the finding's conditions), what the role reads by itself is not.
    @Test func aGrantThatNeedsMFAMakesItsFindingsConditional() async throws {
        let found = try await findings(of: Self.outsider("777788889999"), escalation: true)
        #expect(found.keys.sorted() == Self.buckets)
        for name in ["sg-archive", "sg-payroll"] {
            let f = try #require(found[Self.bucket(name)])
            #expect(f.conditions == ["Bool": ["aws:MultiFactorAuthPresent": ["true"]]])
            #expect(f.steps?[1].kind == .grant && f.steps?[1].conditional == true)
        }
        #expect(found[Self.bucket("sg-reports")]?.conditions == [:])
    }

    /// BoundedEditRole's boundary allows S3 on `sg-reports` only: after writing itself `Allow *`
    /// it reaches that bucket and no other; without escalation, nothing.
    @Test func thePermissionsBoundaryStillLimitsTheGrant() async throws {
        let outsider = Self.outsider("555566667777")
        #expect(try await findings(of: outsider, escalation: false).isEmpty)
        let found = try await findings(of: outsider, escalation: true)
        #expect(found.keys.sorted() == [Self.bucket("sg-reports")])
        #expect(found[Self.bucket("sg-reports")]?.steps?.map(\.techniqueID) == [nil, "iam-put-role-policy", nil])
    }

    /// KeyRole takes over `user/grouper` (iam:CreateAccessKey), who joins PayrollReaders: a grant
    /// of the group's policies, not of anything, after an act-as step.
    @Test func aUserReachedByEscalationJoinsAGroup() async throws {
        let outsider = Self.outsider("666677778888")
        #expect(try await findings(of: outsider, escalation: false).isEmpty)
        let found = try await findings(of: outsider, escalation: true)
        #expect(found.keys.sorted() == [Self.bucket("sg-payroll")])
        let f = try #require(found[Self.bucket("sg-payroll")])
        #expect(f.path == [outsider, Self.arn("role/KeyRole"), Self.arn("user/grouper"), Self.bucket("sg-payroll")])
        #expect(f.steps?.map(\.techniqueID) == [nil, "iam-create-access-key", "iam-add-user-to-group", nil])
        #expect(f.actions == ["s3:GetObject", "s3:ListBucket"])
    }

    /// The entry points count exactly the `--expand` findings, grant ones included.
    @Test func reachEqualsExpansion() async throws {
        let (model, _) = try await analysis(escalation: true)
        let counts = await EscalationFindingsTests().expectReachEqualsExpansion(model, catalog: try ActionCatalog.bundled())
        let group = EscalationFindingsTests.Group(
            principal: Self.outsider("444455556666"), role: Self.arn("role/SelfEditRole"), account: "210987654321", type: "AWS::S3::Bucket")
        #expect(counts[group] == 3)
    }

    /// What the access table gives each grant node (classed with the roles reached, its own
    /// class) is what the engine decides for the granted principal, resource by resource.
    func expectGrantNodesMatchTheEngine(_ model: AccessModel, atLeast: Int) async {
        let analysis = await FindingsAnalyzer(model: model, escalation: Escalation(model: model)).analyze()
        let grants = analysis.escalationSteps?.grants ?? [:]
        #expect(grants.count >= atLeast)
        let entries = analysis.categories.entries
        for (node, granted) in grants {
            var table: [Int: Access] = [:]
            var visited = [Bool](repeating: false, count: analysis.table.groups.count)
            for (list, except) in analysis.table.answers(of: node, visited: &visited) {
                for r in list {
                    let map = analysis.table.ordinalMap(of: r)
                    for m in r.members {
                        let ordinal = map.map { Int($0[Int(m)]) } ?? Int(m)
                        if !except.contains(ordinal) { table[ordinal] = r.access }
                    }
                }
            }
            for (ordinal, r) in entries.enumerated() where !r.isRole {
                let engine = model.access(of: granted.principal, to: r)
                #expect(table[ordinal]?.actions == engine?.actions, "\(node) on \(r.arn)")
                #expect(table[ordinal]?.conditions == engine?.conditions && table[ordinal]?.deniedWhen == engine?.deniedWhen, "\(node) on \(r.arn)")
            }
        }
    }

    @Test func grantNodesMatchTheEngineOnTheSample() async throws {
        let (model, _) = try await analysis(escalation: false)
        await expectGrantNodesMatchTheEngine(model, atLeast: 4)
    }

    @Test("Grant nodes match the engine", arguments: [DifferentialSnapshot.acmeOrg, .motoAccount, .generatedOrganization])
    func grantNodesMatchTheEngine(_ s: DifferentialSnapshot) async throws {
        let p = try await DifferentialFixtures.shared.prepared(s)
        // The generated organization has a role reached from outside that can write its own policy.
        let model = AccessModel(snapshot: p.snapshot, vocabulary: p.vocabulary, assumeEdges: .onDemand)
        await expectGrantNodesMatchTheEngine(model, atLeast: s == .generatedOrganization ? 1 : 0)
    }
}
