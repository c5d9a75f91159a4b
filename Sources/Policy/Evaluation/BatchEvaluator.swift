/// The decision for one action of a batch.
public struct ActionDecision: Sendable {
    public let action: String
    /// `.yes` allowed, `.unknown` allowed if undecided conditions hold.
    public let result: Tri
    /// Undecided conditions of the Allow statements the result depends on.
    public let undecidedConditions: [Condition]
}

extension Evaluator {
    /// Decides every action of `universe` for one principal and one resource target at once,
    /// with the same rules as `evaluate(_:_:)`. Statements are matched against the principal,
    /// the resource and the conditions once; per action only the cached Action masks are
    /// consulted. Returns the actions that are allowed or conditionally allowed.
    public func evaluate(
        _ universe: ActionUniverse, principal: RequestPrincipal, resource: RequestResource?, resourceAccount: String?,
        context: ConditionContext, policies set: PolicySet, cache: ActionMaskCache
    ) -> [ActionDecision] {
        let request = Request(principal: principal, action: "", resource: resource, resourceAccount: resourceAccount, context: context)
        var prep = Preparation(request: request, universe: universe, cache: cache)
        let scp = set.scpsApply(to: principal) ? set.scpLevels.map { prep.prepare($0, type: .scp(level: 0)) } : []
        let rcp = set.rcpsApply(to: principal) ? set.rcpLevels.map { prep.prepare($0, type: .rcp(level: 0)) } : []
        let identity = prep.prepare(set.identityPolicies, type: .identity)
        let boundary = set.permissionsBoundary.map { prep.prepare($0, type: .permissionsBoundary) }
        let session = set.sessionPolicies.map { prep.prepare($0, type: .session) }
        let resourcePolicy = set.resourcePolicy.map { prep.prepare([$0], type: .resource) } ?? []

        // Only actions some Allow statement covers can be allowed.
        var candidates = ActionMask(count: universe.actions.count)
        // (A principal whose identity side is assumed is outside the account: only the resource policy can grant.)
        for s in resourcePolicy where s.effect == .allow { candidates.formUnion(s.mask) }
        if !set.identityAssumedToAllow { for s in identity where s.effect == .allow { candidates.formUnion(s.mask) } }
        let groups = scp + rcp + [identity, resourcePolicy] + (boundary.map { [$0] } ?? []) + (session.map { [$0] } ?? [])

        let pass = EvaluationPass(request: request, explain: false)
        var out: [ActionDecision] = []
        for i in 0..<universe.actions.count where candidates.contains(i) {
            var deny = Tri.no
            var undecided: [Condition] = []
            func allows(_ group: [Prepared]) -> Tri { Prepared.allow(group, at: i) }
            for group in groups { deny = deny || Prepared.deny(group, at: i) }
            var scpOK = Tri.yes
            for level in scp { scpOK = scpOK && allows(level) }
            var rcpOK = Tri.yes
            for level in rcp { rcpOK = rcpOK && allows(level) }
            let identityOK = set.identityAssumedToAllow ? Tri.yes : allows(identity)
            let boundaryOK = boundary.map(allows) ?? .yes
            let sessionOK = session.map(allows) ?? .yes
            let rp = Prepared.allowsByClass(resourcePolicy, at: i)
            let (core, _, _) = pass.combine(set, identity: identityOK, boundary: boundaryOK, session: sessionOK, resource: rp)
            let result = !deny && scpOK && rcpOK && core
            guard result != .no else { continue }
            if result == .unknown {
                for group in groups {
                    for s in group where s.effect == .allow && s.outcome == .unknown && s.mask.contains(i) {
                        for c in s.undecided where !undecided.contains(c) { undecided.append(c) }
                    }
                }
            }
            out.append(ActionDecision(action: universe.actions[i], result: result, undecidedConditions: undecided))
        }
        return out
    }
}

/// A statement matched against one principal and resource, awaiting only the action.
struct Prepared {
    let mask: ActionMask
    let effect: Effect
    let outcome: Tri
    let matchClass: PrincipalMatchClass?
    let undecided: [Condition]

    static func allow(_ group: [Prepared], at i: Int) -> Tri {
        var r = Tri.no
        for s in group where s.effect == .allow && s.mask.contains(i) {
            r = r || s.outcome
            if r == .yes { break }
        }
        return r
    }

    static func deny(_ group: [Prepared], at i: Int) -> Tri {
        var r = Tri.no
        for s in group where s.effect == .deny && s.mask.contains(i) {
            r = r || s.outcome
            if r == .yes { break }
        }
        return r
    }

    static func allowsByClass(_ group: [Prepared], at i: Int) -> EvaluationPass.Allows {
        var a = EvaluationPass.Allows()
        for s in group where s.effect == .allow && s.mask.contains(i) {
            a.any = a.any || s.outcome
            if let c = s.matchClass { a.byClass[c] = (a.byClass[c] ?? .no) || s.outcome }
        }
        return a
    }
}

/// Matches statements against everything but the action.
struct Preparation {
    let request: Request
    let universe: ActionUniverse
    let cache: ActionMaskCache

    func prepare(_ policies: [NamedPolicy], type: PolicyType) -> [Prepared] {
        var out: [Prepared] = []
        for policy in policies {
            for s in policy.document.statements {
                if let service = universe.service, !s.mayCover(service: service) { continue }
                let resourceMatch = s.appliesTo(resource: request.resource, context: request.context)
                if resourceMatch == .no { continue }
                let (principalMatch, matchClass) = type == .resource || type.isRCP ? s.principalMatch(request.principal) : (.yes, nil)
                if principalMatch == .no { continue }
                let conditions = s.conditionOutcome(request.context)
                let outcome = resourceMatch && principalMatch && conditions
                if outcome == .no { continue }
                let mask = cache.mask(s.action, in: universe)
                if mask.isEmpty { continue }
                let undecided = outcome == .unknown
                    ? s.conditions.filter { ConditionEvaluator.evaluate($0, in: request.context) == .unknown } : []
                out.append(Prepared(mask: mask, effect: s.effect, outcome: outcome, matchClass: matchClass, undecided: undecided))
            }
        }
        return out
    }
}

