import Graph

/// The nodes and edges of the access graph that a `GraphView` selects.
struct ViewSelection: Sendable {
    var nodes: Set<String>
    var edges: [Edge]

    /// Selects what `view` shows of `graph`.
    /// - Throws: `RenderError.unknownNode` when the view's anchor is not in the graph.
    init(_ graph: AccessGraph, view: GraphView) throws(RenderError) {
        switch view {
        case .all:
            nodes = Set(graph.nodes.keys).union(graph.edges.flatMap { [$0.from, $0.to] })
            edges = graph.edges
        case .focus(let id):
            guard graph.nodes[id] != nil else { throw .unknownNode(id) }
            (nodes, edges) = Self.reach(graph, from: [id], forward: false)
        case .from(let id):
            guard graph.nodes[id] != nil else { throw .unknownNode(id) }
            (nodes, edges) = Self.reach(graph, from: [id], forward: true)
        case .external:
            let entry = graph.edges.filter { $0.isExternal || $0.isPublic }
            let (reached, onward) = Self.reach(graph, from: entry.map(\.to), forward: true)
            nodes = reached.union(entry.map(\.from))
            // The entry edges, then every edge onward from their targets (no other edges of the sources).
            var seen = Set<Edge>()
            edges = (entry + onward).filter { seen.insert($0).inserted }
        }
    }

    /// Breadth-first reachability; returns the nodes reached (starts included) and the edges followed.
    static func reach(_ graph: AccessGraph, from starts: [String], forward: Bool) -> (Set<String>, [Edge]) {
        var reached = Set(starts)
        var queue = starts
        var edges: [Edge] = []
        var head = 0
        while head < queue.count {
            let id = queue[head]
            head += 1
            for edge in forward ? graph.edges(from: id) : graph.edges(to: id) {
                edges.append(edge)
                let next = forward ? edge.to : edge.from
                if reached.insert(next).inserted { queue.append(next) }
            }
        }
        return (reached, edges)
    }
}
