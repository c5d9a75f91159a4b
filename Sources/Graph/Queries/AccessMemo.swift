import Policy

/// Remembers answers of `access(of:to:)` for one principal across resources that no policy
/// tells apart: no resource policy, same account, type and actions, and the same match of each
/// of the principal's resource-specific statements. Used by one task at a time.
public final class AccessMemo {
    var answers: [String: Access?] = [:]

    public init() {}
}

extension AccessModel {
    /// `access(of:to:)`, answered from `memo` when an earlier resource is indistinguishable.
    public func access(of p: PrincipalEntry, to r: ResourceEntry, memo: AccessMemo) -> Access? {
        guard r.policy == nil, !r.isRole, principals[p.id] != nil else { return access(of: p, to: r) }
        var key = r.account + "|" + r.type
        for (target, universe) in zip(r.targets, r.universes) {
            key += "|\(universe.id):"
            for s in p.resourceSpecificStatements {
                key.append(Character(Unicode.Scalar(UInt8(48 + s.appliesTo(resource: target, context: p.context).rawValue))))
            }
        }
        if let known = memo.answers[key] { return known }
        let answer = access(of: p, to: r)
        memo.answers[key] = answer
        return answer
    }
}
