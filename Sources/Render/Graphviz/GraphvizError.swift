/// A failure reported by, or detected before calling, the Graphviz C library.
///
/// Cases that come from the library carry the message Graphviz itself reported
/// (captured through `agseterrf`), so the user sees what Graphviz said.
public enum GraphvizError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `gvContext()` returned no context.
    case contextUnavailable
    /// Graphviz could not read the DOT text (`agmemread` failed); `message` is the parser's.
    case invalidGraph(message: String)
    /// No layout plugin with this name is installed; `available` lists the ones that are.
    case unknownLayoutEngine(String, available: [String])
    /// No device plugin renders this format (e.g. no cairo plugin for `pdf`); `available` lists the formats that exist.
    case unsupportedFormat(String, available: [String])
    /// `gvLayout` failed.
    case layoutFailed(engine: String, message: String)
    /// `gvRenderData` failed.
    case renderFailed(format: String, message: String)

    public var description: String {
        switch self {
        case .contextUnavailable:
            return "Graphviz: could not create a context (gvContext returned nothing)"
        case .invalidGraph(let message):
            return "Graphviz could not read the graph: \(message)"
        case .unknownLayoutEngine(let name, let available):
            return "Graphviz has no layout engine '\(name)'; installed: \(available.joined(separator: ", "))"
        case .unsupportedFormat(let name, let available):
            return "Graphviz cannot render '\(name)' here (no plugin for it); formats installed: "
                + available.joined(separator: ", ")
        case .layoutFailed(let engine, let message):
            return "Graphviz layout with '\(engine)' failed: \(message)"
        case .renderFailed(let format, let message):
            return "Graphviz rendering to '\(format)' failed: \(message)"
        }
    }
}
