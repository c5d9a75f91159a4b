/// An action name or pattern from `Action`/`NotAction`, such as `s3:Get*`.
/// Actions compare case-insensitively (reference_policies_elements_action.html),
/// so the pattern is kept lowercased.
public struct ActionPattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written in the policy.
    public let text: String
    let wildcard: Wildcard

    /// The service prefix when it has no wildcard, computed once.
    public let service: String?

    public init(_ text: String) {
        self.text = text
        let lower = text.lowercased()
        self.wildcard = Wildcard(lower)
        if let colon = lower.firstIndex(of: ":"), !Self.hasWildcard(lower[..<colon]) {
            service = String(lower[..<colon])
        } else {
            service = nil
        }
    }

    /// Whether `prefix` holds `*` or `?`: on its bytes when ASCII (where every byte is a
    /// character), else by the search on characters.
    static func hasWildcard(_ prefix: Substring) -> Bool {
        if prefix.utf8.allSatisfy({ $0 < 0x80 }) {
            return prefix.utf8.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") }
        }
        return prefix.contains("*") || prefix.contains("?")
    }

    public var description: String { text }

    public static func == (a: ActionPattern, b: ActionPattern) -> Bool { a.text == b.text }

    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    public var isAny: Bool { wildcard.isAny }

    /// True when the pattern has no wildcard.
    public var isLiteral: Bool { wildcard.isLiteral }

    /// Whether the pattern matches `action`, which must already be lowercased.
    @inline(__always)
    public func matches(lowercased action: String) -> Bool { wildcard.matches(action) }
}
