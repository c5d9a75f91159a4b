/// One operator-key-values triple from a statement's `Condition` block.
/// All triples of a statement must hold for it to apply; the values of one
/// triple are alternatives (reference_policies_multi-value-conditions.html).
public struct Condition: Sendable, Hashable, CustomStringConvertible {
    public let op: ConditionOperator
    /// The key as written, e.g. `aws:SourceIp`.
    public let key: String
    /// The key lowercased: condition key names are case-insensitive.
    public let normalizedKey: String
    /// The policy values, as text (numbers and booleans by their JSON text).
    public let values: [String]
    /// The values compiled once for the operators that match patterns.
    let patterns: [ARNPattern]
    /// Whether some value holds a policy variable (`${aws:username}`).
    let hasVariables: Bool

    public init(op: ConditionOperator, key: String, values: [String]) {
        self.op = op
        self.key = key
        self.normalizedKey = key.lowercased()
        self.values = values
        self.hasVariables = values.contains { $0.contains("${") }
        switch op.base?.positive {
        case .stringLike?, .arnLike?, .arnEquals?: patterns = hasVariables ? [] : values.map(ARNPattern.init)
        default: patterns = []
        }
    }

    public var description: String { "\(op.name) \(key) \(values)" }
}
