import Concurrency
import Graph
import Policy

/// What each role reached from outside can access (resources, not roles), decided once per
/// class of roles that no policy tells apart (`AccessPlan`), and within a class once per class
/// of resources that decide alike for it (`PlanClassing`), in parallel: the classes' answers,
/// and per role its own answers and the classes it shares (but for the resources it decides alone).
struct RoleAccessTable: Sendable {
    /// A class's answers that hold for a role, but for the resources (ordinals) it decides alone.
    struct Share: Sendable {
        let group: Int
        let except: Set<Int>
    }

    struct RoleAccess: Sendable {
        var own: [FindingsAnalyzer.Reached]
        var shares: [Share]
    }

    /// Each class's answers, by `AccessPlan` group.
    let groups: [[FindingsAnalyzer.Reached]]
    /// By role ARN.
    let roles: [String: RoleAccess]
    /// Per partition of the plan, the ordinal of each of its resources.
    let ordinals: [[Int32]]

    /// Decides what `roles` can access; `levels` gives the access levels of each distinct action list.
    init(
        model: AccessModel, roles: [String], categories: ResourceCategories, levels: @escaping @Sendable ([String]) -> LevelMask,
        progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    ) async {
        let ordinalOf = categories.ordinalOf
        let plan = model.accessPlan(for: roles.compactMap { model.principals[$0] })
        let classing = PlanClassing(model: model, plan: plan)
        ordinals = plan.partitions.map { $0.resources.map { Int32(ordinalOf[ObjectIdentifier($0)]!) } }
        @Sendable func reached(_ found: [(ResourceEntry, Access)]) -> [FindingsAnalyzer.Reached] {
            found.map { FindingsAnalyzer.Reached(members: [Int32(ordinalOf[ObjectIdentifier($0.0)]!)], partition: -1, access: $0.1) }
        }
        @Sendable func reached(group i: Int) -> [FindingsAnalyzer.Reached] {
            let partition = plan.groups[i].partition
            return model.accessClasses(ofGroup: i, classing: classing).map {
                FindingsAnalyzer.Reached(members: $0.members, partition: partition, access: $0.access)
            }
        }
        // Group answers and members' own answers, each a task; unit i < groups.count is a group.
        let total = plan.groups.count + plan.members.count
        let results = await withTaskGroup(of: (Int, [FindingsAnalyzer.Reached]).self) { group in
            for i in 0..<total {
                group.addTask {
                    i < plan.groups.count
                        ? (i, reached(group: i))
                        : (i, reached(model.individualAccess(of: plan.members[i - plan.groups.count])))
                }
            }
            var out = Array(repeating: [FindingsAnalyzer.Reached](), count: total)
            var done = 0
            for await (i, found) in group {
                out[i] = found
                done += 1
                progress?(done, total)
            }
            return ActionListInterning.canonical(out, levels: levels)
        }
        var table: [String: RoleAccess] = [:]
        for (m, member) in plan.members.enumerated() {
            let shares = member.shares.map { Share(group: $0.group, except: Set($0.except.map { ordinalOf[$0]! })) }
            table[member.principal.id] = RoleAccess(own: results[plan.groups.count + m], shares: shares)
        }
        groups = Array(results[..<plan.groups.count])
        self.roles = table
    }

    /// Calls `body` with the ordinal of every resource of `reached`.
    @inline(__always)
    func forEachOrdinal(of reached: FindingsAnalyzer.Reached, _ body: (Int) -> Void) {
        reached.members.withUnsafeBufferPointer { members in
            if reached.partition < 0 {
                for m in members { body(Int(m)) }
            } else {
                ordinals[reached.partition].withUnsafeBufferPointer { map in
                    for m in members { body(Int(map[Int(m)])) }
                }
            }
        }
    }

    /// Calls `body` with each resource `role` can access and its answer: its own answers, then
    /// its classes' (but for the resources it decides alone).
    func forEachAccess(of role: String, _ body: (Int, FindingsAnalyzer.Reached) -> Void) {
        guard let access = roles[role] else { return }
        for r in access.own { forEachOrdinal(of: r) { body($0, r) } }
        for share in access.shares {
            for r in groups[share.group] {
                if share.except.isEmpty {
                    forEachOrdinal(of: r) { body($0, r) }
                } else {
                    forEachOrdinal(of: r) { if !share.except.contains($0) { body($0, r) } }
                }
            }
        }
    }
}
