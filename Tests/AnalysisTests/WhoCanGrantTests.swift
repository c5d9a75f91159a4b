import Foundation
@testable import Graph
import Policy
import Snapshot
import Testing
@testable import Analysis

/// Who-can's `grantedBy` and the shortcuts behind it, held to the one engine: the grants of every
/// row are those the scalar evaluator names when explaining one request per action
/// (`Evaluation.grants`), the per-class answers equal one evaluation per principal, and the walk
/// back through roles finds the edges `edges(into:)` builds.
@Suite("Who-can grants agree with the engine's explanation", .generatedSnapshots)
struct WhoCanGrantTests {
    @Test("Every row's grantedBy is what one explained request per action names", arguments: DifferentialSnapshot.allCases)
    func grantsAreTheEnginesGrants(_ s: DifferentialSnapshot) async throws {
        let p = try await DifferentialFixtures.shared.prepared(s)
        let model = p.model
        let answers = try await DifferentialFixtures.shared.whoCanAnswers(s)
        var d = Disagreements()
        var rows = 0
        var granted = 0
        var chains = 0
        for arn in answers.keys.sorted() {
            let r = model.resources[arn]!
            for row in answers[arn]!.principals {
                rows += 1
                // The principal whose own access the row uses: the row's, or the last role of its path.
                let user = row.path[row.path.count - 2]
                guard let principal = model.principal(user) else {
                    d.check(false, "\(arn): \(user) is not in the model")
                    continue
                }
                var expected: [Grant] = []
                for a in row.actions {
                    for g in model.grants(principal, a, on: r).map({ Grant.grant(for: $0, of: principal, on: r, in: model) }) where !expected.contains(g) {
                        expected.append(g)
                    }
                }
                if row.path.count == 2 {
                    d.check(Set(row.grantedBy) == Set(expected), "\(arn): \(row.principal) grantedBy \(row.grantedBy.map(\.text)), one request per action names \(expected.map(\.text))")
                } else {
                    chains += 1
                    let want = Grant.roleChain(user, grants: expected)
                    let got = row.grantedBy.first
                    d.check(row.grantedBy.count == 1 && got?.role == want.role && Set(got?.grantedBy ?? []) == Set(expected),
                        "\(arn): \(row.principal) through \(user): grantedBy \(row.grantedBy.map(\.text)), want \(want.text)")
                }
                if !row.grantedBy.isEmpty { granted += 1 }
            }
        }
        #expect(rows > 0 && granted > 0, "\(rows) rows, \(granted) with grants")
        // samples/moto-account has no role a principal of it can assume.
        if s != .motoAccount { #expect(chains > 0, "no row through roles on \(s)") }
        d.report("who-can grants on \(s) (\(rows) rows)")
    }

    @Test("Access per class of principals equals one evaluation per principal", arguments: DifferentialSnapshot.allCases)
    func classesEqualOneEvaluationEach(_ s: DifferentialSnapshot) async throws {
        let p = try await DifferentialFixtures.shared.prepared(s)
        var d = Disagreements()
        var shared = 0
        for arn in p.whoCanResources(exhaustive: s.exhaustive) {
            let scoped = AccessModel(snapshot: p.snapshot, vocabulary: p.vocabulary, assumeEdges: .onDemand, resources: .rolesAnd([arn]))
            let r = scoped.resources[arn]!
            let candidates = scoped.candidatePrincipals(for: r)
            let byClass = scoped.accessWithGrants(of: candidates, to: r)
            for (principal, answer) in zip(candidates, byClass) {
                let alone = scoped.accessWithGrants(of: principal, to: r)
                d.check(answer?.access == alone?.access && answer?.grants == alone?.grants,
                    "\(arn): \(principal.id): per class \(String(describing: answer)), alone \(String(describing: alone))")
            }
            let plan = ResourceClassPlan(scoped, principals: candidates, resource: r)
            shared += candidates.count - plan.deciding.count
            // Keys computed in slices of one, two and three principals class them as one slice does.
            for slice in 1...3 where !candidates.isEmpty {
                let sliced = ResourceClassPlan(scoped, principals: candidates, resource: r, slice: slice)
                d.check(sliced.deciding == plan.deciding && sliced.decider == plan.decider, "\(arn): slices of \(slice) class otherwise")
            }
        }
        // The classes must share something, else this test checks nothing the shortcut does.
        if s != .motoAccount { #expect(shared > 0, "no answer was shared between principals on \(s)") }
        d.report("per-class access on \(s)")
    }

    @Test("The walk back through roles finds the edges into each role from principals not reached", arguments: DifferentialSnapshot.allCases)
    func callerSearchFindsTheEdges(_ s: DifferentialSnapshot) async throws {
        let p = try await DifferentialFixtures.shared.prepared(s)
        let model = AccessModel(snapshot: p.snapshot, vocabulary: p.vocabulary, assumeEdges: .onDemand)
        var d = Disagreements()
        var edges = 0
        for role in model.resourceOrder where model.resources[role]!.isRole {
            let all = model.edges(into: role)
            edges += all.count
            d.check(CallerSearch(model: model).edges(into: role) == all, "\(role): the walk finds other edges than edges(into:)")
            // Callers decided on every core (from one caller on) give the same edges.
            d.check(CallerSearch(model: model, parallelFrom: 1).edges(into: role) == all, "\(role): deciding callers in parallel finds other edges")
            // Every other caller reached: only the rest are returned.
            let rest = all.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
            for parallelFrom in [1, Int.max] {
                let search = CallerSearch(model: model, parallelFrom: parallelFrom)
                for (i, e) in all.enumerated() where i % 2 == 0 { search.markReached(e.from) }
                d.check(search.edges(into: role) == rest, "\(role): with half the callers reached, the walk finds other edges")
            }
        }
        #expect(edges > 0)
        d.report("edges into roles on \(s) (\(edges) edges)")
    }

    @Test("Reading only IAM, the organization and the resource's folders gives the answer of the whole snapshot", arguments: DifferentialSnapshot.allCases)
    func scopedReadingGivesTheSameAnswer(_ s: DifferentialSnapshot) async throws {
        let p = try await DifferentialFixtures.shared.prepared(s)
        let answers = try await DifferentialFixtures.shared.whoCanAnswers(s)
        var d = Disagreements()
        var fewer = 0
        for arn in answers.keys.sorted() {
            let model = try await AnalysisSession.open(try s.path(), about: arn, vocabulary: p.vocabulary)
            let scoped = try WhoCanAnalyzer(model: model).whoCan(arn)
            d.check(scoped == answers[arn]!, "\(arn): read alone, who-can answers \(scoped.principals.count) rows, on the whole snapshot \(answers[arn]!.principals.count)")
            if model.snapshot.filesRead < p.snapshot.filesRead { fewer += 1 }
        }
        // Resources of other types than roles are read without the rest.
        #expect(fewer > 0, "no resource was read on its own on \(s)")
        d.report("who-can read alone on \(s) (\(answers.count) resources)")
    }

    @Test func aliceIsGrantedByPayrollAppsPolicies() async throws {
        let model = try await AnalysisSession.open(sampleRoot, about: "arn:aws:s3:::acme-payroll")
        let result = try WhoCanAnalyzer(model: model).whoCan("arn:aws:s3:::acme-payroll")
        let rows = Dictionary(uniqueKeysWithValues: result.principals.map { ($0.principal, $0) })
        let payrollApp = "arn:aws:iam::222222222222:role/PayrollApp"
        // samples/README.md: PayrollApp reads the bucket by its inline policy and the bucket policy.
        let appGrants = [
            Grant(type: .identity, policy: "payroll-bucket", owner: payrollApp),
            Grant(type: .resource, policy: "bucket policy of acme-payroll", resource: "arn:aws:s3:::acme-payroll"),
        ]
        #expect(rows[payrollApp]?.grantedBy == appGrants)
        // alice -> AnalyticsRole -> PayrollApp: PayrollApp's access, so its grants.
        #expect(rows["arn:aws:iam::222222222222:user/engineering/alice"]?.grantedBy == [Grant.roleChain(payrollApp, grants: appGrants)])
        #expect(rows["arn:aws:iam::222222222222:user/bob"]?.grantedBy == [Grant(type: .identity, policy: "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess")])
        #expect(rows["arn:aws:iam::222222222222:user/bob"]?.accessLevels?.levelNames == ["List", "Read"])
        // The vendor's account enters through VendorAuditRole, whose managed policy grants the reads.
        #expect(rows["arn:aws:iam::999999999999:root"]?.grantedBy == [Grant.roleChain(
            "arn:aws:iam::222222222222:role/VendorAuditRole",
            grants: [Grant(type: .identity, policy: "arn:aws:iam::222222222222:policy/audit-read")])])
    }

    @Test func trustPoliciesGrantRoles() async throws {
        // Who can assume OrganizationAccountAccessRole: the management account's admin through the
        // trust policy (naming the account) and its own identity policy, cross account.
        let role = "arn:aws:iam::222222222222:role/OrganizationAccountAccessRole"
        let model = try await AnalysisSession.open(sampleRoot, about: role)
        let rows = try WhoCanAnalyzer(model: model).whoCan(role).principals
        let admin = try #require(rows.first { $0.principal == "arn:aws:iam::111111111111:user/org-admin" })
        #expect(admin.grantedBy.contains { $0.type == .resource && $0.policy == "trust policy of role/OrganizationAccountAccessRole" })
        #expect(admin.grantedBy.contains { $0.type == .identity })
    }
}

