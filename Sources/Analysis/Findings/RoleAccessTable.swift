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
    /// The reverse: the partitions of each resource.
    let partitionsOf: OrdinalPartitions

    /// Decides what `roles` can access; `levels` gives the access levels of each distinct action list.
    /// An id in `granted` (a node of the walk that is no principal of the model) stands for that
    /// principal: it is classed and decided as itself, apart from the principal of the same ARN.
    init(
        model: AccessModel, roles: [String], granted: [String: PrincipalEntry] = [:], categories: ResourceCategories,
        levels: @escaping @Sendable ([String]) -> LevelMask, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    ) async {
        let ordinalOf = categories.ordinalOf
        let ids = roles.filter { granted[$0] != nil || model.principals[$0] != nil }
        // One member per principal, in order (`accessPlan(for:)`).
        let plan = model.accessPlan(for: ids.map { granted[$0] ?? model.principals[$0]! })
        let classing = PlanClassing(model: model, plan: plan)
        ordinals = plan.partitions.map { $0.resources.map { Int32(ordinalOf[ObjectIdentifier($0)]!) } }
        partitionsOf = OrdinalPartitions(ordinals: ordinals, count: categories.count)
        @Sendable func reached(_ found: [(ResourceEntry, Access)]) -> [FindingsAnalyzer.Reached] {
            found.map { FindingsAnalyzer.Reached(members: [Int32(ordinalOf[ObjectIdentifier($0.0)]!)], partition: -1, access: $0.1) }
        }
        // Every group's classes at once (classes of different groups share answers), then each
        // member's own answers, each a task; unit i < groups.count is a group.
        let classes = model.accessClassesOfEveryGroup(classing: classing)
        let total = plan.groups.count + plan.members.count
        progress?(plan.groups.count, total)
        let results = await withTaskGroup(of: (Int, [FindingsAnalyzer.Reached]).self) { group in
            for i in plan.groups.count..<total {
                group.addTask { (i, reached(model.individualAccess(of: plan.members[i - plan.groups.count]))) }
            }
            var out = Array(repeating: [FindingsAnalyzer.Reached](), count: total)
            for (i, answers) in classes.enumerated() {
                let partition = plan.groups[i].partition
                out[i] = answers.map { FindingsAnalyzer.Reached(members: $0.members, partition: partition, access: $0.access) }
            }
            var done = plan.groups.count
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
            table[ids[m]] = RoleAccess(own: results[plan.groups.count + m], shares: shares)
        }
        groups = Array(results[..<plan.groups.count])
        self.roles = table
    }

    /// The answers of `role` to visit: its own, then its classes' that are not marked in
    /// `visited` (each with the resources it decides alone, left out). A class's answers are the
    /// same whichever role shares them: a search that met them in full needs them no more, so
    /// shares without exceptions mark their class.
    func answers(of role: String, visited: inout [Bool]) -> [(list: [FindingsAnalyzer.Reached], except: Set<Int>)] {
        guard let access = roles[role] else { return [] }
        return answers(of: access, visited: &visited)
    }

    /// The same for a role's row of the table.
    func answers(of access: RoleAccess, visited: inout [Bool]) -> [(list: [FindingsAnalyzer.Reached], except: Set<Int>)] {
        var out: [(list: [FindingsAnalyzer.Reached], except: Set<Int>)] = []
        if !access.own.isEmpty { out.append((access.own, Set<Int>())) }
        for share in access.shares where !visited[share.group] {
            if share.except.isEmpty { visited[share.group] = true }
            out.append((groups[share.group], share.except))
        }
        return out
    }

    /// The ordinals of `reached`'s resources: its members, or through its partition.
    func ordinalMap(of reached: FindingsAnalyzer.Reached) -> [Int32]? {
        reached.partition < 0 ? nil : ordinals[reached.partition]
    }
}
