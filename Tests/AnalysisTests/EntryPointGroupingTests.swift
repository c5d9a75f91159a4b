import Foundation
import Graph
import Policy
import Snapshot
import Testing
@testable import Analysis

/// Entry points summarise the transitive findings `findings --expand` lists: their `reach`
/// counts and access levels are those findings grouped by (principal, entry role, conditions,
/// account, type), on both samples and the generated snapshots.
@Suite("Entry points equal the expanded transitive findings, grouped", .generatedSnapshots)
struct EntryPointGroupingTests {
    struct Group: Hashable {
        let principal: String
        let role: String
        let account: String
        let type: String
    }

    @Test("The --expand list grouped by principal, entry role, account and type gives the entry points' reach", arguments: DifferentialSnapshot.allCases)
    func flatListGroupsIntoReach(_ s: DifferentialSnapshot) async throws {
        let p = try await DifferentialFixtures.shared.prepared(s)
        let model = AccessModel(snapshot: p.snapshot, vocabulary: p.vocabulary, assumeEdges: .onDemand)
        let catalog = p.vocabulary.catalog
        let analysis = await FindingsAnalyzer(model: model).analyze()
        let expanded = await FindingsAnalyzer(model: model).findings()
        // What the grouping reads from the list alone: the resource's account from the model.
        var counts: [Group: Int] = [:]
        var levels: [Group: Set<String>] = [:]
        for f in expanded where f.kind == .transitive {
            let r = try #require(model.resources[f.resource])
            let g = Group(principal: f.principal, role: f.path[1], account: r.account, type: f.resourceType)
            counts[g, default: 0] += 1
            levels[g, default: []].formUnion(AccessLevelSummary(actions: f.actions, catalog: catalog).levelNames)
        }
        // Entry points of the same principal and role under other conditions add up.
        var reachCounts: [Group: Int] = [:]
        var reachLevels: [Group: Set<String>] = [:]
        let entryPoints = analysis.entryPoints()
        for e in entryPoints {
            #expect(e.resources == e.reach.reduce(0) { $0 + $1.resources })
            for r in e.reach {
                let g = Group(principal: e.principal, role: e.role, account: r.account, type: r.resourceType)
                reachCounts[g, default: 0] += r.resources
                reachLevels[g, default: []].formUnion(r.accessLevels)
                #expect(r.isPublic == e.isPublic)
            }
        }
        #expect(counts == reachCounts)
        #expect(levels == reachLevels)
        #expect(expanded.filter { $0.kind == .direct } == analysis.direct)
        // The generated one-account snapshot has no role trusted from outside; the others do.
        if s != .generatedAccount { #expect(!entryPoints.isEmpty && !counts.isEmpty, "\(s): no entry point") }
    }

    @Test("Each entry point's findings: its reach exactly, in one batch, with examples among them", arguments: DifferentialSnapshot.allCases)
    func perEntryPoint(_ s: DifferentialSnapshot) async throws {
        let p = try await DifferentialFixtures.shared.prepared(s)
        let model = AccessModel(snapshot: p.snapshot, vocabulary: p.vocabulary, assumeEdges: .onDemand)
        let catalog = p.vocabulary.catalog
        let analysis = await FindingsAnalyzer(model: model).analyze()
        let entryPoints = analysis.entryPoints()
        let byKey = Dictionary(grouping: entryPoints) { $0.principal + "\u{0}" + $0.role + "\u{0}" + Finding.key($0.conditions) + "\u{2}" + Finding.key($0.deniedWhen) }
        let publicResources = Set(analysis.direct.filter(\.isPublic).map(\.resource))
        var batches = 0
        analysis.forEachTransitiveFinding({ entry, found in (entry, found) }) { entry, found in
            batches += 1
            let key = entry.principal + "\u{0}" + entry.resource + "\u{0}" + Finding.key(entry.conditions) + "\u{2}" + Finding.key(entry.deniedWhen)
            let e = byKey[key]?.first
            #expect((e == nil) == found.isEmpty, "\(key): an entry point exactly when the entry reaches something")
            guard let e else { return }
            var counts: [String: Int] = [:]
            var levels: [String: Set<String>] = [:]
            for f in found {
                #expect(f.principal == entry.principal && f.path.first == entry.principal && f.path[1] == entry.resource && f.kind == .transitive)
                #expect(f.isPublic == entry.isPublic)
                // The entry's conditions hold for every finding through it.
                #expect(ConditionSet(entry.conditions).entries.isSubset(of: ConditionSet(f.conditions).entries))
                let k = model.resources[f.resource]!.account + " " + f.resourceType
                counts[k, default: 0] += 1
                levels[k, default: []].formUnion(AccessLevelSummary(actions: f.actions, catalog: catalog).levelNames)
            }
            #expect(Dictionary(uniqueKeysWithValues: e.reach.map { ($0.account + " " + $0.resourceType, $0.resources) }) == counts)
            #expect(Dictionary(uniqueKeysWithValues: e.reach.map { ($0.account + " " + $0.resourceType, Set($0.accessLevels)) }) == levels)
            #expect(Set(found.map(\.resource)).count == found.count, "one finding per resource of an entry point")
            // Examples: up to five of its resources, public first, then with Write or Permissions management.
            let resources = Set(found.map(\.resource))
            #expect(e.examples.count == min(5, found.count))
            #expect(e.examples.allSatisfy(resources.contains))
            func rank(_ arn: String) -> Int {
                let f = found.first { $0.resource == arn }!
                let changes = AccessLevelSummary(actions: f.actions, catalog: catalog).levels.contains { $0 == .write || $0 == .permissionsManagement }
                return (publicResources.contains(arn) ? 0 : 2) + (changes ? 0 : 1)
            }
            let ranks = e.examples.map(rank)
            #expect(ranks == ranks.sorted(), "examples ranked public, then write access: \(e.examples)")
            if let worst = ranks.last, e.examples.count == 5 {
                #expect(!found.contains { !e.examples.contains($0.resource) && rank($0.resource) < worst }, "a better-ranked resource was left out")
            }
        }
        #expect(batches == analysis.direct.filter { $0.resourceType == "AWS::IAM::Role" }.count)
    }
}
