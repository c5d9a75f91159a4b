/// Parts of a batch evaluation prepared once and reused for many resources
/// (`Evaluator.preparePrincipalSide`, `prepareRCPs`, `prepareResourcePolicy`): the caller keys
/// each by everything it depends on (`AccessMemo` in the Graph module), and the evaluation with
/// them is the evaluation without them.
extension Evaluator {
    /// The principal's side of `evaluate(_:principal:resource:resourceAccount:context:policies:cache:)`:
    /// its SCP levels, identity policies, boundary and session policies matched against the
    /// request, with their masks. It depends on the resource only through how the Resource
    /// elements of those statements match it, so one side serves every resource they match alike
    /// in the same account (the caller keys it so).
    public func preparePrincipalSide(
        _ universe: ActionUniverse, principal: RequestPrincipal, resource: RequestResource?, resourceAccount: String?,
        context: ConditionContext, policies set: PolicySet, cache: ActionMaskCache
    ) -> PrincipalSide {
        let request = Request(principal: principal, action: "", resource: resource, resourceAccount: resourceAccount, context: context)
        let prep = Preparation(request: request, universe: universe, cache: cache)
        let scp = set.scpsApply(to: principal) ? set.scpLevels.map { prep.prepare($0, type: .scp(level: 0)) } : []
        let identity = prep.prepare(set.identityPolicies, type: .identity)
        let boundary = set.permissionsBoundary.map { prep.prepare($0, type: .permissionsBoundary) }
        let session = set.sessionPolicies.map { prep.prepare($0, type: .session) }
        let n = universe.actions.count
        var deny = TriMask(.no, count: n)
        for group in scp + [identity] + (boundary.map { [$0] } ?? []) + (session.map { [$0] } ?? []) {
            deny = deny.or(Prepared.mask(group, effect: .deny, count: n))
        }
        var scpOK = TriMask(.yes, count: n)
        for level in scp { scpOK = scpOK.and(Prepared.mask(level, effect: .allow, count: n)) }
        let yes = TriMask(.yes, count: n)
        return PrincipalSide(
            universe: universe.id, scp: scp, identity: identity, boundary: boundary, session: session, deny: deny, scpOK: scpOK,
            identityAllow: set.identityAssumedToAllow ? yes : Prepared.mask(identity, effect: .allow, count: n),
            boundaryAllow: boundary.map { Prepared.mask($0, effect: .allow, count: n) } ?? yes,
            sessionAllow: session.map { Prepared.mask($0, effect: .allow, count: n) } ?? yes)
    }

    /// The RCP levels of `evaluate(_:principal:resource:resourceAccount:context:policies:cache:)`
    /// matched against the request (nil when RCPs do not apply to the principal). They depend on
    /// the resource only through its account's RCP path and how their Resource elements match it.
    public func prepareRCPs(
        _ universe: ActionUniverse, principal: RequestPrincipal, resource: RequestResource?, resourceAccount: String?,
        context: ConditionContext, policies set: PolicySet, cache: ActionMaskCache
    ) -> PreparedRCPs {
        guard set.rcpsApply(to: principal) else { return PreparedRCPs(levels: []) }
        let request = Request(principal: principal, action: "", resource: resource, resourceAccount: resourceAccount, context: context)
        let prep = Preparation(request: request, universe: universe, cache: cache)
        return PreparedRCPs(levels: set.rcpLevels.map { prep.prepare($0, type: .rcp(level: 0)) })
    }

    /// `evaluate(_:principal:resource:resourceAccount:context:policies:cache:)` with parts of the
    /// request prepared already (`PreparedSides`, each prepared for this universe, principal and
    /// account, and a resource whose policy and Resource elements prepare as `resource`'s do).
    public func evaluate(
        _ universe: ActionUniverse, principal: RequestPrincipal, resource: RequestResource?, resourceAccount: String?,
        context: ConditionContext, policies set: PolicySet, sides: PreparedSides, cache: ActionMaskCache
    ) -> [ActionDecision] {
        if set.publicAccessBlocked(for: principal, resourceAccount: resourceAccount) { return [] }
        return evaluate(
            universe, principal: principal, resource: resource, resourceAccount: resourceAccount, context: context, policies: set,
            sides: sides, cache: cache, grants: false).decisions
    }
}

/// The principal's side of a batch evaluation (`Evaluator.preparePrincipalSide`): what its SCP
/// levels, identity policies, boundary and session policies say for one universe, principal,
/// account and match of their Resource elements, as prepared statements and masks.
public struct PrincipalSide: Hashable, Sendable {
    let universe: Int
    let scp: [[Prepared]]
    let identity: [Prepared]
    let boundary: [Prepared]?
    let session: [Prepared]?
    /// The Deny statements of all of them; the SCP levels' Allow, level by level.
    let deny: TriMask
    let scpOK: TriMask
    let identityAllow: TriMask
    let boundaryAllow: TriMask
    let sessionAllow: TriMask
}


/// RCP levels matched against one principal and resource, all but the action.
public struct PreparedRCPs: Hashable, Sendable {
    let levels: [[Prepared]]
}

/// The parts of one evaluation prepared beforehand: the principal's side, and optionally the
/// RCPs and the resource policy (prepared on the spot when nil).
public struct PreparedSides: Sendable {
    public var principal: PrincipalSide
    public var rcps: PreparedRCPs?
    public var resourcePolicy: PreparedPolicy?

    public init(principal: PrincipalSide, rcps: PreparedRCPs? = nil, resourcePolicy: PreparedPolicy? = nil) {
        self.principal = principal
        self.rcps = rcps
        self.resourcePolicy = resourcePolicy
    }
}

extension PrincipalSide {
    /// The side with every statement's policy index cleared: what an evaluation without grants
    /// reads of it (the index names the policy that grants, `BatchGrants`).
    public var withoutPolicyIndices: PrincipalSide {
        func cleared(_ group: [Prepared]) -> [Prepared] {
            group.map { s in
                var s = s
                s.policy = 0
                return s
            }
        }
        return PrincipalSide(
            universe: universe, scp: scp.map(cleared), identity: cleared(identity), boundary: boundary.map(cleared),
            session: session.map(cleared), deny: deny, scpOK: scpOK, identityAllow: identityAllow, boundaryAllow: boundaryAllow,
            sessionAllow: sessionAllow)
    }
}
