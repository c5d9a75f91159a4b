import Policy
import Snapshot

extension AccessModel {
    /// Whether the SCPs that apply to `p` could allow some action of `universe` on some resource
    /// (false lets a whole type of resource be skipped for `p`). SCP levels are the same for every
    /// principal of an account, so this was decided once per account when the model was built.
    func scpsMayAllowSome(of universe: ActionUniverse, principal p: PrincipalEntry) -> Bool {
        guard p.policies.scpsApply(to: p.request), let account = p.request.account else { return true }
        return !(scpClosedUniverses[account]?.contains(universe.id) ?? false)
    }

    /// The universes whose every action the SCPs that apply to `p` deny (empty when none apply).
    func scpClosedUniverses(for p: PrincipalEntry) -> Set<Int> {
        guard p.policies.scpsApply(to: p.request), let account = p.request.account else { return [] }
        return scpClosedUniverses[account] ?? []
    }

    /// The universes each account's SCP levels close.
    static func scpClosedUniverses(_ snapshot: Snapshot, universes: [ActionUniverse], masks: ActionMaskCache) -> [String: Set<Int>] {
        guard let organization = snapshot.organization else { return [:] }
        var out: [String: Set<Int>] = [:]
        for account in snapshot.accountIDs {
            let levels = organization.scpLevels(forAccount: account)
            guard !levels.isEmpty else { continue }
            let closed = universes.filter { !Evaluator().scpLevelsMayAllowSome(of: $0, levels: levels, cache: masks) }
            if !closed.isEmpty { out[account] = Set(closed.map(\.id)) }
        }
        return out
    }
}
