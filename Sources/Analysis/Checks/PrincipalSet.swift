import Policy

/// The principals a statement applies to: those its `Principal` element lists, all but those
/// its `NotPrincipal` element lists, or (identity policies, SCPs) the principal the policy is
/// attached to, which is the same for both policies a check compares.
///
/// Containment is by name, never by inclusion of a role in its account: naming an account in a
/// resource policy delegates to the account's identity policies, naming a role grants it
/// directly (reference_policies_elements_principal.html), so the two are not interchangeable.
/// A grant to everyone covers a named principal, except an assumed-role session, whose direct
/// grant is not capped by the role's permissions boundary (access_policies_boundaries.html).
public enum PrincipalSet: Sendable, Hashable {
    case attached
    case listed([PrincipalPattern])
    case allExcept([PrincipalPattern])

    public init(_ clause: PrincipalClause?) {
        switch clause {
        case nil: self = .attached
        case .principal(let p)?: self = .listed(p)
        case .notPrincipal(let p)?: self = .allExcept(p)
        }
    }

    /// Parts whose union is the set.
    public var cells: [PrincipalSet] {
        if case .listed(let p) = self { return p.map { .listed([$0]) } }
        return [self]
    }

    /// Certainly every principal of `inner` is in `self`, named the same way.
    public func contains(_ inner: PrincipalSet) -> Bool {
        switch (self, inner) {
        case (.attached, .attached): return true
        case (.attached, _), (_, .attached): return false
        case (.listed(let q), .listed(let p)):
            return p.allSatisfy { x in q.contains { Self.names($0, x) } }
        case (.listed(let q), .allExcept):
            return q.contains(.anyone)
        case (.allExcept(let e), .listed(let p)):
            return p.allSatisfy { x in Self.surelyNotExcluded(x, by: e) }
        case (.allExcept(let e), .allExcept(let f)):
            let listed = Set(f.map(Self.key))
            return e.allSatisfy { listed.contains(Self.key($0)) }
        }
    }

    /// Whether some principal may be in both (yes when unsure).
    public func overlaps(_ o: PrincipalSet) -> Bool {
        switch (self, o) {
        case (.listed(let p), .listed(let q)):
            return p.contains { x in q.contains { Self.mayOverlap($0, x) } }
        default:
            return true
        }
    }

    /// Whether `outer` in a Principal element covers the principal `inner` names.
    static func names(_ outer: PrincipalPattern, _ inner: PrincipalPattern) -> Bool {
        if key(outer) == key(inner) { return true }
        return outer == .anyone && !isSession(inner)
    }

    /// A principal NotPrincipal cannot exclude: not everyone, not a session, not listed, and no
    /// listed principal of its account (NotPrincipal excludes a user or role only when its
    /// account is listed too, reference_policies_elements_notprincipal.html).
    static func surelyNotExcluded(_ x: PrincipalPattern, by excluded: [PrincipalPattern]) -> Bool {
        if x == .anyone || isSession(x) { return false }
        let k = key(x)
        if excluded.contains(where: { key($0) == k || $0 == .anyone }) { return false }
        if let account = x.account { return !excluded.contains { $0.account == account } }
        return true
    }

    static func mayOverlap(_ a: PrincipalPattern, _ b: PrincipalPattern) -> Bool {
        switch (a, b) {
        case (.anyone, _), (_, .anyone): return true
        case (.aws, .aws):
            guard let x = a.account, let y = b.account else { return true }
            return x == y
        case (.service, .service), (.federated, .federated): return key(a) == key(b)
        case (.canonicalUser, _), (_, .canonicalUser): return true
        default: return false
        }
    }

    static func isSession(_ p: PrincipalPattern) -> Bool {
        guard case .aws(let arn) = p else { return false }
        return arn.contains(":assumed-role/")
    }

    /// Services compare case-insensitively, every other name exactly.
    static func key(_ p: PrincipalPattern) -> String {
        switch p {
        case .anyone: "*"
        case .aws(let s): "aws:" + s
        case .service(let s): "service:" + s.lowercased()
        case .federated(let s): "federated:" + s
        case .canonicalUser(let s): "canonical:" + s
        }
    }

    public var description: String {
        switch self {
        case .attached: "the principal the policy is attached to"
        case .listed(let p): p.map(\.description).joined(separator: ", ")
        case .allExcept(let e): "every principal but " + e.map(\.description).joined(separator: ", ")
        }
    }
}
