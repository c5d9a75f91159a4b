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

    /// Creates a context and loads the installed plugins' configuration.
    public init() throws(GraphvizError) {
        let context = GraphvizLibrary.withLock { _ in gvContext() }
        guard let context else { throw .contextUnavailable }
        gvc = context
    }

    deinit {
        let context = gvc
        GraphvizLibrary.withLock { _ in _ = gvFreeContext(context) }
    }

    /// The names of the installed plugins of one kind (`"layout"`, `"device"`, `"render"`, ...), sorted.
    public func plugins(ofKind kind: String) -> [String] {
        GraphvizLibrary.withLock { _ in pluginList(kind) }
    }

    /// The installed layout engines: `dot`, `neato`, `sfdp`, ...
    public var layoutEngines: [String] { plugins(ofKind: "layout") }

    /// The formats some installed device plugin can render: `svg`, `png`, `pdf`, ...
    public var outputFormats: [String] { plugins(ofKind: "device") }

    /// Reads `dot`, lays it out with `engine` and renders it as `format`.
    ///
    /// - Returns: the rendered bytes and any warnings Graphviz reported.
    /// - Throws: `GraphvizError.unknownLayoutEngine` or `.unsupportedFormat` when no plugin
    ///   provides them (checked first), otherwise the library's own message for a graph it
    ///   cannot read, lay out or render.
    public func render(dot: String, engine: String, format: String) throws(GraphvizError) -> GraphvizOutput {
        try GraphvizLibrary.withLock { (diagnostics) throws(GraphvizError) -> GraphvizOutput in
            let engines = pluginList("layout")
            guard engines.contains(engine) else { throw .unknownLayoutEngine(engine, available: engines) }
            let formats = pluginList("device")
            guard formats.contains(format) else { throw .unsupportedFormat(format, available: formats) }

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

    /// `gvPluginList`, copied into Swift and freed. Call with the lock held.
    private func pluginList(_ kind: String) -> [String] {
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
