/// A principal as it is after self-grants (`Escalation.granted(_:_:)`), with the grants that
/// make it so, in the order they are taken.
public struct GrantedPrincipal: Sendable {
    /// The principal with what the grants add (its boundary and SCPs unchanged).
    public let principal: PrincipalEntry
    /// The self-grant edges taken, the first on the principal as it is.
    public let grants: [EscalationEdge]

    /// The undecided conditions of every grant, merged.
    public var conditions: [String: [String: [String]]] { grants.reduce([:]) { EscalationEdge.merge($0, $1.conditions) } }
    public var deniedWhen: [String: [String: [String]]] { grants.reduce([:]) { EscalationEdge.merge($0, $1.deniedWhen) } }
}

extension Escalation {
    /// What `principal` can make of itself by self-grants, for walks that follow them
    /// (`findings --with-escalation`): when it can give itself any permission, the one principal
    /// after the shortest chain to that (`adminGrants(of:)`); else one per other self-grant (a
    /// group joined, a policy version made the default), each taken on its own. Empty when it has none.
    public func grantedPrincipals(of principal: String, memo: EscalationMemo = EscalationMemo()) -> [GrantedPrincipal] {
        guard let p = model.principals[principal] else { return [] }
        if let chain = adminGrants(of: principal, memo: memo) {
            let entry = chain.reduce(p) { widened, e in e.grant.map { granted(widened, $0) } ?? widened }
            return [GrantedPrincipal(principal: entry, grants: chain)]
        }
        var seen: Set<SelfGrant> = []
        return selfGrants(of: principal, memo: memo).compactMap { e in
            guard let g = e.grant, seen.insert(g).inserted else { return nil }
            return GrantedPrincipal(principal: granted(p, g), grants: [e])
        }
    }
}
