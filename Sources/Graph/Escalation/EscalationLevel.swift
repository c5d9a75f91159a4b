import Concurrency
import Policy

/// A step into one level of a backward walk: `from` can assume (`assume`) or act as
/// (`escalation`) `frontier[target]`.
public struct FirstStep: Sendable {
    public let from: String
    /// The position of the target in the frontier.
    public let target: Int
    /// The role-assumption edge, when the step is one.
    public let assume: Edge?
    /// The escalation edge, when the step is one.
    public let escalation: EscalationEdge?
}

extension Escalation {
    /// One level of a backward walk over role assumption and act-as edges. For every principal
    /// not in `known` that can assume or act as some principal of `frontier`: the first such
    /// target in frontier order, by role assumption when it can assume that target, else by the
    /// escalation edge of the smallest technique id (of that technique, its first way).
    ///
    /// That is what taking, target by target, `model.edges(into:)` then `edges(into:)` and keeping
    /// each source's first edge gives (a test checks it), but decided candidate by candidate: the
    /// targets are taken in blocks; for each block, each target's candidates are looked up in the
    /// indexes (cheap), then each candidate's requests are decided target by target in order
    /// until one lets it in, and a principal found is not asked about any later target.
    public func firstSteps(into frontier: [String], known: Set<String>, block: Int = 256) -> [FirstStep] {
        let actAs = rules.filter { $0.technique.kind == .actAs }.sorted { $0.technique.id < $1.technique.id }
        var found: Set<String> = []
        var out: [FirstStep] = []
        let escalation = self.excluding(known)
        var start = 0
        while start < frontier.count {
            let end = min(start + block, frontier.count)
            let done = found
            let options = ParallelMap.map(Array(start..<end)) { i in
                escalation.options(into: frontier[i], at: i, actAs: actAs, skip: { known.contains($0) || done.contains($0) })
            }
            // Each candidate's options, targets in order; candidates in the order first met.
            var byCandidate: [String: [CandidateOption]] = [:]
            var order: [String] = []
            for list in options {
                for o in list {
                    if byCandidate[o.from] == nil { order.append(o.from) }
                    byCandidate[o.from, default: []].append(o)
                }
            }
            let chunkCount = min(order.count, 64)
            let bounds = (0...chunkCount).map { $0 * order.count / max(chunkCount, 1) }
            let (ids, lists) = (order, byCandidate)
            let decided = ParallelMap.map(Array(0..<chunkCount)) { c -> [FirstStep] in
                let memo = EscalationMemo()
                let cache = AssumeEdgeCache()
                return ids[bounds[c]..<bounds[c + 1]].compactMap { id in
                    escalation.firstStep(lists[id]!, actAs: actAs, memo: memo, cache: cache)
                }
            }
            for steps in decided {
                for s in steps {
                    found.insert(s.from)
                    out.append(s)
                }
            }
            start = end
        }
        return out
    }

    /// What a candidate may use to reach one target: an assumption already decided, one to decide,
    /// or one way of an act-as rule.
    struct CandidateOption: Sendable {
        enum Kind: Sendable {
            case assumed(Edge)
            case assume(ResourceEntry)
            case way(rule: Int, EscalationWay, EscalationTarget)
        }
        let from: String
        let caller: PrincipalEntry?
        let target: Int
        let kind: Kind
    }

    /// The options of every candidate into `id` (at position `i` of the frontier): role
    /// assumption first, then the act-as rules by technique id, each rule's ways in order.
    func options(into id: String, at i: Int, actAs: [any EscalationRule], skip: (String) -> Bool) -> [CandidateOption] {
        var out: [CandidateOption] = []
        if model.assumeEdgeBuilding == .all {
            for e in model.edges(into: id) where !skip(e.from) {
                out.append(CandidateOption(from: e.from, caller: nil, target: i, kind: .assumed(e)))
            }
        } else if let role = model.resources[id], role.isRole {
            for c in model.assumeCandidates(role, assumers: model.assumers) where c.id != role.arn && !skip(c.id) {
                out.append(CandidateOption(from: c.id, caller: c, target: i, kind: .assume(role)))
            }
        }
        guard let t = target(id) else { return out }
        var candidates: [String: [PrincipalEntry]] = [:]
        for (r, rule) in actAs.enumerated() {
            for way in rule.ways(into: t, in: env) {
                guard let key = way.needs.first else { continue }
                let lookup = key.action.lowercased() + " " + key.resourceText
                let list: [PrincipalEntry]
                if let known = candidates[lookup] {
                    list = known
                } else {
                    list = index.candidates(key, account: t.account.id, skip: { $0 == t.arn || skip($0) })
                    candidates[lookup] = list
                }
                for c in list { out.append(CandidateOption(from: c.id, caller: c, target: i, kind: .way(rule: r, way, t))) }
            }
        }
        return out
    }

    /// The first of one candidate's options (targets in order) that the evaluator allows.
    func firstStep(_ options: [CandidateOption], actAs: [any EscalationRule], memo: EscalationMemo, cache: AssumeEdgeCache) -> FirstStep? {
        for o in options {
            switch o.kind {
            case .assumed(let e):
                return FirstStep(from: o.from, target: o.target, assume: e, escalation: nil)
            case .assume(let role):
                if let e = model.assumeEdge(from: o.caller!, into: role, cache: cache) {
                    return FirstStep(from: o.from, target: o.target, assume: e, escalation: nil)
                }
            case .way(let r, let way, let t):
                if let e = edge(o.caller!, into: t, by: actAs[r], way, memo: memo) {
                    return FirstStep(from: o.from, target: o.target, assume: nil, escalation: e)
                }
            }
        }
        return nil
    }
}

extension AccessModel {
    /// The role-assumption edge from one candidate into `role`, decided as `edges(into:cache:)`
    /// decides each of its candidates (answers shared per trust group through `cache`).
    func assumeEdge(from candidate: PrincipalEntry, into role: ResourceEntry, cache: AssumeEdgeCache) -> Edge? {
        let group = TrustGroupKey(account: role.account, trust: role.policy?.document)
        let key = AssumeMemoKey(
            caller: ObjectIdentifier(candidate),
            statementMatches: candidate.assumeRoleResourceStatements.map {
                $0.appliesTo(resource: role.targets[0], context: candidate.context).rawValue
            })
        let access: Access?
        if group.isShareable, let known = cache.memos[group]?[key] {
            access = known
        } else {
            access = self.access(of: candidate, to: role)
            if group.isShareable { cache.memos[group, default: [:]][key] = access }
        }
        return access.map { edge(from: candidate, to: role, kind: .canAssume, access: $0) }
    }
}
