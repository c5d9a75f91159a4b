import Policy
import Synchronization

/// Class answers shared by every group of a plan (`AccessModel.accessClassesOfEveryGroup`).
///
/// A class's answer is the evaluation of its first resource for the group's representative
/// (`memoizedAccess`), target by target with every part prepared: the representative's side
/// (its SCPs, identity policies and boundary as prepared for the universe, account and match of
/// their Resource elements), the RCPs and the resource policy as prepared for it. Given those,
/// the evaluation (`Evaluator.evaluate` with `PreparedSides`, and `FixedRules.settle`) reads only
/// the universe (part of the side), the principal's kind and whether it has identity policies,
/// whether principal and resource share an account, whether S3's RestrictPublicBuckets blocks
/// the principal, whether the resource policy is required, and which targets AWS owns. The
/// shortcuts before it (SCPs closing every universe, the same-account filter of `decide`) only
/// answer nil where the evaluation does. So two classes, of any groups, whose keys (all of the
/// above, with each prepared part by number) are equal decide alike: equal sides across
/// accounts, profiles and partitions share one evaluation.
///
/// A class's resources prepare their policy alike for the representative, as for a stand-in of
/// its profile that no policy names (`PlanClassing.Base.prepared`, numbered across bases).
/// `ResourceClassDifferentialTests` checks every principal's answers against `access(of:to:)`.
final class SharedAnswers: Sendable {
    struct Key: Hashable {
        /// The principal's kind, identity policies; the resource's account, RestrictPublicBuckets and policy requirement.
        let kind: RequestPrincipal.Kind
        let facts: UInt8
        /// Per target: the numbers of the representative's side (`number(of:)`), of its RCPs and
        /// of its resource policy as prepared (`PlanClassing.preparedPolicies`).
        let prepared: [Int32]
        /// Per target: `FixedRules.AWSOwned`.
        let owned: [FixedRules.AWSOwned?]
    }

    private let sides = Mutex<[PrincipalSide: Int32]>([:])
    private let rcps = Mutex<[PreparedRCPs: Int32]>([:])
    private let answers = Mutex<[Key: Access?]>([:])
    private let found = Mutex(0)

    init() {}

    /// How many answers were taken from another class so far.
    var hits: Int { found.withLock { $0 } }

    /// The number of `side`: equal sides get equal numbers.
    func number(of side: PrincipalSide) -> Int32 {
        sides.withLock { Self.number(of: side, in: &$0) }
    }

    /// The number of `rcps`: equal RCP levels as prepared get equal numbers.
    func number(of rcps: PreparedRCPs) -> Int32 {
        self.rcps.withLock { Self.number(of: rcps, in: &$0) }
    }

    private static func number<T: Hashable>(of value: T, in known: inout [T: Int32]) -> Int32 {
        if let n = known[value] { return n }
        let n = Int32(known.count)
        known[value] = n
        return n
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
    /// Per target of `r`, the numbers of `p`'s side and RCPs (`SharedAnswers.number(of:)`) as
    /// `memoizedAccess` prepares them; `p`'s memo was reset for it.
    func targetNumbers(_ r: ResourceEntry, for p: PrincipalEntry, memo: AccessMemo, shared: SharedAnswers) -> [Int32] {
        let context = memo.context(of: p, resourceAccount: r.account, in: self)
        var numbers: [Int32] = []
        numbers.reserveCapacity(2 * r.targets.count)
        for t in r.targets.indices {
            let universe = r.universes[t]
            let matches = memo.statementMatches(of: p, universe, target: r.targets[t], context: context)
            let key = AccessMemo.SideKey(universe: universe.id, account: r.account, statementMatches: matches)
            if let known = memo.sideNumbers[key] {
                numbers.append(known)
            } else {
                let number = shared.number(
                    of: memo.side(of: p, universe, target: r.targets[t], account: r.account, matches: matches, context: context, in: self)
                        .withoutPolicyIndices)
                memo.sideNumbers[key] = number
                numbers.append(number)
            }
            let rcpMatches = r.rcpResourceSpecificStatements.map { $0.appliesTo(resource: r.targets[t], context: context).rawValue }
            let rcpKey = AccessMemo.SideKey(universe: universe.id, account: r.account, statementMatches: rcpMatches)
            if let known = memo.rcpNumbers[rcpKey] {
                numbers.append(known)
            } else {
                let number = shared.number(of: memo.rcps(of: p, universe, resource: r, target: t, matches: rcpMatches, context: context, in: self))
                memo.rcpNumbers[rcpKey] = number
                numbers.append(number)
            }
        }
        return numbers
    }

    /// The key of `r` for `p`: `numbers` (`targetNumbers(_:for:memo:shared:)`), the numbers of
    /// `r`'s policy as prepared for `p`, per target (`PlanClassing.preparedPolicies`), and the facts.
    func sharedKey(_ r: ResourceEntry, for p: PrincipalEntry, numbers: [Int32], prepared policies: [Int32]) -> SharedAnswers.Key {
        var prepared: [Int32] = []
        prepared.reserveCapacity(3 * r.targets.count)
        for t in r.targets.indices {
            prepared.append(numbers[2 * t])
            prepared.append(numbers[2 * t + 1])
            prepared.append(policies[t])
        }
        let sameAccount = p.request.account == nil || p.request.account == r.account
        let blocked = r.restrictPublicAccess && p.request.kind != .service && (p.request.account == nil || p.request.account != r.account)
        let facts = (p.request.hasIdentityPolicies ? 1 : 0) | (sameAccount ? 2 : 0) | (blocked ? 4 : 0) | (r.policyRequired ? 8 : 0)
        return SharedAnswers.Key(kind: p.request.kind, facts: UInt8(facts), prepared: prepared, owned: r.ownedTargets)
    }
}
