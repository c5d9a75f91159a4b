import Policy

/// Whether one `Condition` block holds whenever another does, for the offline policy checks
/// (reference_policies_elements_condition_operators.html, reference_policies_multi-value-conditions.html).
///
/// Conservative: yes only when certain. Each condition of the weaker block must follow from one
/// condition of the stronger block on the same key with the same set qualifier:
/// - the same operator with values that match no more (positive operators: each stronger value
///   lies within some weaker value; negated operators: the reverse), where "lies within" is
///   equality for `Equals` operators, `Bool` and `Null`, glob containment for `StringLike`, ARN
///   pattern containment for `ArnLike`/`ArnEquals`, CIDR containment for IPv4 `IpAddress`, and a
///   bound at least as tight for `NumericLessThan`/`NumericGreaterThan` (and their `Equals` forms);
/// - `StringEquals` implies `StringLike` whose pattern matches its value, and `StringEqualsIgnoreCase`
///   with the same value;
/// - an operator without `IfExists` implies its `IfExists` form; the reverse never holds;
/// - anything else (date comparisons, policy variables in values, unknown operators, several
///   stronger conditions that only together imply a weaker one) is implied only by an identical
///   condition.
public enum ConditionImplication {
    /// Whether `strong` (all conditions of one statement) implies every condition of `weak`.
    public static func implies(_ strong: [Condition], _ weak: [Condition]) -> Bool {
        weak.allSatisfy { w in strong.contains { implies($0, w) } }
    }

    /// The conditions of `weak` that no condition of `strong` implies.
    public static func unimplied(_ strong: [Condition], _ weak: [Condition]) -> [Condition] {
        weak.filter { w in !strong.contains { implies($0, w) } }
    }

    /// Whether `s` implies `w`.
    public static func implies(_ s: Condition, _ w: Condition) -> Bool {
        guard s.normalizedKey == w.normalizedKey else { return false }
        if s.op.name == w.op.name && Set(s.values) == Set(w.values) { return true }
        guard let sb = s.op.base, let wb = w.op.base, s.op.qualifier == w.op.qualifier,
            !s.values.contains(where: { $0.contains("${") }), !w.values.contains(where: { $0.contains("${") })
        else { return false }
        if s.op.ifExists && !w.op.ifExists { return false }
        if sb == wb {
            if sb.isNegated {
                return w.values.allSatisfy { v in s.values.contains { within(v, $0, sb.positive) } }
            }
            return s.values.allSatisfy { u in w.values.contains { within(u, $0, sb) } }
        }
        switch (sb, wb) {
        case (.stringEquals, .stringLike):
            return s.values.allSatisfy { u in w.values.contains { Wildcard($0).matches(u) } }
        case (.stringEquals, .stringEqualsIgnoreCase):
            return s.values.allSatisfy { u in w.values.contains { $0.lowercased() == u.lowercased() } }
        case (.numericLessThan, .numericLessThanEquals):
            return s.values.allSatisfy { u in w.values.contains { bound(u, $0, <=) } }
        case (.numericGreaterThan, .numericGreaterThanEquals):
            return s.values.allSatisfy { u in w.values.contains { bound(u, $0, >=) } }
        default:
            return false
        }
    }

    /// Whether every request value matching the policy value `u` also matches `v`, for `op`.
    static func within(_ u: String, _ v: String, _ op: ConditionOperator.Base) -> Bool {
        switch op {
        case .stringLike: return GlobRelation.contains(v, u)
        case .arnLike, .arnEquals: return ARNPatternRelation.contains(ARNPattern(v), ARNPattern(u))
        case .stringEqualsIgnoreCase, .bool, .null: return u.lowercased() == v.lowercased()
        case .ipAddress: return IPv4Block(v).map { o in IPv4Block(u).map(o.contains) ?? false } ?? (u == v)
        case .numericEquals: return bound(u, v, ==)
        case .numericLessThan, .numericLessThanEquals: return bound(u, v, <=)
        case .numericGreaterThan, .numericGreaterThanEquals: return bound(u, v, >=)
        default: return u == v
        }
    }

    /// Both values are numbers and `relation(u, v)` holds.
    static func bound(_ u: String, _ v: String, _ relation: (Double, Double) -> Bool) -> Bool {
        guard let a = Double(u), let b = Double(v) else { return u == v }
        return relation(a, b)
    }
}

/// An IPv4 CIDR block (`10.0.0.0/8`, or one address), for containment of `IpAddress` values.
struct IPv4Block: Sendable, Hashable {
    let base: UInt32
    let prefix: Int

    init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        let octets = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var value: UInt32 = 0
        for o in octets {
            guard let n = UInt32(o), n <= 255 else { return nil }
            value = value << 8 | n
        }
        let length = parts.count == 2 ? Int(parts[1]) : 32
        guard let length, (0...32).contains(length) else { return nil }
        prefix = length
        base = length == 0 ? 0 : value & (~UInt32(0) << UInt32(32 - length))
    }

    /// Whether every address of `inner` is in this block.
    func contains(_ inner: IPv4Block) -> Bool {
        guard inner.prefix >= prefix else { return false }
        let mask: UInt32 = prefix == 0 ? 0 : ~UInt32(0) << UInt32(32 - prefix)
        return inner.base & mask == base
    }
}
