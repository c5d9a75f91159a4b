/// A condition operator such as `ForAnyValue:StringLikeIfExists`, split into
/// its set qualifier, its base operator and the `IfExists` suffix
/// (reference_policies_elements_condition_operators.html).
public struct ConditionOperator: Sendable, Hashable, CustomStringConvertible {
    public enum Base: String, Sendable, CaseIterable {
        case stringEquals = "StringEquals", stringNotEquals = "StringNotEquals"
        case stringEqualsIgnoreCase = "StringEqualsIgnoreCase", stringNotEqualsIgnoreCase = "StringNotEqualsIgnoreCase"
        case stringLike = "StringLike", stringNotLike = "StringNotLike"
        case numericEquals = "NumericEquals", numericNotEquals = "NumericNotEquals"
        case numericLessThan = "NumericLessThan", numericLessThanEquals = "NumericLessThanEquals"
        case numericGreaterThan = "NumericGreaterThan", numericGreaterThanEquals = "NumericGreaterThanEquals"
        case dateEquals = "DateEquals", dateNotEquals = "DateNotEquals"
        case dateLessThan = "DateLessThan", dateLessThanEquals = "DateLessThanEquals"
        case dateGreaterThan = "DateGreaterThan", dateGreaterThanEquals = "DateGreaterThanEquals"
        case bool = "Bool"
        case binaryEquals = "BinaryEquals"
        case ipAddress = "IpAddress", notIpAddress = "NotIpAddress"
        case arnEquals = "ArnEquals", arnLike = "ArnLike", arnNotEquals = "ArnNotEquals", arnNotLike = "ArnNotLike"
        case null = "Null"

        /// Negated operators match when no policy value matches, and a missing key satisfies them.
        public var isNegated: Bool {
            switch self {
            case .stringNotEquals, .stringNotEqualsIgnoreCase, .stringNotLike, .numericNotEquals, .dateNotEquals,
                .notIpAddress, .arnNotEquals, .arnNotLike:
                true
            default: false
            }
        }

        /// The positive operator a negated one inverts (itself when not negated).
        public var positive: Base {
            switch self {
            case .stringNotEquals: .stringEquals
            case .stringNotEqualsIgnoreCase: .stringEqualsIgnoreCase
            case .stringNotLike: .stringLike
            case .numericNotEquals: .numericEquals
            case .dateNotEquals: .dateEquals
            case .notIpAddress: .ipAddress
            case .arnNotEquals: .arnEquals
            case .arnNotLike: .arnLike
            default: self
            }
        }
    }

    public enum SetQualifier: String, Sendable, Hashable {
        case forAllValues = "ForAllValues"
        case forAnyValue = "ForAnyValue"
    }

    /// The operator as written.
    public let name: String
    /// The base operator, or nil when the name is not one AWS defines.
    public let base: Base?
    public let ifExists: Bool
    public let qualifier: SetQualifier?

    public init(_ name: String) {
        self.name = name
        var rest = Substring(name)
        var qualifier: SetQualifier?
        if let colon = rest.firstIndex(of: ":") {
            qualifier = SetQualifier(rawValue: String(rest[..<colon]))
            rest = rest[rest.index(after: colon)...]
        }
        var ifExists = false
        if rest.hasSuffix("IfExists") {
            ifExists = true
            rest = rest.dropLast("IfExists".count)
        }
        var base = Base(rawValue: String(rest))
        // Null takes no IfExists suffix and no set qualifier; an unknown qualifier makes the operator unknown.
        if base == .null && (ifExists || qualifier != nil) { base = nil }
        if name.contains(":") && qualifier == nil { base = nil }
        self.base = base
        self.ifExists = ifExists
        self.qualifier = qualifier
    }

    public var description: String { name }
}
