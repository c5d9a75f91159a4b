import Graph

/// Breadth-first search over role-assumption edges: the roles reachable from a role,
/// each with the shortest chain and the conditions collected along it.
struct RoleReachability {
    let model: AccessModel

    struct Step: Sendable {
        var role: String
        /// Roles from the first to this one.
        var path: [String]
        var conditions: [String: [String: [String]]]
    }

    func rolesReachable(from start: String, conditions: [String: [String: [String]]]) -> [Step] {
        rolesReachable(from: [(start, conditions)])
    }

    /// The same from several starting roles at once (each role reached once, by its shortest chain).
    func rolesReachable(from starts: [(String, [String: [String: [String]]])]) -> [Step] {
        let next = model.assumableBy
        var steps: [Step] = []
        var seen: Set<String> = []
        for (start, conditions) in starts where seen.insert(start).inserted {
            steps.append(Step(role: start, path: [start], conditions: conditions))
        }
        var i = 0
        while i < steps.count {
            let s = steps[i]
            i += 1
            for e in next[s.role] ?? [] where seen.insert(e.to).inserted {
                steps.append(Step(role: e.to, path: s.path + [e.to], conditions: merge(s.conditions, e.conditions)))
            }
        }
        return steps
    }
}
