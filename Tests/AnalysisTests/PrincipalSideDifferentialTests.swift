import Foundation
@testable import Graph
import Policy
import Testing

/// `AccessMemo` prepares a principal's side of an evaluation (its SCP levels, identity policies,
/// boundary: `Evaluator.preparePrincipalSide`) once per universe, resource account and match of
/// its resource-specific statements, the RCP levels once per universe, account and match of the
/// RCP statements naming resources, and takes the resource policy its key prepared; it reuses
/// them for every resource that keys alike. Every
/// answer through the memo must equal the engine's (`AccessModel.access(of:to:)`, which prepares
/// everything afresh), conditions and denials included, for every principal and resource.
extension DifferentialTests {
    @Test("Shared principal sides: memo answers equal access(of:to:) for every principal and resource", arguments: DifferentialSnapshot.allCases)
    func sharedPrincipalSidesEqualTheEngine(_ s: DifferentialSnapshot) async throws {
        let m = try await DifferentialFixtures.shared.prepared(s).model
        let resources = m.resourceOrder.compactMap { m.resources[$0] }.filter { !$0.isRole }
        var disagreements: [String] = []
        var evaluated = 0
        var sides = 0
        var rcps = 0
        var reached = 0
        for id in m.principalOrder {
            let p = try #require(m.principals[id])
            let memo = AccessMemo()
            for r in resources {
                let expected = m.access(of: p, to: r)
                if expected != nil { reached += 1 }
                let viaMemo = m.access(of: p, to: r, memo: memo)
                if viaMemo != expected {
                    disagreements.append("\(id) on \(r.arn): memo \(String(describing: viaMemo)), engine \(String(describing: expected))")
                }
            }
            evaluated += memo.answers.count
            sides += memo.sides.count
            rcps += memo.rcps.count
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements, e.g. \(disagreements.prefix(3))")
        #expect(reached > 0)
        // The shortcut is taken: fewer sides prepared than evaluations made.
        #expect(sides > 0 && sides < evaluated, "\(sides) sides for \(evaluated) evaluations")
        // acme-org has an RCP path (RCPFullAWSAccess at the root): its prepared levels are shared too.
        if s == .acmeOrg { #expect(rcps > 0 && rcps < evaluated, "\(rcps) RCP preparations for \(evaluated) evaluations") }
    }
}
