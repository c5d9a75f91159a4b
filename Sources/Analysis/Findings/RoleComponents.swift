/// The strongly connected components of the role-assumption graph over numbered roles
/// (`RoleNumbering`; roles that can assume each other in a cycle reach the same roles), in an
/// order where each component comes after every component it reaches: what a role reaches is
/// then its component's members and what its successors reach, worked out once per component
/// (Tarjan's algorithm, without recursion).
struct RoleComponents: Sendable {
    /// Each role's component, by number.
    let component: [Int32]
    /// The roles of each component; components in reverse topological order.
    let members: [[Int32]]
    /// The components each component has an edge into (not itself), each once.
    let successors: [[Int]]

    /// The components of the roles numbered `0..<next.count`, with `next[n]` the roles `n` enters.
    init(next: [[Int32]]) {
        let count = next.count
        var index = [Int32](repeating: -1, count: count)
        var low = [Int32](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int32] = []
        var component = [Int32](repeating: -1, count: count)
        var members: [[Int32]] = []
        var counter: Int32 = 0
        for root in 0..<count where index[root] < 0 {
            // Each frame: a role and the position of the next edge to follow.
            var frames: [(role: Int, edge: Int)] = [(root, 0)]
            index[root] = counter; low[root] = counter; counter += 1
            stack.append(Int32(root)); onStack[root] = true
            while let frame = frames.last {
                let edges = next[frame.role]
                if frame.edge < edges.count {
                    frames[frames.count - 1].edge += 1
                    let to = Int(edges[frame.edge])
                    if index[to] < 0 {
                        index[to] = counter; low[to] = counter; counter += 1
                        stack.append(Int32(to)); onStack[to] = true
                        frames.append((to, 0))
                    } else if onStack[to] {
                        low[frame.role] = min(low[frame.role], index[to])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last { low[parent.role] = min(low[parent.role], low[frame.role]) }
                guard low[frame.role] == index[frame.role] else { continue }
                var found: [Int32] = []
                while let top = stack.popLast() {
                    onStack[Int(top)] = false
                    component[Int(top)] = Int32(members.count)
                    found.append(top)
                    if Int(top) == frame.role { break }
                }
                members.append(found)
            }
        }
        var successors: [[Int]] = []
        for (c, roles) in members.enumerated() {
            var out: Set<Int> = []
            for role in roles {
                for t in next[Int(role)] where Int(component[Int(t)]) != c { out.insert(Int(component[Int(t)])) }
            }
            successors.append(out.sorted())
        }
        self.component = component
        self.members = members
        self.successors = successors
    }
}
