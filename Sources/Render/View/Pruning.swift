import Graph

/// Removes nodes that lie on no path that matters.
///
/// A path matters when it ends at a resource something can reach (including a group a user is a
/// member of), at the target of an external or public edge, or at the view's anchor. Nodes that
/// reach none of those (a role that grants nothing and nobody outside can assume, an isolated
/// node) are removed with their edges.
enum Pruning {
    /// The ids of `nodes` that reach no sink over `edges`.
    static func deadEnds(
        nodes: Set<String>, edges: [Edge], kinds: [String: NodeKind], anchor: String?
    ) -> Set<String> {
        var sinks = Set<String>()
        var incoming: [String: [String]] = [:]
        for edge in edges {
            incoming[edge.to, default: []].append(edge.from)
            if edge.isExternal || edge.isPublic || kinds[edge.to] == .resource { sinks.insert(edge.to) }
        }
        if let anchor { sinks.insert(anchor) }
        var keep = sinks.intersection(nodes)
        var queue = Array(keep)
        while let id = queue.popLast() {
            for source in incoming[id] ?? [] where nodes.contains(source) {
                if keep.insert(source).inserted { queue.append(source) }
            }
        }
        return nodes.subtracting(keep)
    }
}
