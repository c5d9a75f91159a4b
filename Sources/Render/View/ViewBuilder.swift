import Graph

/// Turns an access graph, a view and options into the nodes and edges to draw.
/// No Graphviz here: this layer is pure Swift and deterministic.
enum ViewBuilder {
    static func build(_ graph: AccessGraph, view: GraphView, options: RenderOptions) throws(RenderError) -> RenderView {
        let selection = try ViewSelection(graph, view: view)
        var summary = RenderSummary(view: view.description)
        summary.graphNodes = graph.nodes.count
        summary.graphEdges = graph.edges.count
        summary.selectedNodes = selection.nodes.count
        summary.selectedEdges = selection.edges.count

        var ids = selection.nodes
        var edges = selection.edges
        if ids.count > options.pruneAbove {
            let kinds = ids.reduce(into: [String: NodeKind]()) { $0[$1] = node(graph, $1, edges: edges).kind }
            let dead = Pruning.deadEnds(nodes: ids, edges: edges, kinds: kinds, anchor: view.anchor)
            ids.subtract(dead)
            edges.removeAll { dead.contains($0.from) || dead.contains($0.to) }
            summary.pruned = dead.sorted()
        }

        var nodes = ids.sorted().map { viewNode(node(graph, $0, edges: edges)) }
        var viewEdges = edges.map(ViewEdge.init).sorted(by: ViewEdge.ordered)
        if nodes.count > options.collapseAbove {
            let result = Collapse.apply(nodes: nodes, edges: viewEdges, anchor: view.anchor)
            nodes = result.nodes
            viewEdges = result.edges
            summary.collapsed = result.groups
        }
        summary.drawnNodes = nodes.count
        summary.drawnEdges = viewEdges.count
        return RenderView(nodes: nodes, edges: viewEdges, summary: summary)
    }

    /// The graph's node, or a stand-in for an edge end the graph lacks
    /// (a resource when something accesses it, else an external principal).
    static func node(_ graph: AccessGraph, _ id: String, edges: [Edge]) -> Node {
        if let node = graph.nodes[id] { return node }
        let accessed = edges.contains { $0.to == id && $0.kind == .canAccess }
        return Node(id: id, kind: accessed ? .resource : .externalPrincipal)
    }

    static func viewNode(_ node: Node) -> ViewNode {
        ViewNode(
            id: node.id, label: node.label, tooltip: node.id, kind: node.kind,
            resourceType: node.resourceType, account: node.account)
    }
}
