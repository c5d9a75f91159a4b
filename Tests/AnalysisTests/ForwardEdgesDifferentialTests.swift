import Foundation
import Graph
import Policy
import Snapshot
import Testing
@testable import Analysis

/// findings walks role assumption forward (`EdgesFrom.edges(from:)`), listing a caller's
/// candidate roles from an index of trust policies and sharing the caller's side of the
/// evaluations between roles (id_roles_compare-resource-policies.html: the trust policy and, but
/// for a trust naming the caller itself, the caller's identity policies decide). Every edge it
/// lists must be the engine's answer for that pair (`access(of:to:)`), and every pair the engine
/// allows a snapshot principal must be listed.
@Suite("Differential: role-assumption edges found forward are the engine's answers, pair by pair", .generatedSnapshots)
struct ForwardEdgesDifferentialTests {
    @Test("Edges out of every caller equal access(of:to:) on every role", arguments: DifferentialSnapshot.allCases)
    func edgesOutOfEveryCallerAreTheEnginesAnswers(_ s: DifferentialSnapshot) async throws {
        let p = try await DifferentialFixtures.shared.prepared(s)
        let onDemand = AccessModel(snapshot: p.snapshot, vocabulary: p.vocabulary, assumeEdges: .onDemand)
        let forward = EdgesFrom(model: onDemand)
        let roles = onDemand.resourceOrder.compactMap { onDemand.resources[$0] }.filter(\.isRole)
        #expect(roles.count > 2)
        var edges = 0
        var pairsChecked = 0
        for id in onDemand.principalOrder + onDemand.outsideOrder {
            let caller = try #require(onDemand.principal(id))
            let found = forward.edges(from: id)
            edges += found.count
            // The model that builds every edge up front (from the role's side) finds the same.
            #expect(found == (p.model.assumableBy[id] ?? []), "\(id)")
            #expect(found.map(\.to) == found.map(\.to).sorted(), "\(id)")
            let byRole = Dictionary(uniqueKeysWithValues: found.map { ($0.to, $0) })
            // Snapshot principals but account roots (a trust naming a known account lets in its
            // principals, not its root): every allowed pair is an edge. Outside principals are
            // callers only where a trust policy names them.
            let complete = onDemand.principals[id] != nil && caller.request.kind != .account
            for role in roles where role.arn != id {
                let answer = onDemand.access(of: caller, to: role)
                if let e = byRole[role.arn] {
                    pairsChecked += 1
                    #expect(answer != nil, "\(id) -> \(role.arn)")
                    #expect(e.from == id && e.kind == .canAssume)
                    #expect(e.actions == answer?.actions, "\(id) -> \(role.arn)")
                    #expect(e.conditions == answer?.conditions, "\(id) -> \(role.arn)")
                    #expect(e.deniedWhen == answer?.deniedWhen, "\(id) -> \(role.arn)")
                } else if complete {
                    pairsChecked += 1
                    #expect(answer == nil, "\(id) -> \(role.arn) is allowed but not listed")
                }
            }
        }
        #expect(edges > 0)
        #expect(pairsChecked > edges)
    }
}
