/// Nodes merged into one drawn node.
public struct CollapsedGroup: Sendable, Hashable {
    /// The drawn node's id (`collapsed:N:FIRST-MEMBER`).
    public var id: String
    /// The drawn label, e.g. "14 roles".
    public var label: String
    /// The access graph ids merged, sorted.
    public var members: [String]
}

/// What was drawn, and what was left out or merged to draw it, for the CLI to print.
public struct RenderSummary: Sendable, Hashable, CustomStringConvertible {
    /// The view drawn, e.g. "paths to arn:aws:s3:::data".
    public var view: String
    /// Nodes and edges in the whole access graph.
    public var graphNodes = 0, graphEdges = 0
    /// Nodes and edges the view selected, before pruning and collapsing.
    public var selectedNodes = 0, selectedEdges = 0
    /// Ids removed because they lie on no path that matters, sorted.
    public var pruned: [String] = []
    /// Groups of nodes drawn as one node.
    public var collapsed: [CollapsedGroup] = []
    /// Nodes and edges drawn (legend excluded).
    public var drawnNodes = 0, drawnEdges = 0
    /// The layout engine used; nil when nothing was laid out (DOT output).
    public var layoutEngine: String?
    /// Why that engine, when it was not the one asked for or the obvious one.
    public var notes: [String] = []
    /// Warnings Graphviz reported.
    public var warnings: [String] = []

    /// One line per fact, for a terminal.
    public var lines: [String] {
        var lines = ["view: \(view): \(drawnNodes) nodes, \(drawnEdges) edges drawn "
            + "(selected \(selectedNodes) of \(graphNodes) nodes, \(selectedEdges) of \(graphEdges) edges)"]
        if !pruned.isEmpty {
            lines.append("pruned \(pruned.count) node\(pruned.count == 1 ? "" : "s") on no path to a resource or external access")
        }
        for group in collapsed {
            lines.append("collapsed \(group.label) with identical edges into one node")
        }
        if let layoutEngine { lines.append("layout: \(layoutEngine)") }
        lines += notes
        lines += warnings.map { "graphviz warning: \($0)" }
        return lines
    }

    public var description: String { lines.joined(separator: "\n") }
}
