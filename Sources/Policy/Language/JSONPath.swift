/// A location inside a JSON document, printed as `$.Statement[2].Principal.AWS`.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) { self.components = components }

    public static let root = JSONPath()

    public func appending(_ key: String) -> JSONPath { JSONPath(components + [.key(key)]) }
    public func appending(_ index: Int) -> JSONPath { JSONPath(components + [.index(index)]) }

    /// This path followed by `other`.
    public func appending(_ other: JSONPath) -> JSONPath { JSONPath(components + other.components) }

    public var description: String {
        var s = "$"
        for c in components {
            switch c {
            case .key(let k):
                if k.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { s += ".\(k)" } else { s += "[\"\(k)\"]" }
            case .index(let i): s += "[\(i)]"
            }
        }
        return s
    }
}

/// A policy document that cannot be understood, with where the problem is.
public struct PolicyParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: JSONPath
    public var message: String

    public init(path: JSONPath, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// Something in a policy that was understood only in part (an unknown principal type,
/// an unknown condition operator). The policy is still used.
public struct PolicyWarning: Sendable, Equatable, CustomStringConvertible {
    public var path: JSONPath
    public var message: String

    public init(path: JSONPath, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
