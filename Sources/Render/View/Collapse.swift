import Graph

/// Merges nodes that are interchangeable in the drawing: same kind or resource category, same
/// account, and identical incoming and outgoing edges (same other ends, kinds, actions,
/// conditions and flags). Then every member of group A has an edge to every member of group B
/// exactly when the drawing shows an edge from A to B, so nothing is misrepresented.
enum Collapse {
    struct Result {
        var nodes: [ViewNode]
        var edges: [ViewEdge]
        var groups: [CollapsedGroup]
    }

    private struct Signature: Hashable {
        var category: NodeCategory
        var account: String?
        var outgoing: Set<ViewEdge>
        var incoming: Set<ViewEdge>
    }

    /// Collapses groups of at least `minimumSize` interchangeable nodes; `anchor` is never collapsed.
    static func apply(nodes: [ViewNode], edges: [ViewEdge], anchor: String?, minimumSize: Int = 2) -> Result {
        var outgoing: [String: Set<ViewEdge>] = [:]
        var incoming: [String: Set<ViewEdge>] = [:]
        for edge in edges {
            var out = edge
            out.from = ""
            outgoing[edge.from, default: []].insert(out)
            var into = edge
            into.to = ""
            incoming[edge.to, default: []].insert(into)
        }
        var bySignature: [Signature: [ViewNode]] = [:]
        for node in nodes where node.id != anchor {
            let signature = Signature(
                category: NodeCategory(kind: node.kind, resourceType: node.resourceType, id: node.id),
                account: node.account, outgoing: outgoing[node.id] ?? [], incoming: incoming[node.id] ?? [])
            bySignature[signature, default: []].append(node)
        }

        var replacement: [String: String] = [:]
        var groups: [CollapsedGroup] = []
        var merged: [ViewNode] = []
        for (signature, members) in bySignature where members.count >= minimumSize {
            let ids = members.map(\.id).sorted()
            let id = "collapsed:\(ids.count):\(ids[0])"
            let label = "\(ids.count) \(signature.category.plural)"
            for member in ids { replacement[member] = id }
            groups.append(CollapsedGroup(id: id, label: label, members: ids))
            merged.append(ViewNode(
                id: id, label: label, tooltip: tooltip(label: label, members: ids),
                kind: members[0].kind, resourceType: members[0].resourceType, account: signature.account,
                members: ids))
        }
        guard !groups.isEmpty else { return Result(nodes: nodes, edges: edges, groups: []) }

        var kept = nodes.filter { replacement[$0.id] == nil }
        kept.append(contentsOf: merged)
        var seen = Set<ViewEdge>()
        var rewritten: [ViewEdge] = []
        for var edge in edges {
            edge.from = replacement[edge.from] ?? edge.from
            edge.to = replacement[edge.to] ?? edge.to
            if seen.insert(edge).inserted { rewritten.append(edge) }
        }
        groups.sort { $0.id < $1.id }
        return Result(nodes: kept.sorted { $0.id < $1.id }, edges: rewritten.sorted(by: ViewEdge.ordered), groups: groups)
    }

    /// "14 roles:" and the members, one per line, at most 40 of them.
    static func tooltip(label: String, members: [String], limit: Int = 40) -> String {
        var lines = ["\(label):"] + members.prefix(limit)
        if members.count > limit { lines.append("… and \(members.count - limit) more") }
        return lines.joined(separator: "\n")
    }
}
