/// The decision for one action of a batch.
public struct ActionDecision: Sendable {
    public let action: String
    /// `.yes` allowed, `.unknown` allowed if undecided conditions hold.
    public let result: Tri
    /// Undecided conditions of the Allow statements the result depends on.
    public let undecidedConditions: [Condition]
    /// Undecided conditions of the Deny statements that may apply: the access holds only if
    /// they do not (`Evaluation.undecidedDenyConditions` for this action).
    public let deniedWhen: [Condition]
    /// The action's position in the universe evaluated (`BatchGrants` masks are by position).
    public var index: Int = -1

    public init(action: String, result: Tri, undecidedConditions: [Condition], deniedWhen: [Condition] = []) {
        self.action = action
        self.result = result
        self.undecidedConditions = undecidedConditions
        self.deniedWhen = deniedWhen
    }
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
        evaluate(
            universe, principal: principal, resource: resource, resourceAccount: resourceAccount, context: context, policies: set,
            cache: cache, grants: false).decisions
    }

    /// `evaluate(_:principal:resource:resourceAccount:context:policies:cache:)`, and which
    /// policies grant each allowed action, as `Evaluation.grants` says for one request.
    public func evaluateWithGrants(
        _ universe: ActionUniverse, principal: RequestPrincipal, resource: RequestResource?, resourceAccount: String?,
        context: ConditionContext, policies set: PolicySet, cache: ActionMaskCache
    ) -> (decisions: [ActionDecision], grants: BatchGrants) {
        let out = evaluate(
            universe, principal: principal, resource: resource, resourceAccount: resourceAccount, context: context, policies: set,
            cache: cache, grants: true)
        return (out.decisions, out.grants ?? BatchGrants(identity: [], resource: ActionMask(count: universe.actions.count)))
    }

    func evaluate(
        _ universe: ActionUniverse, principal: RequestPrincipal, resource: RequestResource?, resourceAccount: String?,
        context: ConditionContext, policies set: PolicySet, cache: ActionMaskCache, grants wantGrants: Bool
    ) -> (decisions: [ActionDecision], grants: BatchGrants?) {
        if set.publicAccessBlocked(for: principal, resourceAccount: resourceAccount) { return ([], nil) }
        let side = preparePrincipalSide(
            universe, principal: principal, resource: resource, resourceAccount: resourceAccount, context: context, policies: set, cache: cache)
        return evaluate(
            universe, principal: principal, resource: resource, resourceAccount: resourceAccount, context: context, policies: set,
            sides: PreparedSides(principal: side), cache: cache, grants: wantGrants)
    }

    func evaluate(
        _ universe: ActionUniverse, principal: RequestPrincipal, resource: RequestResource?, resourceAccount: String?,
        context: ConditionContext, policies set: PolicySet, sides: PreparedSides, cache: ActionMaskCache, grants wantGrants: Bool
    ) -> (decisions: [ActionDecision], grants: BatchGrants?) {
        let side = sides.principal
        precondition(side.universe == universe.id, "a principal side is for one universe")
        let request = Request(principal: principal, action: "", resource: resource, resourceAccount: resourceAccount, context: context)
        let prep = Preparation(request: request, universe: universe, cache: cache)
        let rcp = sides.rcps?.levels ?? (set.rcpsApply(to: principal) ? set.rcpLevels.map { prep.prepare($0, type: .rcp(level: 0)) } : [])
        let identity = side.identity
        let resourcePolicy = sides.resourcePolicy?.statements ?? set.resourcePolicy.map { prep.prepare([$0], type: .resource) } ?? []

        // The decision for every action at once, as masks of three-valued results. `groups` in
        // this order gives the undecided conditions their order.
        let n = universe.actions.count
        let groups = side.scp + rcp + [identity, resourcePolicy] + (side.boundary.map { [$0] } ?? []) + (side.session.map { [$0] } ?? [])
        var deny = side.deny.or(Prepared.mask(resourcePolicy, effect: .deny, count: n))
        for level in rcp { deny = deny.or(Prepared.mask(level, effect: .deny, count: n)) }
        let scpOK = side.scpOK
        var rcpOK = TriMask(.yes, count: n)
        for level in rcp { rcpOK = rcpOK.and(Prepared.mask(level, effect: .allow, count: n)) }
        let inputs = GrantInputs(
            identity: side.identityAllow,
            boundary: side.boundaryAllow,
            session: side.sessionAllow,
            resourceAny: Prepared.mask(resourcePolicy, effect: .allow, count: n),
            resourcePrincipal: Prepared.mask(resourcePolicy, effect: .allow, class: .principal, count: n),
            resourceRole: Prepared.mask(resourcePolicy, effect: .allow, class: .role, count: n),
            resourceAccount: Prepared.mask(resourcePolicy, effect: .allow, class: .account, count: n),
            resourceAnyone: Prepared.mask(resourcePolicy, effect: .allow, class: .anyone, count: n))
        let sameAccount = resource == nil || principal.account == nil || principal.account == resourceAccount
        let core = DecisionLogic.core(
            principal: principal, sameAccount: sameAccount, resourcePolicyRequired: set.resourcePolicyRequired, inputs)
        let result = FixedRules.settle(deny.negated().and(scpOK).and(rcpOK).and(core), universe: universe, principal: principal, resource: resource)
        let grants = wantGrants
            ? BatchGrants(
                granted: result.notNo, identity: identity, resourcePolicy: resourcePolicy,
                sides: DecisionLogic.grantingSides(
                    principal: principal, sameAccount: sameAccount, resourcePolicyRequired: set.resourcePolicyRequired, inputs))
            : nil

        // The statements under undecided conditions, in `groups` order: an unknown action's
        // conditions are theirs that cover it, so actions covered by the same ones share one list.
        var unknowns: [Prepared]?
        var listsBySignature: [[Bool]: (undecided: [Condition], deniedWhen: [Condition])] = [:]
        var out: [ActionDecision] = []
        for w in result.notNo.words.indices where result.notNo.words[w] != 0 {
            var bits = result.notNo.words[w]
            while bits != 0 {
                let i = w * 64 + bits.trailingZeroBitCount
                bits &= bits - 1
                guard i < n else { break }
                let r = result.value(at: i)
                var lists: (undecided: [Condition], deniedWhen: [Condition]) = ([], [])
                if r == .unknown {
                    if unknowns == nil { unknowns = groups.joined().filter { $0.outcome == .unknown } }
                    let signature = unknowns!.map { $0.mask.contains(i) }
                    if let known = listsBySignature[signature] {
                        lists = known
                    } else {
                        for (s, covers) in zip(unknowns!, signature) where covers {
                            if s.effect == .allow {
                                for c in s.undecided where !lists.undecided.contains(c) { lists.undecided.append(c) }
                            } else {
                                for c in s.undecided where !lists.deniedWhen.contains(c) { lists.deniedWhen.append(c) }
                            }
                        }
                        listsBySignature[signature] = lists
                    }
                }
                var d = ActionDecision(action: universe.actions[i], result: r, undecidedConditions: lists.undecided, deniedWhen: lists.deniedWhen)
                d.index = i
                out.append(d)
            }
        }
        return (out, grants)
    }
}

