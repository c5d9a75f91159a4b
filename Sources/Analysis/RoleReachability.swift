import Graph

/// Breadth-first search over role-assumption edges: the roles reachable from a role,
/// each with the shortest chain and the conditions collected along it.
struct RoleReachability {
    let model: AccessModel

    struct Step {
        var role: String
        /// Roles from the first to this one.
        var path: [String]
        var conditions: [String: [String: [String]]]
    }

    /// Edges leaving each principal toward the roles it can assume.
    var outgoing: [String: [Edge]] {
        var out: [String: [Edge]] = [:]
        for edges in model.assumeEdges.values { for e in edges { out[e.from, default: []].append(e) } }
        return out
    }

    func rolesReachable(from start: String, conditions: [String: [String: [String]]]) -> [Step] {
        let next = outgoing
        var steps = [Step(role: start, path: [start], conditions: conditions)]
        var seen: Set<String> = [start]
        var i = 0
        while i < steps.count {
            let s = steps[i]
            i += 1
            for e in (next[s.role] ?? []).sorted(by: { $0.to < $1.to }) where seen.insert(e.to).inserted {
                steps.append(Step(role: e.to, path: s.path + [e.to], conditions: merge(s.conditions, e.conditions)))
            }
        }
        return steps
    }
}
