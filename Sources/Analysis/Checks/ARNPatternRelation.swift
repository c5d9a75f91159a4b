import Policy

/// Containment and overlap of `Resource` patterns (and `ArnLike` values), following how IAM
/// matches them (`ARNPattern`): an ARN-shaped pattern component by component, anything else as
/// one glob over the whole text.
///
/// Conservative: ``contains(_:_:)`` says yes only when containment is certain; ``overlaps(_:_:)``
/// says no only when no ARN can match both. A policy variable (`${aws:username}`) in the inner
/// pattern is read as `*` (it may stand for any value); in the outer pattern only the same text
/// contains it.
public enum ARNPatternRelation {
    /// Whether every resource `inner` matches is matched by `outer`.
    public static func contains(_ outer: ARNPattern, _ inner: ARNPattern) -> Bool {
        if outer.isAny || outer.text == inner.text { return true }
        if outer.hasVariables { return false }
        let innerText = inner.hasVariables ? variablesAsWildcards(inner.text) : inner.text
        let o = components(outer.text)
        let i = components(innerText)
        switch (o, i) {
        case (nil, _):
            // A pattern that is not an ARN matches the whole text; an ARN-shaped inner pattern
            // matches no more than its text read as one glob.
            if outer.text.hasPrefix("arn:") { return false }  // a malformed ARN matches only itself
            return GlobRelation.contains(outer.text, innerText)
        case (let o?, let i?):
            return zip(o, i).allSatisfy { GlobRelation.contains($0, $1) }
        case (_?, nil):
            return false
        }
    }

    /// Whether some resource may match both patterns.
    public static func overlaps(_ a: ARNPattern, _ b: ARNPattern) -> Bool {
        if a.isAny || b.isAny || a.text == b.text { return true }
        if a.hasVariables || b.hasVariables { return true }
        if let x = components(a.text), let y = components(b.text) {
            return zip(x, y).allSatisfy { GlobRelation.intersects($0, $1) }
        }
        // Component matching is narrower than matching the whole text as one glob.
        return GlobRelation.intersects(a.text, b.text)
    }

    /// The six components of an ARN-shaped pattern, nil otherwise.
    static func components(_ text: String) -> [String]? {
        guard text.hasPrefix("arn:") else { return nil }
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        return parts.count == 6 ? parts.map(String.init) : nil
    }

    /// The text with each `${...}` replaced by `*`.
    static func variablesAsWildcards(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            out += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                out += rest[start.lowerBound...]
                return out
            }
            out += "*"
            rest = rest[rest.index(after: end)...]
        }
        return out + rest
    }
}