/// Which policies grant the actions of one batch (`Evaluator.evaluateWithGrants`): per identity
/// policy and for the resource policy, the allowed actions whose allow its Allow statements take
/// part in (`DecisionLogic.grantingSides`), by position in the universe.
public struct BatchGrants: Sendable {
    /// Identity policies (indices into `PolicySet.identityPolicies`) with the actions each grants.
    let identity: [(policy: Int, actions: ActionMask)]
    /// The actions the resource policy grants.
    let resource: ActionMask

    init(identity: [(policy: Int, actions: ActionMask)], resource: ActionMask) {
        self.identity = identity
        self.resource = resource
    }

    init(granted: ActionMask, identity: [Prepared], resourcePolicy: [Prepared], sides: (identity: TriMask?, resource: TriMask)) {
        let count = granted.words.count * 64
        var byPolicy: [(policy: Int, actions: ActionMask)] = []
        if let side = sides.identity {
            let grantable = granted.intersection(side.notNo)
            for s in identity where s.effect == .allow {
                let m = s.mask.intersection(grantable)
                if m.isEmpty { continue }
                if let i = byPolicy.firstIndex(where: { $0.policy == s.policy }) {
                    byPolicy[i].actions.formUnion(m)
                } else {
                    byPolicy.append((s.policy, m))
                }
            }
        }
        var resource = ActionMask(count: count)
        if resourcePolicy.contains(where: { $0.effect == .allow }) { resource = granted.intersection(sides.resource.notNo) }
        self.identity = byPolicy.sorted { $0.policy < $1.policy }
        self.resource = resource
    }

    /// The identity policies (indices) granting some of the actions at `positions`, and whether the resource policy does.
    public func granting(_ positions: [Int]) -> (identity: [Int], resource: Bool) {
        let ids = identity.filter { g in positions.contains { g.actions.contains($0) } }.map(\.policy)
        return (ids, positions.contains { resource.contains($0) })
    }
}

/// A statement matched against one principal and resource, awaiting only the action.
struct Prepared: Hashable, Sendable {
    let mask: ActionMask
    /// The index of the statement's policy in the list prepared.
    var policy: Int = 0
    let effect: Effect
    let outcome: Tri
    let matchClass: PrincipalMatchClass?
    let undecided: [Condition]

