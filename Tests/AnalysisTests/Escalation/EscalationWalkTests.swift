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

    /// Walks from everyone but a few principals: the walk stops once every principal of the model
    /// is reached or found, and stops looking up escalation candidates once every principal of the
    /// snapshot is (outside ones come in by assumption only). Those stops must lose no step:
    /// started from every principal but one that some target lets in, and from every principal of
    /// the snapshot but one (outside ones left to find), the walk equals the reference.
    func expectSameWalkFromNearlyEveryone(_ model: AccessModel, label: String) {
        let escalation = Escalation(model: model)
        let everyone = model.principalOrder + model.outsideOrder
        // Principals some other principal lets in (assumption or escalation), a few spread over the order.
        let entered = model.principalOrder.filter { id in
            !model.edges(into: id).isEmpty || !escalation.edges(into: id).isEmpty
        }
        let callers = Set(entered.flatMap { id in model.edges(into: id).map(\.from) + escalation.edges(into: id).map(\.from) })
        let left = callers.sorted().enumerated().filter { $0.offset % max(callers.count / 4, 1) == 0 }.map(\.element)
        #expect(!left.isEmpty, "\(label): some principal can assume or act as another")
        for id in left {
            for start in [everyone.filter { $0 != id }, model.principalOrder.filter { $0 != id }] {
                var initial: [String: EscalatedReach] = [:]
                for s in start { initial[s] = EscalatedReach(principal: s, actions: ["x:Y"], steps: []) }
                var expected = initial
                Self.referenceWalk(escalation, from: start, into: &expected)
                var actual = initial
                EscalationWhoCan(escalation: escalation).walkBack(from: start, into: &actual)
                #expect(expected[id] != nil, "\(label): \(id) is found by the reference walk")
                let differing = Set(actual.keys).union(expected.keys).filter { actual[$0] != expected[$0] }.sorted()
                #expect(differing.isEmpty, "\(label): the walks from all but \(id) (\(start.count) principals) differ at \(differing.prefix(3))")
            }
        }
    }

    @Test func escalationSample() async throws {
        for edges in [AccessModel.AssumeEdgeBuilding.onDemand, .all] {
            let model = try await EscalationSession.open(EscalationSampleTests.root, about: nil, assumeEdges: edges)
            expectSameWalk(model, label: "escalation-account \(edges)")
            expectSameWalkFromNearlyEveryone(model, label: "escalation-account \(edges)")
        }
    }

    @Test("Generated and sample snapshots", arguments: [DifferentialSnapshot.motoAccount, .generatedAccount, .generatedOrganization])
    func snapshots(_ s: DifferentialSnapshot) async throws {
        let p = try await DifferentialFixtures.shared.prepared(s)
        for edges in [AccessModel.AssumeEdgeBuilding.onDemand, .all] {
            let model = AccessModel(snapshot: p.snapshot, vocabulary: p.vocabulary, assumeEdges: edges)
            expectSameWalk(model, label: "\(s) \(edges)")
            expectSameWalkFromNearlyEveryone(model, label: "\(s) \(edges)")
        }
    }
}
