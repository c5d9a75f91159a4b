/// Why an ``ActionCatalog`` could not be loaded.
public enum ActionCatalogError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bundled catalog file is not in the module's resource bundle.
    case resourceNotFound(String)
    /// The catalog file exists but could not be read.
    case unreadable(String)
    /// A line of the catalog is not in the expected format (`line` counts from 1).
    case malformed(line: Int, reason: String)

    public var description: String {
        switch self {
        case .resourceNotFound(let name): return "action catalog resource \(name) not found"
        case .unreadable(let reason): return "action catalog unreadable: \(reason)"
        case .malformed(let line, let reason): return "action catalog line \(line): \(reason)"
        }
    }
}
