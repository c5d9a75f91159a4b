/// Three-valued truth: a statement matches, does not match, or matches only
/// if conditions that cannot be decided from the snapshot hold.
public enum Tri: Int8, Sendable, Hashable, Comparable, CustomStringConvertible {
    case no = 0
    case unknown = 1
    case yes = 2

    public init(_ b: Bool) { self = b ? .yes : .no }

    public static func < (a: Tri, b: Tri) -> Bool { a.rawValue < b.rawValue }

    /// Kleene conjunction.
    @inline(__always) public static func && (a: Tri, b: @autoclosure () -> Tri) -> Tri {
        if a == .no { return .no }
        return min(a, b())
    }

    /// Kleene disjunction.
    @inline(__always) public static func || (a: Tri, b: @autoclosure () -> Tri) -> Tri {
        if a == .yes { return .yes }
        return max(a, b())
    }

    @inline(__always) public static prefix func ! (a: Tri) -> Tri {
        switch a {
        case .no: .yes
        case .yes: .no
        case .unknown: .unknown
        }
    }

    public var description: String {
        switch self {
        case .no: "no"
        case .unknown: "unknown"
        case .yes: "yes"
        }
    }
}
