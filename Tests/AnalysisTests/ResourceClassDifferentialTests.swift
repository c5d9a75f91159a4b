import Foundation
@testable import Graph
import Policy
import Snapshot
import Testing
@testable import Analysis

/// `findings` decides what roles can access once per class of roles (`AccessPlan`) and, within
/// a class, once per class of resources that decide alike (`PlanClassing`: resources no
/// Resource pattern of the role's policies singles out, with policies that prepare alike for
/// it), and classes of different groups whose matching statements, context and resources agree
/// share one evaluation. Every principal's answers both ways (each group alone, every group at
/// once) must equal the engine's answer for each (principal, resource) pair,
/// `AccessModel.access(of:to:)`, on every snapshot.
extension DifferentialTests {
    @Test("Classes of resources: each principal's answers equal access(of:to:) for every resource", arguments: DifferentialSnapshot.allCases)
    func resourceClassesEqualTheEngine(_ s: DifferentialSnapshot) async throws {
        try await checkClasses(s, shared: false)
        try await checkClasses(s, shared: true)
    }

    func checkClasses(_ s: DifferentialSnapshot, shared everyGroup: Bool) async throws {
        try Self.checkClasses(of: try await DifferentialFixtures.shared.prepared(s).model, label: s.rawValue, shared: everyGroup)
    }

    /// The check itself, on any model.
    static func checkClasses(of m: AccessModel, label s: String, shared everyGroup: Bool) throws {
        let principals = m.principalOrder.compactMap { m.principals[$0] }
        let plan = m.accessPlan(for: principals)
        let classing = PlanClassing(model: m, plan: plan)
        let sharing = SharedAnswers()
        let classes = everyGroup
            ? m.accessClassesOfEveryGroup(classing: classing, sharing: sharing)
            : plan.groups.indices.map { m.accessClasses(ofGroup: $0, classing: classing) }
        var evaluations = 0
        var shared = 0
        for answers in classes {
            evaluations += answers.count
            shared += answers.reduce(0) { $0 + $1.members.count }
        }
        let resources = m.resourceOrder.compactMap { m.resources[$0] }.filter { !$0.isRole }
        var disagreements: [String] = []
        var reached = 0
        for member in plan.members {
            var mine: [String: Access] = [:]
            for (r, a) in m.individualAccess(of: member) { mine[r.arn] = a }
            for share in member.shares {
                let group = plan.groups[share.group]
                for answer in classes[share.group] {
                    for i in answer.members where !share.except.contains(ObjectIdentifier(group.resources[Int(i)])) {
                        let arn = group.resources[Int(i)].arn
                        if mine[arn] != nil { disagreements.append("\(member.principal.id): \(arn) decided twice") }
                        mine[arn] = answer.access
                    }
                }
            }
            for r in resources {
                let expected = m.access(of: member.principal, to: r)
                if expected != nil { reached += 1 }
                if mine[r.arn] != expected {
                    disagreements.append("\(member.principal.id) on \(r.arn): classes \(String(describing: mine[r.arn]?.actions)), engine \(String(describing: expected?.actions))")
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements on \(s) (shared: \(everyGroup)), first: \(disagreements.prefix(5))")
        #expect(reached > 0)
        // The classes do share: fewer evaluations than resources answered.
        #expect(evaluations < shared, "\(evaluations) evaluations for \(shared) answers")
        // Classes of different groups share answers through their sides (`SharedAnswers`), so the
        // check above covers answers taken from another group's class.
        if everyGroup && s != DifferentialSnapshot.motoAccount.rawValue { #expect(sharing.hits > 0, "no answer shared on \(s)") }
    }
}

/// `AlikeNumbers` works out a representative's side and RCP numbers once per account and
/// universes for the classes every Resource element matches as it matches most resources; each
/// must equal the numbers worked out for the class itself (`targetNumbers`), and the cache must
/// answer some classes without working them out.
extension DifferentialTests {
    @Test("Alike classes: numbers kept per account and universes equal each class's own", arguments: DifferentialSnapshot.allCases)
    func alikeNumbersEqualEachClasssOwn(_ s: DifferentialSnapshot) async throws {
        let m = try await DifferentialFixtures.shared.prepared(s).model
        let plan = m.accessPlan(for: m.principalOrder.compactMap { m.principals[$0] })
        let classing = PlanClassing(model: m, plan: plan)
        let shared = SharedAnswers()
        var disagreements: [String] = []
        var asked = 0
        var computed = 0
        for (g, group) in plan.groups.enumerated() {
            let memo = AccessMemo()
            memo.reset(for: group.representative, in: m)
            let base = classing.bases[classing.baseOfGroup[g]]
            let classes = m.resourceClasses(ofGroup: g, classing: classing)
            var alike = AlikeNumbers(services: plan.partitions[group.partition].services)
            for members in classes.members[classes.matchedAsMost...] where base.classOf[Int(members[0])] >= 0 {
                for i in members {
                    let r = group.resources[Int(i)]
                    asked += 1
                    let kept = alike.numbers(of: r) {
                        computed += 1
                        return m.targetNumbers(r, for: group.representative, memo: memo, shared: shared)
                    }
                    let own = m.targetNumbers(r, for: group.representative, memo: memo, shared: shared)
                    if kept != own { disagreements.append("\(group.representative.id) on \(r.arn): kept \(kept), own \(own)") }
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements on \(s.rawValue), first: \(disagreements.prefix(5))")
        if s != .motoAccount { #expect(computed < asked, "\(computed) of \(asked) worked out on \(s.rawValue)") }
    }
}
