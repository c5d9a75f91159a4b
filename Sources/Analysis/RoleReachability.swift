import Concurrency
import Graph

/// Breadth-first search over role-assumption edges: the roles reachable from a role,
/// each with the shortest chain and the conditions collected along it.
struct RoleReachability: Sendable {
    /// The role-assumption edges out of each role the searches may meet.
    let next: [String: [Edge]]

    /// Searches over every edge of a model that built them all.
    init(model: AccessModel) { self.init(next: model.assumableBy) }

    init(next: [String: [Edge]]) { self.next = next }

    /// Searches from `starts`, with the edges out of the roles reachable from them: the model's
    /// own when it built them all, else built on demand, a level of the search at a time, on every core.
    init(model: AccessModel, from starts: [String]) {
        guard model.assumeEdgeBuilding == .onDemand else {
            self.init(model: model)
            return
        }
        let forward = EdgesFrom(model: model)
        var out: [String: [Edge]] = [:]
        var frontier = Array(Set(starts)).sorted()
        while !frontier.isEmpty {
            let found = ParallelMap.map(frontier) { forward.edges(from: $0) }
            var met: Set<String> = []
            for (role, edges) in zip(frontier, found) { out[role] = edges }
            for edges in found {
                for e in edges where out[e.to] == nil { met.insert(e.to) }
            }
            frontier = met.sorted()
        }
        self.init(next: out)
    }

    /// Every role reachable from `starts` (them included), in the order first met.
    func reachable(from starts: [String]) -> [String] {
        var seen = Set(starts)
        var out = starts.filter { _ in true }
        var i = 0
        while i < out.count {
            for e in next[out[i]] ?? [] where seen.insert(e.to).inserted { out.append(e.to) }
            i += 1
        }
        return out
    }

    struct Step: Sendable {
        var role: String
        /// Roles from the first to this one.
        var path: [String]
        var conditions: [String: [String: [String]]]
        var deniedWhen: [String: [String: [String]]] = [:]
    }

    func rolesReachable(from start: String, conditions: [String: [String: [String]]]) -> [Step] {
        rolesReachable(from: [(start, conditions, [:])])
    }

    /// The same from several starting roles at once (each role reached once, by its shortest chain).
    func rolesReachable(from starts: [(String, [String: [String: [String]]], [String: [String: [String]]])]) -> [Step] {
        var steps: [Step] = []
        var seen: Set<String> = []
        for (start, conditions, deniedWhen) in starts where seen.insert(start).inserted {
            steps.append(Step(role: start, path: [start], conditions: conditions, deniedWhen: deniedWhen))
        }
        var i = 0
        while i < steps.count {
            let s = steps[i]
            i += 1
            for e in next[s.role] ?? [] where seen.insert(e.to).inserted {
                steps.append(Step(
                    role: e.to, path: s.path + [e.to], conditions: merge(s.conditions, e.conditions),
                    deniedWhen: merge(s.deniedWhen, e.deniedWhen)))
            }
        }
        return steps
    }
}
