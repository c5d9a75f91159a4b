import Policy

/// Remembers answers of `access(of:to:)` for one principal across resources that no policy
/// tells apart: same account, type and actions, the same match of each of the principal's
/// resource-specific statements, and resource policies that prepare alike for the principal
/// (a policy that names only others prepares to nothing, like no policy at all).
/// Used by one task at a time, for one principal (asking for another starts it afresh).
public final class AccessMemo {
    var principal: ObjectIdentifier?
    var answers: [MemoKey: Access?] = [:]
    /// Whether answers are kept (a caller whose resources each decide apart, as the classes of
    /// `accessClassesOfEveryGroup` do, saves the keeping and the looking up).
    var remembers = true
    /// The principal's resource-specific statements that may cover each universe's service.
    var statementsByUniverse: [Int: [Statement]] = [:]
    /// What is the same for every resource: the universes its SCPs close, its account's root ARN.
    var scpClosed: Set<Int> = []
    var accountRoot: String?
    /// The principal's request context per resource account (`requestContext(of:resourceAccount:)`).
    var contexts: [String: ConditionContext] = [:]
    /// The principal's side of evaluations (`Evaluator.preparePrincipalSide`), by universe,
    /// resource account and match of its resource-specific statements: all it depends on.
    var sides: [SideKey: PrincipalSide] = [:]
    /// Its RCP levels prepared (`Evaluator.prepareRCPs`), by universe, resource account (whose
    /// RCP path they are) and match of the RCP statements whose Resource is not `*`.
    var rcps: [SideKey: PreparedRCPs] = [:]
    /// The number of each side of `sides`, and of each of `rcps`, in a `SharedAnswers`.
    var sideNumbers: [SideKey: Int32] = [:]
    var rcpNumbers: [SideKey: Int32] = [:]

    struct SideKey: Hashable {
        let universe: Int
        let account: String
        let statementMatches: [Int8]
    }

    public init() {}

    /// Starts afresh for `p`.
    func reset(for p: PrincipalEntry, in model: AccessModel) {
        principal = ObjectIdentifier(p)
        answers = [:]
        statementsByUniverse = [:]
        scpClosed = model.scpClosedUniverses(for: p)
        accountRoot = p.request.accountRootArn
        contexts = [:]
        sides = [:]
        rcps = [:]
        sideNumbers = [:]
        rcpNumbers = [:]
    }

    /// The request context of the memo's principal on a resource of `account`, built once per account.
    func context(of p: PrincipalEntry, resourceAccount account: String, in model: AccessModel) -> ConditionContext {
        if let known = contexts[account] { return known }
        let c = model.requestContext(of: p, resourceAccount: account)
        contexts[account] = c
        return c
    }
}

/// What decides a principal's access to a resource besides the principal itself.
struct MemoKey: Hashable {
    struct Target: Hashable {
        let universe: Int
        /// One `Tri` per resource-specific statement of the principal.
        let statementMatches: [Int8]
        /// One `Tri` per RCP statement whose Resource is not `*` (`rcpResourceSpecificStatements`).
        let rcpMatches: [Int8]
        let resourcePolicy: PreparedPolicy
    }

    let account: String
    let type: String
    let policyRequired: Bool
    /// S3's RestrictPublicBuckets: a public policy admits only AWS services and the owner's account.
    let restrictPublicAccess: Bool
    var targets: [Target]
}

extension AccessModel {
    /// `access(of:to:)`, answered from `memo` when an earlier resource is indistinguishable.
    public func access(of p: PrincipalEntry, to r: ResourceEntry, memo: AccessMemo) -> Access? {
        guard !r.isRole, principals[p.id] != nil else { return access(of: p, to: r) }
        return memoizedAccess(of: p, to: r, memo: memo)
    }

