/// Substitutes policy variables (`${aws:username}`, `${aws:PrincipalTag/team}`,
/// `${*}`, `${?}`, `${$}`, `${key, 'default'}`) from a request's condition keys,
/// as reference_policies_variables.html describes.
enum PolicyVariables {
    /// The result of substituting the variables of one string.
    enum Resolution {
        case resolved(String)
        /// A variable's key is absent from the request and has no default: the value matches nothing.
        case unresolvable
        /// A variable's value is not known statically.
        case unknown
    }

    /// Stand-ins for the literal `*` and `?` that `${*}` and `${?}` yield in a pattern, so
    /// that they are not read as wildcards: a pattern holding them is matched against a
    /// value whose own `*` and `?` are replaced the same way (`escapingWildcards`).
    static let literalStar: Character = "\u{E000}"
    static let literalQuestion: Character = "\u{E001}"

    /// Replaces `*` and `?` in a request value by the stand-ins of a resolved pattern.
    static func escapingWildcards(_ value: String) -> String {
        String(value.map { $0 == "*" ? literalStar : $0 == "?" ? literalQuestion : $0 })
    }

    /// Whether a resolved pattern holds a literal `*` or `?` from `${*}` or `${?}`.
    static func hasLiteralWildcards(_ resolved: String) -> Bool {
        resolved.contains(literalStar) || resolved.contains(literalQuestion)
    }

    /// Substitutes the variables of `text`. With `forPattern`, `${*}` and `${?}` become the
    /// stand-ins for a literal `*` and `?` (reference_policies_variables.html, special
    /// characters), not wildcards.
    static func resolve(_ text: String, in context: ConditionContext, forPattern: Bool = false) -> Resolution {
        guard text.contains("${") else { return .resolved(text) }
        var out = ""
        var rest = Substring(text)
        while let start = rest.firstRange(of: "${") {
            out += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                out += rest[start.lowerBound...]
                return .resolved(out)
            }
            let body = rest[start.upperBound..<end]
            rest = rest[rest.index(after: end)...]
            switch body {
            case "*": out.append(forPattern ? literalStar : "*")
            case "?": out.append(forPattern ? literalQuestion : "?")
            case "$": out += "$"
            default:
                var key = Substring(body)
                var fallback: String?
                if let comma = body.firstIndex(of: ",") {
                    key = body[..<comma]
                    let d = body[body.index(after: comma)...].trimmingSpaces()
                    if d.count >= 2, d.first == "'", d.last == "'" { fallback = String(d.dropFirst().dropLast()) }
                }
                switch context[String(key.trimmingSpaces())] {
                case .values(let v) where v.count == 1: out += v[0]
                case .unknown, .noneOf, .arnOutside: return .unknown
                default:
                    guard let fallback else { return .unresolvable }
                    out += fallback
                }
            }
        }
        out += rest
        return .resolved(out)
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var s = self
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return s
    }
}
