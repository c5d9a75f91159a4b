import CGraphviz
import Foundation

/// Owns one Graphviz context (`GVC_t`) and lays out and renders DOT text with it, in process.
///
/// Everything the context creates is freed before the call that created it returns:
/// the graph read from the DOT text (`agclose`), its layout (`gvFreeLayout`) and the
/// rendered buffer (`gvFreeRenderData`, after its bytes are copied into Swift).
/// The context itself is freed (`gvFreeContext`) when the object is released.
/// Calls are serialized process-wide, because Graphviz keeps global state, so one
/// context may be shared between threads.
public final class GraphvizContext: @unchecked Sendable {
    /// `GVC_t *`; only used while `GraphvizLibrary`'s lock is held.
    private let gvc: OpaquePointer
    /// The installed layout engines: `dot`, `neato`, `sfdp`, ... (read once: Graphviz 2.43's
    /// `gvPluginList` leaks the names it drops as duplicates, so it is not called per render).
    public let layoutEngines: [String]
    /// The formats some installed device plugin can render: `svg`, `png`, `pdf`, ...
    public let outputFormats: [String]

    /// The context `GraphRenderer` uses by default: created on first use, kept for the process.
    ///
    /// Prefer it to contexts of your own. Graphviz 2.43's pango plugin keeps a pointer to the
    /// last font name it laid out, which `gvFreeContext` frees; a later layout in another
    /// context then reads freed memory (valgrind shows it). One long-lived context avoids that.
    public static func shared() throws(GraphvizError) -> GraphvizContext {
        try sharedContext.get()
    }

    private static let sharedContext = Result { () throws(GraphvizError) -> GraphvizContext in try GraphvizContext() }

    /// Creates a context and loads the installed plugins' configuration.
    public init() throws(GraphvizError) {
        let created = GraphvizLibrary.withLock { _ -> (OpaquePointer, [String], [String])? in
            guard let context = gvContext() else { return nil }
            return (context, Self.pluginList(context, "layout"), Self.pluginList(context, "device"))
        }
        guard let created else { throw .contextUnavailable }
        (gvc, layoutEngines, outputFormats) = created
    }

    deinit {
        let context = gvc
        GraphvizLibrary.withLock { _ in _ = gvFreeContext(context) }
    }

    /// Reads `dot`, lays it out with `engine` and renders it as `format`.
    /// (A `layout` attribute in the DOT text takes precedence over `engine`, as in Graphviz;
    /// the text `GraphRenderer` writes names the same engine.)
    ///
    /// - Returns: the rendered bytes and any warnings Graphviz reported.
    /// - Throws: `GraphvizError.unknownLayoutEngine` or `.unsupportedFormat` when no plugin
    ///   provides them (checked first), otherwise the library's own message for a graph it
    ///   cannot read, lay out or render.
    public func render(dot: String, engine: String, format: String) throws(GraphvizError) -> GraphvizOutput {
        try GraphvizLibrary.withLock { (diagnostics) throws(GraphvizError) -> GraphvizOutput in
            guard layoutEngines.contains(engine) else { throw .unknownLayoutEngine(engine, available: layoutEngines) }
            guard outputFormats.contains(format) else { throw .unsupportedFormat(format, available: outputFormats) }

            // The parser leaves what follows the graph (the final newline) unread and counts it
            // into the next graph's line numbers: read without it, and restart the count.
            var source = Substring(dot)
            while let last = source.last, last.isWhitespace { source.removeLast() }
            agsetfile(nil)
            guard let graph = agmemread(String(source)) else {
                throw .invalidGraph(message: diagnostics().errorMessage(or: "agmemread returned no graph"))
            }
            defer { _ = agclose(graph) }

            guard gvLayout(gvc, graph, engine) == 0 else {
                throw .layoutFailed(engine: engine, message: diagnostics().errorMessage(or: "gvLayout failed"))
            }
            defer { _ = gvFreeLayout(gvc, graph) }

            var buffer: UnsafeMutablePointer<CChar>? = nil
            var length: UInt32 = 0
            let status = gvRenderData(gvc, graph, format, &buffer, &length)
            defer { if let buffer { gvFreeRenderData(buffer) } }
            guard status == 0, let buffer else {
                throw .renderFailed(format: format, message: diagnostics().errorMessage(or: "gvRenderData failed"))
            }
            let bytes = UnsafeRawBufferPointer(start: buffer, count: Int(length))
            return GraphvizOutput(data: Array(bytes), warnings: diagnostics().warnings)
        }
    }

    /// `gvPluginList` for one kind (`"layout"`, `"device"`), copied into Swift and freed, sorted.
    /// Call with the lock held.
    private static func pluginList(_ gvc: OpaquePointer, _ kind: String) -> [String] {
        var count: Int32 = 0
        guard let list = gvPluginList(gvc, kind, &count, nil) else { return [] }
        defer { free(list) }
        var names: [String] = []
        for i in 0..<Int(count) {
            guard let name = list[i] else { continue }
            names.append(String(cString: name))
            free(name)
        }
        return names.sorted()
    }
}

/// What `GraphvizContext.render` produced.
public struct GraphvizOutput: Sendable, Equatable {
    /// The rendered bytes (SVG or DOT text, PNG or PDF data).
    public var data: [UInt8]
    /// Warnings Graphviz reported while reading, laying out or rendering.
    public var warnings: [String]
}
