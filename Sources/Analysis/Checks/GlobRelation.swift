/// Relations between two IAM glob patterns (`*` any run of characters, `?` exactly one), decided
/// over the characters of the patterns, for the offline policy checks.
///
/// - ``contains(_:_:)`` is sound but not complete: when it says yes, every string the inner
///   pattern matches is matched by the outer one; it may say no for a few containments that need
///   reasoning about string lengths (`?*` inside `*?`). The checks then fail, never pass wrongly.
/// - ``intersects(_:_:)`` is exact: whether some string matches both.
public enum GlobRelation {
    /// Whether every string that `inner` matches is also matched by `outer` (sound, see above).
    public static func contains(_ outer: String, _ inner: String) -> Bool {
        if outer == "*" || outer == inner { return true }
        let o = Array(outer)
        let i = Array(inner)
        var memo = [Int8](repeating: -1, count: (o.count + 1) * (i.count + 1))
        return containsFrom(o, i, 0, 0, &memo)
    }

    private static func containsFrom(_ o: [Character], _ i: [Character], _ a: Int, _ b: Int, _ memo: inout [Int8]) -> Bool {
        let key = a * (i.count + 1) + b
        if memo[key] >= 0 { return memo[key] == 1 }
        let result: Bool
        if a == o.count {
            result = b == i.count
        } else if o[a] == "*" {
            // The outer `*` stands for nothing, or absorbs one more symbol of the inner pattern (a `*` included).
            result = containsFrom(o, i, a + 1, b, &memo) || (b < i.count && containsFrom(o, i, a, b + 1, &memo))
        } else if b == i.count || i[b] == "*" {
            // Only an outer `*` can stand for an inner `*`.
            result = false
        } else if o[a] == "?" {
            result = containsFrom(o, i, a + 1, b + 1, &memo)
        } else {
            result = i[b] != "?" && o[a] == i[b] && containsFrom(o, i, a + 1, b + 1, &memo)
        }
        memo[key] = result ? 1 : 0
        return result
    }

    /// Whether some string matches both patterns (exact).
    public static func intersects(_ x: String, _ y: String) -> Bool {
        if x == "*" || y == "*" || x == y { return true }
        let a = Array(x)
        let b = Array(y)
        var memo = [Int8](repeating: -1, count: (a.count + 1) * (b.count + 1))
        return intersectsFrom(a, b, 0, 0, &memo)
    }

    private static func intersectsFrom(_ a: [Character], _ b: [Character], _ i: Int, _ j: Int, _ memo: inout [Int8]) -> Bool {
        let key = i * (b.count + 1) + j
        if memo[key] >= 0 { return memo[key] == 1 }
        let result: Bool
        if i == a.count && j == b.count {
            result = true
        } else if i < a.count && a[i] == "*" {
            result = intersectsFrom(a, b, i + 1, j, &memo) || (j < b.count && intersectsFrom(a, b, i, j + 1, &memo))
        } else if j < b.count && b[j] == "*" {
            result = intersectsFrom(a, b, i, j + 1, &memo) || (i < a.count && intersectsFrom(a, b, i + 1, j, &memo))
        } else if i == a.count || j == b.count {
            result = false
        } else {
            result = (a[i] == "?" || b[j] == "?" || a[i] == b[j]) && intersectsFrom(a, b, i + 1, j + 1, &memo)
        }
        memo[key] = result ? 1 : 0
        return result
    }
}
