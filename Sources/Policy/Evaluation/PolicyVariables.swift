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

    static func resolve(_ text: String, in context: ConditionContext) -> Resolution {
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
            case "*": out += "*"
            case "?": out += "?"
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
