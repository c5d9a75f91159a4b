import Foundation
import Graph
import Policy
import Snapshot
import Testing
@testable import Analysis

/// The backward walk of `who-can --with-escalation` and `admins` decides candidate by candidate
/// (`Escalation.firstSteps`): it must reach the same principals by the same steps as taking,
/// target by target, every edge into it (`AccessModel.edges(into:)`, `Escalation.edges(into:)`)
/// and keeping each source's first, the plain reading of the rule.
@Suite("Escalation walk equals the per-target reading", .generatedSnapshots)
struct EscalationWalkTests {
    /// The walk read target by target: each level, every edge into each target, in frontier order,
    /// assumption edges (by source) before escalation edges (by source, technique id).
    static func referenceWalk(_ escalation: Escalation, from start: [String], into reaches: inout [String: EscalatedReach]) {
        let model = escalation.model
        var frontier = start
        while !frontier.isEmpty {
            let known = Set(reaches.keys)
            var next: [String] = []
            for target in frontier {
                let incoming = model.edges(into: target).filter { !known.contains($0.from) }.map { ($0.from, PathStep(assume: $0)) }
                    + escalation.edges(into: target, skip: { known.contains($0) }).map { ($0.from, PathStep($0)) }
                guard let via = reaches[target] else { continue }
                for (from, step) in incoming where reaches[from] == nil {
                    reaches[from] = EscalatedReach(principal: from, actions: via.actions, steps: [step] + via.steps)
                    next.append(from)
                }
            }
            frontier = next
        }
    }

    func expectSameWalk(_ model: AccessModel, label: String) {
        let escalation = Escalation(model: model)
        // From the direct admins (as `admins`), and from one principal per account (as who-can's seeds).
        let admins = model.principalOrder.filter { escalation.adminGrants(of: $0) != nil }
        var seeds = [admins]
        var perAccount: [String: String] = [:]
        for id in model.principalOrder { if let a = model.principals[id]?.request.account, perAccount[a] == nil { perAccount[a] = id } }
        seeds.append(perAccount.keys.sorted().map { perAccount[$0]! })
        var grew = false
        for start in seeds where !start.isEmpty {
            var initial: [String: EscalatedReach] = [:]
            for id in start { initial[id] = EscalatedReach(principal: id, actions: ["x:Y"], steps: []) }
            var expected = initial
            Self.referenceWalk(escalation, from: start, into: &expected)
            var actual = initial
            EscalationWhoCan(escalation: escalation).walkBack(from: start, into: &actual)
            #expect(actual.count == expected.count, "\(label): \(actual.count) reached, expected \(expected.count)")
            #expect(actual == expected, "\(label): the walks differ")
            grew = grew || actual.count > start.count
        }
        #expect(grew, "\(label): some walk reaches someone")
    }

    @Test func escalationSample() async throws {
        for edges in [AccessModel.AssumeEdgeBuilding.onDemand, .all] {
            let model = try await EscalationSession.open(EscalationSampleTests.root, about: nil, assumeEdges: edges)
            expectSameWalk(model, label: "escalation-account \(edges)")
        }
    }

    @Test("Generated and sample snapshots", arguments: [DifferentialSnapshot.motoAccount, .generatedAccount, .generatedOrganization])
    func snapshots(_ s: DifferentialSnapshot) async throws {
        let p = try await DifferentialFixtures.shared.prepared(s)
        for edges in [AccessModel.AssumeEdgeBuilding.onDemand, .all] {
            let model = AccessModel(snapshot: p.snapshot, vocabulary: p.vocabulary, assumeEdges: edges)
            expectSameWalk(model, label: "\(s) \(edges)")
        }
    }
}
