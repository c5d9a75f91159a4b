import Policy

/// Whether two condition blocks can never hold together, for the cases where that is certain:
/// `Bool` on one key with different values (not both `IfExists`, which both hold when the key
/// is absent), and `Null` on one key with different values
/// (reference_policies_elements_condition_operators.html, "Boolean condition operators" and
/// "Condition operator to check existence of condition keys"). Anything else may hold together.
public enum ConditionContradiction {
    public static func contradict(_ a: [Condition], _ b: [Condition]) -> Bool {
        a.contains { x in b.contains { y in contradict(x, y) } }
    }

    static func contradict(_ x: Condition, _ y: Condition) -> Bool {
        guard x.normalizedKey == y.normalizedKey, x.op.qualifier == nil, y.op.qualifier == nil,
            let bx = x.op.base, let by = y.op.base, bx == by, bx == .bool || bx == .null,
            x.values.count == 1, y.values.count == 1
        else { return false }
        let vx = x.values[0].lowercased()
        let vy = y.values[0].lowercased()
        guard (vx == "true" || vx == "false"), (vy == "true" || vy == "false"), vx != vy else { return false }
        return bx == .null || !(x.op.ifExists && y.op.ifExists)
    }
}
