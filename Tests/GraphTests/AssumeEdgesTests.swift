import Foundation
import Snapshot
import Testing
@testable import Graph

/// Role-assumption edges of the sample: the trust policy and the caller's identity side
/// (id_roles_compare-resource-policies.html, reference_policies_evaluation-logic-cross-account.html).
@Suite("Graph: who can assume which role in samples/acme-org")
struct AssumeEdgesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples/acme-org").path

    func model() async throws -> AccessModel { AccessModel(snapshot: try await SnapshotLoader().load(Self.root)) }

    func assumers(_ model: AccessModel, _ role: String) -> [String: Edge] {
        Dictionary(uniqueKeysWithValues: (model.assumeEdges[role] ?? []).map { ($0.from, $0) })
    }

    @Test func edgesBuiltOnDemandEqualTheOnesBuiltAtOnce() async throws {
        let snapshot = try await SnapshotLoader().load(Self.root)
        let all = AccessModel(snapshot: snapshot)
        let onDemand = AccessModel(snapshot: snapshot, assumeEdges: .onDemand)
        #expect(onDemand.assumeEdges.isEmpty)
        let roles = all.resourceOrder.filter { all.resources[$0]!.isRole }
        #expect(roles.count > 5)
        for role in roles {
            #expect(onDemand.edges(into: role) == (all.assumeEdges[role] ?? []), "\(role)")
            #expect(all.edges(into: role) == (all.assumeEdges[role] ?? []))
        }
        #expect(roles.contains { !(all.assumeEdges[$0] ?? []).isEmpty })
        #expect(onDemand.edges(into: "arn:aws:s3:::acme-payroll").isEmpty)
    }

    /// `firstEdge(into:where:)` stops at the first accepted caller: it must be one of
    /// `edges(into:)` that the same test accepts, and there must be none when it finds none,
    /// whichever test (hygiene asks for a caller that is not a service and needs no MFA).
    @Test(arguments: ["acme-org", "moto-account"])
    func firstEdgeIsTheFirstOfAllEdges(sample: String) async throws {
        let snapshot = try await SnapshotLoader().load(GraphFixture.sample(sample))
        let onDemand = AccessModel(snapshot: snapshot, assumeEdges: .onDemand)
        let all = AccessModel(snapshot: snapshot)
        let tests: [@Sendable (Edge) -> Bool] = [
            { _ in true },
            { $0.conditions.isEmpty && $0.deniedWhen.isEmpty },
            { !$0.conditions.isEmpty },
            { all.principal($0.from)?.node.kind == .user },
        ]
        var found = 0
        let roles = all.resourceOrder.filter { all.resources[$0]!.isRole }
        for accept in tests {
            // The batch form (answers shared per trust group, groups in parallel) finds the same.
            let batch = onDemand.firstEdges(into: roles, where: accept)
            #expect(batch == Dictionary(uniqueKeysWithValues: roles.compactMap { r in onDemand.firstEdge(into: r, where: accept).map { (r, $0) } }))
        }
        for role in roles {
            for accept in tests {
                let accepted = (all.assumeEdges[role] ?? []).filter(accept)
                let first = onDemand.firstEdge(into: role, where: accept)
                #expect((first == nil) == accepted.isEmpty, "\(role)")
                if let first { #expect(accepted.contains(first), "\(role)"); found += 1 }
                #expect((all.firstEdge(into: role, where: accept) == nil) == accepted.isEmpty)
            }
        }
        #expect(found > 4)
    }

    /// findings walks forward from outside principals: the edges out of each principal, built on
    /// demand, must be the eager ones (assumableBy), in the same order.
    @Test(arguments: ["acme-org", "moto-account"])
    func edgesOutBuiltOnDemandEqualTheOnesBuiltAtOnce(sample: String) async throws {
        let snapshot = try await SnapshotLoader().load(GraphFixture.sample(sample))
        let all = AccessModel(snapshot: snapshot)
        let onDemand = AccessModel(snapshot: snapshot, assumeEdges: .onDemand)
        #expect(onDemand.assumableBy.isEmpty)
        let callers = all.principalOrder + all.outsideOrder
        let forward = EdgesFrom(model: onDemand)
        let eager = EdgesFrom(model: all)
        var edges = 0
        for caller in callers {
            let expected = all.assumableBy[caller] ?? []
            edges += expected.count
            #expect(forward.edges(from: caller) == expected, "\(caller)")
            #expect(eager.edges(from: caller) == expected)
        }
        #expect(edges == all.assumeEdges.values.map(\.count).reduce(0, +))
        #expect(edges > 0)
    }

    /// A trust policy is a resource-based policy: in one account, a role trusting everyone
    /// (`"AWS": "*"`) lets any principal of the account assume it without an identity grant
    /// (reference_policies_evaluation-logic.html, "resource-based policies": a grant in the
    /// resource policy suffices within the account; id_roles_compare-resource-policies.html). The
    /// edges out of a caller must hold such a role even when nobody in the account has an
    /// sts:AssumeRole grant, and equal the edges built from the roles' side.
    @Test func roleTrustingEveryoneIsEnteredFromItsAccountWithoutAnyGrant() async throws {
        func role(_ name: String, trust: String) -> String {
            #"{"Path": "/", "RoleName": "\#(name)", "Arn": "arn:aws:iam::123456789012:role/\#(name)", "#
                + #""AssumeRolePolicyDocument": {"Statement": [\#(trust)]}, "RolePolicyList": [{"PolicyName": "read", "#
                + #""PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}}]}"#
        }
        let gaad = #"{"RoleDetailList": ["#
            + role("app", trust: #"{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}"#)
            + "," + role("open", trust: #"{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}"#) + "]}"
        let all = try await GraphFixture.model(gaad, buckets: ["data"])
        let onDemand = AccessModel(snapshot: all.snapshot, assumeEdges: .onDemand)
        let app = "arn:aws:iam::123456789012:role/app", open = "arn:aws:iam::123456789012:role/open"
        #expect(all.access(of: all.principals[app]!, to: all.resources[open]!)?.actions.contains("sts:AssumeRole") == true)
        #expect((all.assumableBy[app] ?? []).map(\.to) == [open])
        #expect(EdgesFrom(model: onDemand).edges(from: app) == (all.assumableBy[app] ?? []))
    }

    /// EdgesFrom skips matching each role against a caller whose sts:AssumeRole grant is on
    /// Resource `*` (reference_policies_elements_resource.html: `*` matches every resource).
    @Test(arguments: ["acme-org", "moto-account"])
    func grantOnEveryResourceCoversEveryRole(sample: String) async throws {
        let m = AccessModel(snapshot: try await SnapshotLoader().load(GraphFixture.sample(sample)))
        let roles = m.resourceOrder.compactMap { m.resources[$0] }.filter(\.isRole)
        var covering = 0
        for id in m.principalOrder + m.outsideOrder {
            let c = m.principal(id)!
            guard EdgesFrom.grantsCoverEveryRole(c) else { continue }
            covering += 1
            for role in roles { #expect(c.mayAllowAssumeRole(on: role.targets.first), "\(id) -> \(role.arn)") }
        }
        #expect(covering > 0)
    }

    @Test func trustNamingTheUserNeedsNothingMore() async throws {
        let m = try await model()
        let edges = assumers(m, "arn:aws:iam::222222222222:role/AnalyticsRole")
        #expect(edges.keys.sorted() == ["arn:aws:iam::222222222222:user/engineering/alice"])
        #expect(edges.values.first?.isExternal == false)
    }

    @Test func crossAccountTrustNeedsTheCallersIdentityAllow() async throws {
        let m = try await model()
        let edges = assumers(m, "arn:aws:iam::222222222222:role/DeployRole")
        #expect(edges.keys.sorted() == ["arn:aws:iam::333333333333:role/CIDeployRole"])
    }

    @Test func trustNamingTheAccountExpandsToPrincipalsWhoseIdentityAllows() async throws {
        let m = try await model()
        let edges = assumers(m, "arn:aws:iam::222222222222:role/BreakGlass")
        // Trust names 222222222222:root with MFA: only principals with sts:AssumeRole in their identity policies.
        #expect(edges["arn:aws:iam::222222222222:role/OrganizationAccountAccessRole"] != nil)
        #expect(edges["arn:aws:iam::222222222222:user/bob"] == nil)
        #expect(edges.values.allSatisfy { $0.conditions["Bool"]?["aws:MultiFactorAuthPresent"] == ["true"] })
    }

    @Test func outsideAndFederatedPrincipalsAreExternal() async throws {
        let m = try await model()
        let vendor = assumers(m, "arn:aws:iam::222222222222:role/VendorAuditRole")["arn:aws:iam::999999999999:root"]
        #expect(vendor?.isExternal == true)
        #expect(vendor?.isPublic == false)
        let legacy = assumers(m, "arn:aws:iam::333333333333:role/GitHubActionsLegacy").values.first
        #expect(legacy?.actions == ["sts:AssumeRoleWithWebIdentity"])
        #expect(legacy?.isPublic == true)
        let lambda = assumers(m, "arn:aws:iam::222222222222:role/PayrollApp")["lambda.amazonaws.com"]
        #expect(lambda?.isExternal == false)  // a service acts for the account that passes it the role
    }

    @Test func zoneOfTrust() async throws {
        let m = try await model()
        #expect(m.zone.kind == .organization)
        #expect(m.zone.accounts(trustedBy: "222222222222") == ["111111111111", "222222222222", "333333333333"])
        let accountZone = AccessModel(snapshot: m.snapshot, zone: .account)
        #expect(accountZone.zone.accounts(trustedBy: "222222222222") == ["222222222222"])
    }
}

@Suite("Graph: AccessGraph edge lookup")
struct AccessGraphLookupTests {
    @Test func hasEdgeAnswersForTheDirectedPairOnly() {
        var g = AccessGraph()
        g.add(Node(id: "a", kind: .user))
        g.add(Node(id: "b", kind: .role))
        #expect(!g.hasEdge(from: "a", to: "b"))
        g.add(Edge(from: "a", to: "b", kind: .canAssume))
        #expect(g.hasEdge(from: "a", to: "b"))
        #expect(!g.hasEdge(from: "b", to: "a"))
        #expect(g.edges(from: "a").map(\.to) == ["b"])
    }
}
