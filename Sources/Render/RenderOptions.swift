/// What part of the access graph to draw.
public enum GraphView: Sendable, Hashable, CustomStringConvertible {
    /// Every node and edge.
    case all
    /// Every path that reaches this node (usually a resource): reverse reachability over
    /// `memberOf`, `canAssume` and `canAccess` edges.
    case focus(String)
    /// Everything this principal reaches: forward reachability from it.
    case from(String)
    /// Only paths that start at external or public principals: the sources of edges marked
    /// `isExternal` or `isPublic`, those edges, and everything their targets reach. The default.
    case external

    /// The node the view is anchored on, for `focus` and `from`.
    public var anchor: String? {
        switch self {
        case .focus(let id), .from(let id): return id
        case .all, .external: return nil
        }
    }

    public var description: String {
        switch self {
        case .all: return "whole graph"
        case .focus(let id): return "paths to \(id)"
        case .from(let id): return "reachable from \(id)"
        case .external: return "external and public access"
        }
    }
}

/// An AWS Organization whose member accounts are drawn nested in one cluster.
public struct Organization: Sendable, Hashable {
    /// Shown as "organization NAME" (an id like `o-a1b2c3` or a readable name).
    public var name: String
    /// The member account ids.
    public var accounts: Set<String>

    /// An organization named `name` with these member account ids.
    public init(name: String, accounts: Set<String>) {
        self.name = name
        self.accounts = accounts
    }
}

/// The Graphviz layout engine to use.
public enum LayoutEngine: Sendable, Hashable {
    /// `dot` up to `RenderOptions.sfdpAbove` drawn nodes, `sfdp` above that when its plugin is installed.
    case automatic
    /// A layout plugin by name: `dot`, `sfdp`, `neato`, `fdp`, ...
    case named(String)

    /// Hierarchical layout; draws account clusters.
    public static let dot = LayoutEngine.named("dot")
    /// Multiscale force-directed layout for large graphs; ignores clusters.
    public static let sfdp = LayoutEngine.named("sfdp")
}

/// How a view of the graph is drawn and simplified.
public struct RenderOptions: Sendable, Hashable {
    /// Readable names for account ids, used in cluster labels ("prod (222222222222)").
    public var accountNames: [String: String]
    /// When given, its member accounts' clusters are nested in an organization cluster.
    public var organization: Organization?
    /// Nodes with identical incoming and outgoing edges are merged into one node
    /// ("14 roles") when the view has more than this many nodes.
    public var collapseAbove: Int
    /// Nodes on no path that matters are removed when the view has more than this many nodes.
    public var pruneAbove: Int
    /// `automatic` picks `dot` or `sfdp` by size.
    public var layoutEngine: LayoutEngine
    /// The drawn node count above which `automatic` picks `sfdp`.
    public var sfdpAbove: Int
    /// Draw a legend cluster with the node shapes and edge styles the view uses
    /// (with `dot` and `fdp`; engines that do not draw clusters would scatter it).
    public var legend: Bool
    /// `canAccess` edges with at most this many actions list them; others are summarized per service.
    public var maxActionsInLabel: Int
    /// A title drawn above the graph.
    public var title: String?
    /// The most nodes an overview (`GraphRenderer.render(_:format:)` of an `OrganizationOverview`)
    /// draws; what does not fit is counted, never dropped silently.
    public var maxNodes: Int

    /// The defaults: prune and collapse above 60 nodes, `dot` up to 300 nodes, with a legend;
    /// overviews of at most 300 nodes.
    public init(
        accountNames: [String: String] = [:], organization: Organization? = nil,
        collapseAbove: Int = 60, pruneAbove: Int = 60,
        layoutEngine: LayoutEngine = .automatic, sfdpAbove: Int = 300,
        legend: Bool = true, maxActionsInLabel: Int = 2, title: String? = nil, maxNodes: Int = 300
    ) {
        self.maxNodes = maxNodes
        self.accountNames = accountNames
        self.organization = organization
        self.collapseAbove = collapseAbove
        self.pruneAbove = pruneAbove
        self.layoutEngine = layoutEngine
        self.sfdpAbove = sfdpAbove
        self.legend = legend
        self.maxActionsInLabel = maxActionsInLabel
        self.title = title
    }
}

/// An output format. Any Graphviz device name is accepted (`OutputFormat(rawValue: "jpg")`);
/// formats without an installed plugin fail with `GraphvizError.unsupportedFormat`.
public struct OutputFormat: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The Graphviz device name.
    public var rawValue: String
    /// Any Graphviz device name; checked against the installed plugins when rendering.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// SVG; node and edge `id`s are the access graph's ids.
    public static let svg = OutputFormat(rawValue: "svg")
    /// PNG bitmap (cairo or gd plugin).
    public static let png = OutputFormat(rawValue: "png")
    /// PDF (cairo plugin).
    public static let pdf = OutputFormat(rawValue: "pdf")
    /// The DOT text this module writes, before layout; deterministic (sorted nodes and edges).
    public static let dot = OutputFormat(rawValue: "dot")

    public var description: String { rawValue }
}
