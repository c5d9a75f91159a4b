import Policy

/// Remembers answers of `access(of:to:)` for one principal across resources that no policy
/// tells apart: same account, type and actions, the same match of each of the principal's
/// resource-specific statements, and resource policies that prepare alike for the principal
/// (a policy that names only others prepares to nothing, like no policy at all).
/// Used by one task at a time.
public final class AccessMemo {
    var answers: [MemoKey: Access?] = [:]

    public init() {}
}

/// What decides a principal's access to a resource besides the principal itself.
struct MemoKey: Hashable {
    struct Target: Hashable {
        let universe: Int
        /// One `Tri` per resource-specific statement of the principal.
        let statementMatches: [Int8]
        let resourcePolicy: PreparedPolicy
    }

    let account: String
    let type: String
    let policyRequired: Bool
    var targets: [Target]
}

extension AccessModel {
    /// `access(of:to:)`, answered from `memo` when an earlier resource is indistinguishable.
    public func access(of p: PrincipalEntry, to r: ResourceEntry, memo: AccessMemo) -> Access? {
        guard !r.isRole, principals[p.id] != nil else { return access(of: p, to: r) }
        let context = factory.context(for: p, resourceAccount: r.account)
        let evaluator = Evaluator()
        var key = MemoKey(account: r.account, type: r.type, policyRequired: r.policyRequired, targets: [])
        key.targets.reserveCapacity(r.targets.count)
        for (target, universe) in zip(r.targets, r.universes) {
            var matches: [Int8] = []
            for s in p.resourceSpecificStatements where universe.service.map(s.mayCover(service:)) ?? true {
                matches.append(s.appliesTo(resource: target, context: p.context).rawValue)
            }
            let prepared = evaluator.prepareResourcePolicy(
                r.policy, universe: universe, principal: p.request, resource: target, resourceAccount: r.account,
                context: context, cache: masks)
            key.targets.append(MemoKey.Target(universe: universe.id, statementMatches: matches, resourcePolicy: prepared))
        }
        if let known = memo.answers[key] { return known }
        let answer = access(of: p, to: r)
        memo.answers[key] = answer
        return answer
    }
}
