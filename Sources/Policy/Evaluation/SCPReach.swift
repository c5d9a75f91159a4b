extension Evaluator {
    /// Whether the SCPs that apply to `principal` could allow some action of `universe` on some
    /// resource. Every level must allow an action (scps_evaluation.html: "an explicit Allow at every
    /// level from the root to the account"), and a Deny without conditions on every resource removes
    /// it. False means no identity or resource policy can grant the principal any of those actions,
    /// so a whole type of resource can be skipped without evaluating each one.
    public func scpsMayAllowSome(of universe: ActionUniverse, principal: RequestPrincipal, policies set: PolicySet, cache: ActionMaskCache) -> Bool {
        guard set.scpsApply(to: principal) else { return true }
        return scpLevelsMayAllowSome(of: universe, levels: set.scpLevels, cache: cache)
    }

    /// The same for SCP levels known to apply (the principal's exemptions already checked).
    public func scpLevelsMayAllowSome(of universe: ActionUniverse, levels: [[NamedPolicy]], cache: ActionMaskCache) -> Bool {
        let n = universe.actions.count
        var possible = ActionMask.full(n)
        for level in levels {
            var allowed = ActionMask(count: n)
            for policy in level {
                for s in policy.document.statements where s.effect == .allow {
                    allowed.formUnion(cache.mask(s.action, in: universe))
                }
            }
            possible = possible.intersection(allowed)
            for policy in level {
                for s in policy.document.statements where s.effect == .deny && s.conditions.isEmpty && s.coversEveryResource {
                    possible = possible.intersection(cache.mask(s.action, in: universe).complement())
                }
            }
        }
        return !possible.isEmpty
    }
}

extension Statement {
    /// True when the statement applies whatever the resource (`Resource: "*"` or none).
    var coversEveryResource: Bool {
        guard let clause = resource else { return true }
        if case .resource(let patterns) = clause { return patterns.contains { $0.isAny } }
        return false
    }
}
