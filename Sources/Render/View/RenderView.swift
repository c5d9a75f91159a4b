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
    /// How it is drawn, when not by its kind and resource type (an overview's account counts).
    var category: NodeCategory? = nil
    /// Drawn with a double border: it stands for several things (a collapsed group, an overview's
    /// resources of one type in one account).
    var isGroup: Bool { !members.isEmpty || standsForMany }
    /// Whether it stands for several resources or principals without listing them as members.
    var standsForMany = false

    /// The visual category: `category`, else from the kind and resource type.
    var drawnCategory: NodeCategory { category ?? NodeCategory(kind: kind, resourceType: resourceType, id: id) }
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
    /// Drawn dashed: the access holds only under conditions that could not be decided.
    var isConditional: Bool
    /// The label, when not made from the actions (an overview's "1,204 · List, Read").
    var label: String? = nil
    /// Tooltip lines added after the generated ones.
    var note: String? = nil

    init(_ edge: Edge) {
        from = edge.from
        to = edge.to
        kind = edge.kind
        actions = edge.actions
        conditions = edge.conditions
        isExternal = edge.isExternal
        isPublic = edge.isPublic
        isConditional = !edge.conditions.isEmpty
    }

    /// An edge of a summary: no actions, a label of its own.
    init(from: String, to: String, kind: EdgeKind, label: String?, isExternal: Bool, isPublic: Bool, isConditional: Bool, note: String?) {
        self.from = from
        self.to = to
        self.kind = kind
        actions = []
        conditions = [:]
        self.isExternal = isExternal
        self.isPublic = isPublic
        self.isConditional = isConditional
        self.label = label
        self.note = note
    }

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
        if a.label != b.label { return (a.label ?? "") < (b.label ?? "") }
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
