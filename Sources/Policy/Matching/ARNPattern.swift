/// An ARN with wildcards, matched the way IAM matches the `Resource` element
/// and the `ArnLike` condition operator: each of the six colon-separated
/// components is matched on its own, so a wildcard never spans a colon before
/// the resource component. A pattern that is not an ARN (`*`, or free text) is
/// matched against the whole string.
public struct ARNPattern: Sendable, Hashable, CustomStringConvertible {
    public let text: String
    let whole: Wildcard
    let parts: [Wildcard]?  // six components, or nil when the pattern is not ARN-shaped
    let malformedARN: Bool  // starts with `arn:` but has fewer than six components: matches only itself
    /// Whether the pattern holds a policy variable (`${...}`).
    public let hasVariables: Bool

    public init(_ text: String) {
        self.text = text
        self.whole = Wildcard(text)
        var sawDollar = false
        var variables = false
        for b in text.utf8 {
            if sawDollar && b == UInt8(ascii: "{") { variables = true; break }
            sawDollar = b == UInt8(ascii: "$")
        }
        self.hasVariables = variables
        if text.hasPrefix("arn:") {
            let split = ARN.asciiComponents(text) ?? text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
            parts = split.count == 6 ? split.map { Wildcard($0) } : nil
            malformedARN = split.count != 6
        } else {
            parts = nil
            malformedARN = false
        }
    }

    public var description: String { text }

    public var isAny: Bool { whole.isAny }

    /// A complete ARN without wildcards or variables: it matches exactly the ARN with this text.
    public var isLiteralARN: Bool { whole.isLiteral && !hasVariables && parts != nil }

    /// Whether `value` matches.
    public func matches(_ value: String) -> Bool {
        if whole.isAny { return true }
        if whole.isLiteral || malformedARN { return value == text }
        guard let parts else { return whole.matches(value) }
        guard let arn = ARN(value) else { return false }
        return Self.matchComponents(parts, arn, resource: { $0.matches(arn.resource) })
    }

    /// Whether `value` (already parsed) matches.
    public func matches(_ arn: ARN) -> Bool {
        if whole.isAny { return true }
        if malformedARN { return arn.description == text }
        guard let parts else { return whole.matches(arn.description) }
        return Self.matchComponents(parts, arn, resource: { $0.matches(arn.resource) })
    }

    /// Whether the pattern matches some ARN whose resource component starts with
    /// `resourcePrefix` (e.g. some object of a bucket).
    public func matchesSome(_ arn: ARN, resourcePrefix: String) -> Bool {
        if whole.isAny { return true }
        if malformedARN { return false }
        guard let parts else { return whole.matchesSomeExtension(of: arn.description) }
        return Self.matchComponents(parts, arn, resource: { $0.matchesSomeExtension(of: resourcePrefix) })
    }

    /// Whether the pattern matches every ARN whose resource component starts with `resourcePrefix`.
    public func matchesEvery(_ arn: ARN, resourcePrefix: String) -> Bool {
        if whole.isAny { return true }
        if malformedARN { return false }
        guard let parts else { return whole.matchesEveryExtension(of: arn.description) }
        return Self.matchComponents(parts, arn, resource: { $0.matchesEveryExtension(of: resourcePrefix) })
    }

    /// The most selective components first (service, account), the resource last.
    @inline(__always)
    private static func matchComponents(_ parts: [Wildcard], _ arn: ARN, resource: (Wildcard) -> Bool) -> Bool {
        parts[2].matches(arn.service) && parts[4].matches(arn.account) && parts[3].matches(arn.region)
            && parts[1].matches(arn.partition) && parts[0].matches("arn") && resource(parts[5])
    }
}
