import Analysis
import Graph

/// Why a render failed.
public enum RenderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The view's anchor (`focus` or `from`) is not a node of the graph.
    case unknownNode(String)
    /// Graphviz refused the engine or format, or failed; carries the library's message.
    case graphviz(GraphvizError)

    public var description: String {
        switch self {
        case .unknownNode(let id): return "no node '\(id)' in the access graph"
        case .graphviz(let error): return error.description
        }
    }
}

/// A rendered view and what was done to draw it.
public struct RenderOutput: Sendable {
    /// The bytes in the requested format (UTF-8 text for `svg` and `dot`).
    public var data: [UInt8]
    /// What was selected, pruned, collapsed, and which layout engine was used.
    public var summary: RenderSummary
}

/// Draws an access graph through the Graphviz C library, in process.
///
/// ```swift
/// let output = try GraphRenderer().render(graph, view: .focus("arn:aws:s3:::data"), format: .svg)
/// print(output.summary)
/// ```
public struct GraphRenderer: Sendable {
    /// How views are simplified and drawn.
    public var options: RenderOptions
    private let context: GraphvizContext?

    /// - Parameter context: the Graphviz context to use; by default `GraphvizContext.shared()`.
    public init(options: RenderOptions = RenderOptions(), context: GraphvizContext? = nil) {
        self.options = options
        self.context = context
    }

    /// Selects `view` of `graph`, simplifies it at scale, lays it out and renders it as `format`.
    /// For `.dot`, returns the DOT text without laying it out.
    public func render(_ graph: AccessGraph, view: GraphView = .external, format: OutputFormat = .svg) throws(RenderError) -> RenderOutput {
        try draw(try ViewBuilder.build(graph, view: view, options: options), format: format, options: options)
    }

    /// Draws the overview of what is reachable from outside (`FindingsAnalysis.overview()`):
    /// accounts as boxes with counts, the roles outsiders enter and who enters them, and per account
    /// and resource type what they reach, with counts and access levels. At most
    /// `options.maxNodes` nodes: what is left out is said in the title (unless `options.title` is
    /// set), in the account boxes and in the summary's notes.
    public func render(_ overview: OrganizationOverview, format: OutputFormat = .svg) throws(RenderError) -> RenderOutput {
        let (view, title) = OverviewView.build(overview, options: options)
        var titled = options
        titled.title = options.title ?? title
        return try draw(view, format: format, options: titled)
    }

    private func draw(_ view: RenderView, format: OutputFormat, options: RenderOptions) throws(RenderError) -> RenderOutput {
        var drawn = view
        let context: GraphvizContext
        if let shared = self.context {
            context = shared
        } else {
            context = try wrap { () throws(GraphvizError) in try GraphvizContext.shared() }
        }
        let engine = try resolveEngine(nodeCount: drawn.nodes.count, context: context, notes: &drawn.summary.notes)
        let dot = DOTWriter(options: options, engine: engine).write(drawn)
        var summary = drawn.summary
        if format == .dot { return RenderOutput(data: Array(dot.utf8), summary: summary) }

        let output = try wrap { () throws(GraphvizError) in
            try context.render(dot: dot, engine: engine, format: format.rawValue)
        }
        summary.layoutEngine = engine
        summary.warnings = output.warnings
        return RenderOutput(data: output.data, summary: summary)
    }

    /// The DOT text `render` would lay out, with its summary.
    public func dot(_ graph: AccessGraph, view: GraphView = .external) throws(RenderError) -> (text: String, summary: RenderSummary) {
        let output = try render(graph, view: view, format: .dot)
        return (String(decoding: output.data, as: UTF8.self), output.summary)
    }

    /// `dot` for small views, `sfdp` for large ones when installed; a named engine must be installed.
    private func resolveEngine(nodeCount: Int, context: GraphvizContext, notes: inout [String]) throws(RenderError) -> String {
        let installed = context.layoutEngines
        switch options.layoutEngine {
        case .named(let name):
            guard installed.contains(name) else {
                throw .graphviz(.unknownLayoutEngine(name, available: installed))
            }
            return name
        case .automatic:
            guard nodeCount > options.sfdpAbove else { return "dot" }
            if installed.contains("sfdp") {
                notes.append("\(nodeCount) nodes > \(options.sfdpAbove): sfdp layout (no account boxes, no legend)")
                return "sfdp"
            }
            notes.append("\(nodeCount) nodes > \(options.sfdpAbove) but sfdp is not installed: dot layout, which may be slow")
            return "dot"
        }
    }

    private func wrap<T>(_ body: () throws(GraphvizError) -> T) throws(RenderError) -> T {
        do { return try body() } catch { throw .graphviz(error) }
    }
}
