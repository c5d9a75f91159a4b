import Concurrency
import Graph
import Policy

/// What each role reached from outside can access (resources, not roles), decided once per
/// class of roles that no policy tells apart (`AccessPlan`), in parallel: the classes' answers,
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

    /// Decides what `roles` can access; `levels` gives the access levels of each distinct action list.
    init(
        model: AccessModel, roles: [String], categories: ResourceCategories, levels: @escaping @Sendable ([String]) -> LevelMask,
        progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    ) async {
        let ordinalOf = categories.ordinalOf
        let plan = model.accessPlan(for: roles.compactMap { model.principals[$0] })
        @Sendable func reached(_ found: [(ResourceEntry, Access)]) -> [FindingsAnalyzer.Reached] {
            found.map { FindingsAnalyzer.Reached(ordinal: ordinalOf[ObjectIdentifier($0.0)]!, resource: $0.0, access: $0.1) }
        }
        // Group answers and members' own answers, each a task; unit i < groups.count is a group.
        let total = plan.groups.count + plan.members.count
        let results = await withTaskGroup(of: (Int, [FindingsAnalyzer.Reached]).self) { group in
            for i in 0..<total {
                group.addTask {
                    i < plan.groups.count
                        ? (i, reached(model.access(of: plan.groups[i])))
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
}
