/// An action name or pattern from `Action`/`NotAction`, such as `s3:Get*`.
/// Actions compare case-insensitively (reference_policies_elements_action.html),
/// so the pattern is kept lowercased.
public struct ActionPattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written in the policy.
    public let text: String
    let wildcard: Wildcard

    public init(_ text: String) {
        self.text = text
        self.wildcard = Wildcard(text.lowercased())
    }

    public var description: String { text }

    /// The service prefix (`s3`) when it has no wildcard, else nil (`*`, `s?:Get*`).
    public var service: String? {
        let lower = wildcard.pattern
        guard let colon = lower.firstIndex(of: ":") else { return nil }
        let prefix = lower[..<colon]
        return prefix.contains("*") || prefix.contains("?") ? nil : String(prefix)
    }

    public var isAny: Bool { wildcard.isAny }

    /// True when the pattern has no wildcard.
    public var isLiteral: Bool { wildcard.isLiteral }

    /// Whether the pattern matches `action`, which must already be lowercased.
    @inline(__always)
    public func matches(lowercased action: String) -> Bool { wildcard.matches(action) }
}
