/// A three-valued quantity the decision formula runs on: one `Tri`, or one `Tri` per
/// action of a universe (`TriMask`), so the scalar and the batch evaluators share one formula.
protocol TriValue {
    func and(_ other: Self) -> Self
    func or(_ other: Self) -> Self
    func negated() -> Self
}

extension Tri: TriValue {
    @inline(__always) func and(_ other: Tri) -> Tri { self && other }
    @inline(__always) func or(_ other: Tri) -> Tri { self || other }
    @inline(__always) func negated() -> Tri { !self }
}

/// One `Tri` per action: `yes` holds the actions that are yes, `notNo` those that are yes or unknown.
struct TriMask: TriValue, Hashable, Sendable {
    var yes: ActionMask
    var notNo: ActionMask

    init(yes: ActionMask, notNo: ActionMask) {
        self.yes = yes
        self.notNo = notNo
    }

    /// Every action `t`.
    init(_ t: Tri, count: Int) {
        let none = ActionMask(count: count)
        let all = ActionMask.full(count)
        switch t {
        case .yes: self.init(yes: all, notNo: all)
        case .unknown: self.init(yes: none, notNo: all)
        case .no: self.init(yes: none, notNo: none)
        }
    }

    func and(_ o: TriMask) -> TriMask { TriMask(yes: yes.intersection(o.yes), notNo: notNo.intersection(o.notNo)) }
    func or(_ o: TriMask) -> TriMask { TriMask(yes: yes.union(o.yes), notNo: notNo.union(o.notNo)) }
    func negated() -> TriMask { TriMask(yes: notNo.complement(), notNo: yes.complement()) }

    func value(at i: Int) -> Tri { yes.contains(i) ? .yes : notNo.contains(i) ? .unknown : .no }
}

/// The inputs of the allow decision that do not depend on deny statements, SCPs or RCPs.
struct GrantInputs<T: TriValue> {
    var identity: T
    var boundary: T
    var session: T
    var resourceAny: T
    var resourcePrincipal: T
    var resourceRole: T
    var resourceAccount: T
    var resourceAnyone: T
}

enum DecisionLogic {
    /// Whether the identity side and the resource policy together allow
    /// (reference_policies_evaluation-logic_policy-eval-basics.html, -cross-account.html,
    /// access_policies_boundaries.html, key-policy-default.html):
    /// - principals without identity policies (services, federated identities, anonymous) have
    ///   only the resource policy;
    /// - across accounts both sides must allow;
    /// - in one account an identity allow (capped by boundary and session policy) or a direct
    ///   resource-policy grant suffices: a grant to a user ARN or a session ARN is not capped by
    ///   boundary or session policy, a grant to a role ARN (or `*`, for a role) is;
    /// - where the resource policy is required (KMS keys, role trust) identity policies count only
    ///   through a grant to the account.
    static func core<T: TriValue>(
        principal p: RequestPrincipal, sameAccount: Bool, resourcePolicyRequired: Bool, _ x: GrantInputs<T>
    ) -> T {
        guard p.hasIdentityPolicies else { return x.resourceAny }
        let identityPath = x.identity.and(x.boundary).and(x.session)
        guard sameAccount else { return identityPath.and(x.resourceAny) }
        let direct = directGrant(principal: p, x)
        if resourcePolicyRequired { return direct.or(x.resourceAccount.and(identityPath)) }
        return identityPath.or(direct)
    }

    /// A same-account resource-policy grant to the principal itself (not through its account):
    /// a grant to a user ARN or a session ARN is not capped by boundary or session policy, a
    /// grant to a role ARN (or `*`, for a role) is (access_policies_boundaries.html).
    static func directGrant<T: TriValue>(principal p: RequestPrincipal, _ x: GrantInputs<T>) -> T {
        switch p.kind {
        case .role:
            x.resourcePrincipal.or(x.resourceRole.or(x.resourceAnyone).and(x.boundary).and(x.session))
        case .federatedUser:
            x.resourcePrincipal.or(x.resourceAnyone).and(x.session)
        default:
            x.resourcePrincipal.or(x.resourceAnyone).or(x.resourceRole)
        }
    }

    /// Which side's Allow statements take part in `core`'s allow: the identity policies
    /// (nil: they cannot, the principal has none) and the resource policy, each `.no` where
    /// that side grants nothing. Same reading of the pages as `core`:
    /// - principals without identity policies: only the resource policy grants;
    /// - across accounts both sides grant together (reference_policies_evaluation-logic-cross-account.html);
    /// - in one account, an identity allow (capped by boundary and session policy) grants, and so
    ///   does a resource-policy grant to the principal itself; a grant to the account root only
    ///   delegates to the identity side (reference_policies_elements_principal.html);
    /// - where the resource policy is required (KMS keys, role trust), the identity policies grant
    ///   only with a grant to the account, together with it (key-policy-default.html).
    static func grantingSides<T: TriValue>(
        principal p: RequestPrincipal, sameAccount: Bool, resourcePolicyRequired: Bool, _ x: GrantInputs<T>
    ) -> (identity: T?, resource: T) {
        guard p.hasIdentityPolicies else { return (nil, x.resourceAny) }
        let identityPath = x.identity.and(x.boundary).and(x.session)
        guard sameAccount else {
            let both = identityPath.and(x.resourceAny)
            return (both, both)
        }
        let direct = directGrant(principal: p, x)
        guard resourcePolicyRequired else { return (identityPath, direct) }
        let delegated = x.resourceAccount.and(identityPath)
        return (delegated, direct.or(delegated))
    }
}
