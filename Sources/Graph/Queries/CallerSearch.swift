import Policy

/// Who-can's walk backwards through role assumption: the edges into a role from principals not
/// reached yet. They are the edges of `AccessModel.edges(into:)` whose caller is not reached (a
/// test checks it on the samples), found without looking at reached principals again: the
/// principals of an account that may assume roles by wildcard grants are kept in a list that
/// drops those reached, so a walk that reaches most of an estate does not go over them again
/// for every role. Used by one task at a time.
public final class CallerSearch {
    let model: AccessModel
    private var reached: Set<ObjectIdentifier> = []
    /// Per account, the principals with wildcard `sts:AssumeRole` grants (`AssumerIndex.others`)
    /// not known to be reached, and every principal of the account (for trusts naming everyone).
    private var others: [String: [PrincipalEntry]] = [:]
    private var everyone: [String: [PrincipalEntry]] = [:]
    /// Answers shared between roles of one trust group, as `edges(into:cache:)` shares them.
    private var memos: [TrustGroupKey: [AssumeMemoKey: Access?]] = [:]

    /// How many callers of one role, at least, are decided on every core at once.
    let parallelFrom: Int

    public convenience init(model: AccessModel) { self.init(model: model, parallelFrom: 32) }

    /// `parallelFrom` is for tests, which check both ways of deciding on small snapshots.
    init(model: AccessModel, parallelFrom: Int) {
        self.model = model
        self.parallelFrom = parallelFrom
    }

    /// Marks `principal` reached: no edge from it is returned any more.
    public func markReached(_ principal: String) {
        if let p = model.principal(principal) { reached.insert(ObjectIdentifier(p)) }
    }

    /// The edges into `role` (an ARN) from principals not reached, sorted by caller.
    public func edges(into role: String) -> [Edge] {
        guard let entry = model.resources[role], entry.isRole else { return [] }
        let callers = candidates(entry).filter { $0.id != entry.arn }
        guard !callers.isEmpty else { return [] }
        let group = TrustGroupKey(entry)
        var memo = group.isShareable ? memos.removeValue(forKey: group) ?? [:] : [:]
        defer { if group.isShareable { memos[group] = memo } }
        let edges = model.assumeEdges(from: callers, into: entry, memo: &memo, parallelFrom: parallelFrom)
        return edges.sorted { $0.from < $1.from }
    }

    /// `AccessModel.assumeCandidates(_:assumers:)` less the reached principals.
    func candidates(_ role: ResourceEntry) -> [PrincipalEntry] {
        guard let doc = role.policy?.document else { return [] }
        var out: [PrincipalEntry] = []
        var seen: Set<ObjectIdentifier> = []
        func add(_ p: PrincipalEntry?) {
            guard let p, !reached.contains(ObjectIdentifier(p)), seen.insert(ObjectIdentifier(p)).inserted else { return }
            out.append(p)
        }
        let target = role.targets.first
        let roleKey = target?.text ?? role.arn
        var trustsEveryone = false
        for s in doc.statements where s.effect == .allow {
            guard let clause = s.principal else { continue }
            if clause.isNot { trustsEveryone = true; continue }
            for p in clause.patterns {
                switch p {
                case .anyone:
                    trustsEveryone = true
                case .aws(let arn) where p.isAccountRoot:
                    if let account = p.account, model.snapshot.accounts[account] != nil {
                        addAssumers(of: account, role: roleKey, target: target, add)
                        if model.snapshot.accounts[account]?.hasIAM == false { add(model.principal(arn)) }
                    } else {
                        add(model.principal(arn))
                    }
                default:
                    add(model.principal(p.description))
                }
            }
        }
        if trustsEveryone {
            add(model.principal("*"))
            for p in remaining(everyoneOf: role.account) { add(p) }
            for account in model.assumers.keys.sorted() where account != role.account {
                addAssumers(of: account, role: roleKey, target: target, add)
            }
        }
        return out
    }

    /// The principals of `account` whose `sts:AssumeRole` grants may cover the role.
    private func addAssumers(
        of account: String, role roleKey: String, target: RequestResource?, _ add: (PrincipalEntry?) -> Void
    ) {
        guard let index = model.assumers[account] else { return }
        for id in index.named[roleKey] ?? [] { add(model.principals[id]) }
        for p in remaining(othersOf: account, index: index) where p.mayAllowAssumeRole(on: target) { add(p) }
    }

    private func remaining(othersOf account: String, index: AssumerIndex) -> [PrincipalEntry] {
        var list = others[account] ?? index.others
        list.removeAll { reached.contains(ObjectIdentifier($0)) }
        others[account] = list
        return list
    }

    private func remaining(everyoneOf account: String) -> [PrincipalEntry] {
        var list = everyone[account] ?? (model.principalsByAccount[account] ?? []).compactMap { model.principals[$0] }
        list.removeAll { reached.contains(ObjectIdentifier($0)) }
        everyone[account] = list
        return list
    }
}
