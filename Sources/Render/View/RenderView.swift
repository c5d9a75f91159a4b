import Graph

/// A node as it is drawn: one node of the access graph, or several collapsed into one.
struct ViewNode: Sendable, Hashable {
    /// The DOT node name, the SVG `id` and the SVG `<title>`: the access graph id, or
    /// `collapsed:N:FIRST-MEMBER` for a collapsed group.
    var id: String
    var label: String
    var tooltip: String
    var kind: NodeKind
    var resourceType: String?
    var account: String?
    /// The access graph ids merged into this node; empty for a single node.
    var members: [String] = []
}

/// An edge as it is drawn.
struct ViewEdge: Sendable, Hashable {
    var from: String
    var to: String
    var kind: EdgeKind
    var actions: [String]
    var conditions: [String: [String: [String]]]
    var isExternal: Bool
    var isPublic: Bool

    init(_ edge: Edge) {
        from = edge.from
        to = edge.to
        kind = edge.kind
        actions = edge.actions
        conditions = edge.conditions
        isExternal = edge.isExternal
        isPublic = edge.isPublic
    }

    var isConditional: Bool { !conditions.isEmpty }

    /// The base of the SVG `id`: `KIND:FROM->TO` (a suffix `#2`, `#3`... tells parallel edges apart).
    var baseID: String { "\(kind.rawValue):\(from)->\(to)" }

    /// A total order, so DOT output does not depend on dictionary or insertion order.
    static func ordered(_ a: ViewEdge, _ b: ViewEdge) -> Bool {
        if a.from != b.from { return a.from < b.from }
        if a.to != b.to { return a.to < b.to }
        if a.kind != b.kind { return a.kind.rawValue < b.kind.rawValue }
        if a.actions != b.actions { return a.actions.lexicographicallyPrecedes(b.actions) }
        if a.isExternal != b.isExternal { return !a.isExternal }
        if a.isPublic != b.isPublic { return !a.isPublic }
        return ConditionText.describe(a.conditions) < ConditionText.describe(b.conditions)
    }
}

/// The nodes and edges to draw, with what was done to get them.
struct RenderView: Sendable {
    var nodes: [ViewNode]
    var edges: [ViewEdge]
    var summary: RenderSummary
}

/// Conditions as text: `Operator key = v1, v2`, one per line, sorted.
enum ConditionText {
    static func lines(_ conditions: [String: [String: [String]]]) -> [String] {
        conditions.keys.sorted().flatMap { op in
            let keys = conditions[op] ?? [:]
            return keys.keys.sorted().map { key in
                "\(op) \(key) = \((keys[key] ?? []).joined(separator: ", "))"
            }
        }
    }

    static func describe(_ conditions: [String: [String: [String]]]) -> String {
        lines(conditions).joined(separator: "\n")
    }
}