@Suite("Who-can rows folded by grant")
struct WhoCanFoldingTests {
    static func row(_ principal: String, _ kind: NodeKind, _ grant: String, actions: [String] = ["s3:GetObject"]) -> Reach {
        Reach(
            principal: principal, kind: kind, actions: actions, conditional: false, conditions: [:], path: [principal, "arn:aws:s3:::b"],
            grantedBy: [Grant(type: .identity, policy: grant)])
    }

    @Test func principalsSharingAGrantFoldIntoOneGroup() {
        let readOnly = "arn:aws:iam::aws:policy/ReadOnlyAccess"
        let result = WhoCanResult(resource: "arn:aws:s3:::b", resourceType: "AWS::S3::Bucket", principals: [
            Self.row("arn:aws:iam::1:role/a", .role, readOnly),
            Self.row("arn:aws:iam::1:user/u", .user, readOnly),
            Self.row("arn:aws:iam::2:role/b", .role, readOnly),
            Self.row("arn:aws:iam::1:role/c", .role, "arn:aws:iam::1:policy/Other"),
            Self.row("arn:aws:iam::1:role/d", .role, readOnly, actions: ["s3:GetObject", "s3:PutObject"]),
            Self.row("arn:aws:iam::3:role/e", .role, readOnly),
        ])
        let groups = result.groups
        // Roles with ReadOnlyAccess and the same actions: one group, the largest first.
        #expect(groups.first?.principals == ["arn:aws:iam::1:role/a", "arn:aws:iam::2:role/b", "arn:aws:iam::3:role/e"])
        #expect(groups.first?.kind == .role)
        // A user, another grant, other actions: groups of their own; every row in exactly one group.
        #expect(groups.count == 4)
        #expect(groups.flatMap(\.principals).sorted() == result.principals.map(\.principal).sorted())
    }

    @Test func samplePublicEventBusFoldsItsGranteesByKind() async throws {
        let bus = "arn:aws:events:us-east-1:222222222222:event-bus/default"
        let model = try await AnalysisSession.open(sampleRoot, about: bus)
        let result = try WhoCanAnalyzer(model: model).whoCan(bus)
        let groups = result.groups
        #expect(groups.count < result.principals.count)
        for g in groups {
            let rows = result.principals.filter { g.principals.contains($0.principal) }
            #expect(rows.allSatisfy { $0.grantedBy == g.grantedBy && $0.actions == g.actions && $0.kind == g.kind })
        }
    }
}