    /// The group's statements of one effect (and principal class) as a mask: yes where a
    /// statement certainly applies, unknown where one applies under undecided conditions.
    static func mask(_ group: [Prepared], effect: Effect, class c: PrincipalMatchClass? = nil, count: Int) -> TriMask {
        var yes = ActionMask(count: count)
        var notNo = ActionMask(count: count)
        for s in group where s.effect == effect && (c == nil || s.matchClass == c) {
            notNo.formUnion(s.mask)
            if s.outcome == .yes { yes.formUnion(s.mask) }
        }
        return TriMask(yes: yes, notNo: notNo)
    }
}

/// Matches statements against everything but the action.
struct Preparation {
    let request: Request
    let universe: ActionUniverse
    let cache: ActionMaskCache

    func prepare(_ policies: [NamedPolicy], type: PolicyType) -> [Prepared] {
        var out: [Prepared] = []
        for (index, policy) in policies.enumerated() {
            for s in policy.document.statements {
                if let service = universe.service, !s.mayCover(service: service) { continue }
                guard let m = s.match(request, as: type), m.outcome != .no else { continue }
                let mask = cache.mask(s.action, in: universe)
                if mask.isEmpty { continue }
                out.append(Prepared(mask: mask, policy: index, effect: s.effect, outcome: m.outcome, matchClass: m.matchClass, undecided: m.undecided))
            }
        }
        return out
    }
}


/// One resource policy matched against one principal and resource target, all but the action:
/// the statements that may apply with their action masks, effect, outcome, principal class and
/// undecided conditions. Two resources whose policies prepare to equal values are decided
/// alike for that principal, whatever else their policies say.
public struct PreparedPolicy: Hashable, Sendable {
    let statements: [Prepared]

    /// No statement applies (no policy, or one that names only other principals).
    public static let empty = PreparedPolicy(statements: [])
}

/// A resource policy matched once against one target of its own resource: per statement that
/// may cover the universe's service, its actions there and whether its Resource element covers
/// the target (left open when the element holds policy variables). What is left per principal
/// is the Principal element and the conditions.
public struct TargetedPolicy: Sendable {
    struct Entry: Sendable {
        let statement: Statement
        let mask: ActionMask
        /// Nil when it depends on the request's context (policy variables).
        let resourceMatch: Tri?
    }

    let entries: [Entry]
    let universe: ActionUniverse
    let target: RequestResource?

    public init(_ policy: NamedPolicy, universe: ActionUniverse, target: RequestResource?, cache: ActionMaskCache) {
        var entries: [Entry] = []
        for s in policy.document.statements {
            if let service = universe.service, !s.mayCover(service: service) { continue }
            let mask = cache.mask(s.action, in: universe)
            if mask.isEmpty { continue }
            let variables: Bool
            switch s.resource {
            case .resource(let patterns)?, .notResource(let patterns)?: variables = patterns.contains { $0.hasVariables }
            case nil: variables = false
            }
            let match = variables ? nil : s.appliesTo(resource: target, context: ConditionContext(missingKeys: .unknown))
            if match == .no { continue }
            entries.append(Entry(statement: s, mask: mask, resourceMatch: match))
        }
        self.entries = entries
        self.universe = universe
        self.target = target
    }
}

extension Evaluator {
    /// A targeted resource policy prepared for `principal`: the same as `prepareResourcePolicy`
    /// on its policy, target and universe, without matching the Resource elements again.
    public func prepare(
        _ targeted: TargetedPolicy, principal: RequestPrincipal, resourceAccount: String?, context: ConditionContext
    ) -> PreparedPolicy {
        let request = Request(principal: principal, action: "", resource: targeted.target, resourceAccount: resourceAccount, context: context)
        var out: [Prepared] = []
        for e in targeted.entries {
            let resourceMatch = e.resourceMatch ?? e.statement.appliesTo(resource: targeted.target, context: context)
            guard let m = e.statement.match(request, as: .resource, resourceMatch: resourceMatch), m.outcome != .no else { continue }
            out.append(Prepared(mask: e.mask, effect: e.statement.effect, outcome: m.outcome, matchClass: m.matchClass, undecided: m.undecided))
        }
        return PreparedPolicy(statements: out)
    }

    /// `policy` (a resource policy) prepared for `principal` on `resource` over `universe`.
    public func prepareResourcePolicy(
        _ policy: NamedPolicy?, universe: ActionUniverse, principal: RequestPrincipal, resource: RequestResource?,
        resourceAccount: String?, context: ConditionContext, cache: ActionMaskCache
    ) -> PreparedPolicy {
        guard let policy else { return PreparedPolicy(statements: []) }
        let request = Request(principal: principal, action: "", resource: resource, resourceAccount: resourceAccount, context: context)
        return PreparedPolicy(statements: Preparation(request: request, universe: universe, cache: cache).prepare([policy], type: .resource))
    }
}
