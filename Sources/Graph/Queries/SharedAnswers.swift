import Policy
import Synchronization

/// Class answers shared by every group of a plan (`AccessModel.accessClassesOfEveryGroup`).
///
/// A class's answer is the evaluation of its first resource for the group's representative,
/// which reads, per target: the representative's side (its SCPs, identity policies and
/// boundary as prepared for the universe, account and match of their Resource elements), the
/// RCPs and the resource policy as prepared for it, and a few facts (the representative's kind
/// and account, the resource's account, type and Block Public Access, whether AWS owns the
/// target). A base of `PlanClassing` is one profile (kind, account, session facts, context as
/// read): resources of one base class hold equal static facts and prepare equal policies and
/// RCPs for every representative of the profile they do not name. So two classes of groups of
/// one base, in one base class, whose representatives' sides are equal target by target (policy
/// positions left out: they only name who grants), and whose targets AWS owns alike, decide
/// alike. Groups whose statements differ elsewhere (other services, other resources) share
/// answers this way, which `EvaluationKey` (equal statements) does not see.
/// `ResourceClassDifferentialTests` checks every principal's answers against `access(of:to:)`.
final class SharedAnswers: Sendable {
    struct Key: Hashable {
        let base: Int
        let baseClass: Int32
        /// Per target: the number of the representative's side (`number(of:)`) and `FixedRules.AWSOwned`.
        let sides: [Int]
        let owned: [FixedRules.AWSOwned?]
    }

    private let sides = Mutex<[PrincipalSide: Int]>([:])
    private let answers = Mutex<[Key: Access?]>([:])
    private let found = Mutex(0)

    init() {}

    /// How many answers were taken from another class so far.
    var hits: Int { found.withLock { $0 } }

    /// The number of `side`: equal sides get equal numbers.
    func number(of side: PrincipalSide) -> Int {
        sides.withLock { known in
            if let n = known[side] { return n }
            known[side] = known.count
            return known.count - 1
        }
    }

    /// The answer stored for `key`, if any (`.some(nil)`: no access).
    func answer(_ key: Key) -> Access?? {
        guard let known = answers.withLock({ $0[key] }) else { return nil }
        found.withLock { $0 += 1 }
        return known
    }

    func store(_ answer: Access?, for key: Key) {
        answers.withLock { $0[key] = answer }
    }
}

extension AccessModel {
    /// The key of `r` (of base class `baseClass` in profile `base`) for `p`, whose memo was
    /// reset for it: the number of `p`'s side on each target, as `memoizedAccess` prepares it.
    func sharedKey(
        _ r: ResourceEntry, for p: PrincipalEntry, base: Int, baseClass: Int32, memo: AccessMemo, shared: SharedAnswers
    ) -> SharedAnswers.Key {
        let context = memo.context(of: p, resourceAccount: r.account, in: self)
        var sides: [Int] = []
        sides.reserveCapacity(r.targets.count)
        for t in r.targets.indices {
            let universe = r.universes[t]
            let matches = memo.statementMatches(of: p, universe, target: r.targets[t], context: context)
            let key = AccessMemo.SideKey(universe: universe.id, account: r.account, statementMatches: matches)
            if let known = memo.sideNumbers[key] {
                sides.append(known)
                continue
            }
            let number = shared.number(
                of: memo.side(of: p, universe, target: r.targets[t], account: r.account, matches: matches, context: context, in: self).withoutPolicyIndices)
            memo.sideNumbers[key] = number
            sides.append(number)
        }
        return SharedAnswers.Key(base: base, baseClass: baseClass, sides: sides, owned: r.targets.map { FixedRules.AWSOwned($0) })
    }
}