    /// The same for a snapshot principal and a resource that is not a role (the caller checked).
    func memoizedAccess(of p: PrincipalEntry, to r: ResourceEntry, memo: AccessMemo) -> Access? {
        if memo.principal != ObjectIdentifier(p) { memo.reset(for: p, in: self) }
        // SCPs that allow none of the resource's actions: nothing else can grant them.
        if !memo.scpClosed.isEmpty, !r.universes.contains(where: { !memo.scpClosed.contains($0.id) }) { return nil }
        let context = memo.context(of: p, resourceAccount: r.account, in: self)
        let evaluator = Evaluator()
        let policyMayApply = r.policyMayApply(to: p.request, accountRoot: memo.accountRoot)
        var key = MemoKey(
            account: r.account, type: r.type, policyRequired: r.policyRequired, restrictPublicAccess: r.restrictPublicAccess, targets: [])
        key.targets.reserveCapacity(r.targets.count)
        for t in r.targets.indices {
            let matches = memo.statementMatches(of: p, r.universes[t], target: r.targets[t], context: context)
            let prepared: PreparedPolicy
            if !policyMayApply {
                prepared = .empty
            } else if let targeted = r.targetedPolicies[t] {
                prepared = evaluator.prepare(targeted, principal: p.request, resourceAccount: r.account, context: context)
            } else {
                prepared = evaluator.prepareResourcePolicy(
                    r.policy, universe: r.universes[t], principal: p.request, resource: r.targets[t], resourceAccount: r.account,
                    context: context, cache: masks)
            }
            let rcpMatches = r.rcpResourceSpecificStatements.map { $0.appliesTo(resource: r.targets[t], context: context).rawValue }
            key.targets.append(MemoKey.Target(
                universe: r.universes[t].id, statementMatches: matches, rcpMatches: rcpMatches, resourcePolicy: prepared))
        }
        if memo.remembers, let known = memo.answers[key] { return known }
        // The principal's side of each target's evaluation depends only on the universe, the
        // account and how its resource-specific statements match the target (the key's matches).
        // So do the RCPs, by their own matches; the resource policy is the one the key holds.
        let targets = key.targets
        let answer = evaluate(p, r, actions: nil, grants: false, context: context) { t, universe in
            let target = targets[t]
            return PreparedSides(
                principal: memo.side(of: p, universe, target: r.targets[t], account: r.account, matches: target.statementMatches, context: context, in: self),
                rcps: memo.rcps(of: p, universe, resource: r, target: t, matches: target.rcpMatches, context: context, in: self),
                resourcePolicy: target.resourcePolicy)
        }?.access
        if memo.remembers { memo.answers[key] = answer }
        return answer
    }
}

extension AccessMemo {
    /// The memo principal's side of an evaluation on `target` of `universe` in `account`, whose
    /// resource-specific statements covering the universe's service match it as `matches` says:
    /// prepared once per such key.
    func side(
        of p: PrincipalEntry, _ universe: ActionUniverse, target: RequestResource?, account: String, matches: [Int8],
        context: ConditionContext, in model: AccessModel
    ) -> PrincipalSide {
        let key = SideKey(universe: universe.id, account: account, statementMatches: matches)
        if let known = sides[key] { return known }
        let side = Evaluator().preparePrincipalSide(
            universe, principal: p.request, resource: target, resourceAccount: account, context: context, policies: p.policies,
            cache: model.masks)
        sides[key] = side
        return side
    }

    /// The memo principal's RCP levels prepared for target `t` of `r`, whose RCP statements with
    /// a Resource other than `*` match it as `matches` says: prepared once per such key.
    func rcps(
        of p: PrincipalEntry, _ universe: ActionUniverse, resource r: ResourceEntry, target t: Int, matches: [Int8],
        context: ConditionContext, in model: AccessModel
    ) -> PreparedRCPs {
        let key = SideKey(universe: universe.id, account: r.account, statementMatches: matches)
        if let known = rcps[key] { return known }
        let prepared = Evaluator().prepareRCPs(
            universe, principal: p.request, resource: r.targets[t], resourceAccount: r.account, context: context,
            policies: model.policies(of: p, on: r), cache: model.masks)
        rcps[key] = prepared
        return prepared
    }

    /// How each of `p`'s resource-specific statements that may cover `universe`'s service matches
    /// `target` (`Tri` raw values): with the universe and account, all its side depends on.
    func statementMatches(of p: PrincipalEntry, _ universe: ActionUniverse, target: RequestResource?, context: ConditionContext) -> [Int8] {
        let statements = self.statements(of: p, covering: universe)
        guard !statements.isEmpty else { return [] }
        var matches: [Int8] = []
        matches.reserveCapacity(statements.count)
        for s in statements { matches.append(s.appliesTo(resource: target, context: context).rawValue) }
        return matches
    }

    func statements(of p: PrincipalEntry, covering universe: ActionUniverse) -> [Statement] {
        if let known = statementsByUniverse[universe.id] { return known }
        let found = p.resourceSpecificStatements.filter { s in universe.service.map(s.mayCover(service:)) ?? true }
        statementsByUniverse[universe.id] = found
        return found
    }
}
