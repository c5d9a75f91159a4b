import Graph

/// The strongly connected components of the role-assumption graph (roles that can assume each
/// other in a cycle reach the same roles), in an order where each component comes after every
/// component it reaches: what a role reaches is then its component's members and what its
/// successors reach, worked out once per component (Tarjan's algorithm, without recursion).
struct RoleComponents: Sendable {
    /// Each role's component.
    let component: [String: Int]
    /// The roles of each component; components in reverse topological order.
    let members: [[String]]
    /// The components each component has an edge into (not itself), each once.
    let successors: [[Int]]

    init(roles: [String], next: [String: [Edge]]) {
        var index: [String: Int] = [:]
        var low: [String: Int] = [:]
        var onStack: Set<String> = []
        var stack: [String] = []
        var component: [String: Int] = [:]
        var members: [[String]] = []
        var counter = 0
        for root in roles where index[root] == nil {
            // Each frame: a role and the position of the next edge to follow.
            var frames: [(role: String, edge: Int)] = [(root, 0)]
            index[root] = counter; low[root] = counter; counter += 1
            stack.append(root); onStack.insert(root)
            while let frame = frames.last {
                let edges = next[frame.role] ?? []
                if frame.edge < edges.count {
                    frames[frames.count - 1].edge += 1
                    let to = edges[frame.edge].to
                    if index[to] == nil {
                        index[to] = counter; low[to] = counter; counter += 1
                        stack.append(to); onStack.insert(to)
                        frames.append((to, 0))
                    } else if onStack.contains(to) {
                        low[frame.role] = min(low[frame.role]!, index[to]!)
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last { low[parent.role] = min(low[parent.role]!, low[frame.role]!) }
                guard low[frame.role] == index[frame.role] else { continue }
                var found: [String] = []
                while let top = stack.popLast() {
                    onStack.remove(top)
                    component[top] = members.count
                    found.append(top)
                    if top == frame.role { break }
                }
                members.append(found.sorted())
            }
        }
        var successors: [[Int]] = []
        for (c, roles) in members.enumerated() {
            var out: Set<Int> = []
            for role in roles {
                for e in next[role] ?? [] {
                    if let d = component[e.to], d != c { out.insert(d) }
                }
            }
            successors.append(out.sorted())
        }
        self.component = component
        self.members = members
        self.successors = successors
    }
}
