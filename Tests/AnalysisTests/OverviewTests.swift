import Foundation
import Graph
import Policy
import Snapshot
import Testing
@testable import Analysis

/// `FindingsAnalysis.overview()` agrees with `entryPoints()` and with the direct findings, on the
/// samples and the generated snapshots.
@Suite("Overview", .generatedSnapshots)
struct OverviewAgreementTests {
    @Test(arguments: DifferentialSnapshot.allCases)
    func overviewAgreesWithEntryPointsAndDirectFindings(_ s: DifferentialSnapshot) async throws {
        let snapshot = try await SnapshotLoader().load(try s.path())
        let model = AccessModel(snapshot: snapshot, vocabulary: CatalogVocabulary(catalog: try ActionCatalog.bundled()))
        let analysis = await FindingsAnalyzer(model: model).analyze()
        let overview = analysis.overview()
        #expect(overview.entryPoints == analysis.entryPoints())
        #expect(overview.direct == analysis.direct)
        // Each entry role merges its entry points: every principal, and per account and type the most resources.
        let byRole = Dictionary(grouping: overview.entryPoints, by: \.role)
        #expect(Set(byRole.keys) == Set(overview.entryRoles.map(\.role)))
        for role in overview.entryRoles {
            let points = byRole[role.role] ?? []
            #expect(Set(role.entrants.map(\.principal)) == Set(points.map(\.principal)))
            for reach in role.reach {
                let most = points.compactMap { $0.reach.first { $0.account == reach.account && $0.resourceType == reach.resourceType }?.resources }.max()
                #expect(reach.resources == most)
            }
        }
        // Shares hold every direct finding on a resource other than a role, once.
        let shared = overview.shares.flatMap { s in s.resources.map { [s.principal, $0] } }
        let expected = Set(analysis.direct.filter { $0.resourceType != "AWS::IAM::Role" }.map { [$0.principal, $0.resource] })
        #expect(shared.count == expected.count && Set(shared) == expected)
        // Reachable resources: at least every resource of a direct finding or an entry point's example.
        let reachable = overview.accounts.reduce(0) { $0 + $1.reachable }
        let direct = Set(analysis.direct.filter { $0.resourceType != "AWS::IAM::Role" }.map(\.resource))
        #expect(reachable >= direct.count)
        // The overview's order: public entry roles first, then by resources reached.
        for (a, b) in zip(overview.entryRoles, overview.entryRoles.dropFirst()) {
            #expect(a.isPublic || !b.isPublic)
            if a.isPublic == b.isPublic { #expect(a.resources >= b.resources) }
        }
    }
}
