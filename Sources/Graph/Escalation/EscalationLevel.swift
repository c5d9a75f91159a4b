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
    ///
    /// Blocks grow (32 targets, then twice as many each time, up to 256): the first targets
    /// usually let most candidates in, and those are then left out of the indexes; a candidate
    /// is listed under every target of its block that may let it in, so blocks stay small (on the
    /// large preset, 256 lists about half the pairs 2,048 did). Each candidate is decided in the
    /// same share of the level in every block, so its answers are remembered across blocks.
    ///
    /// Every step starts at a principal of the model: once each is reached or found, the
    /// remaining targets are not looked at. Escalation candidates are principals of the snapshot
    /// only (outside ones come in by role assumption alone): once those are all reached or
    /// found, a target's escalation options are not looked up.
    public func firstSteps(into frontier: [String], known: Set<String>) -> [FirstStep] {
        let actAs = rules.filter { $0.technique.kind == .actAs }.sorted { $0.technique.id < $1.technique.id }
        var found: Set<String> = []
        var out: [FirstStep] = []
        // Role-assumption candidates without the principals reached (or found in this level).
        let callers = CallerSearch(model: model)
        for id in known { callers.markReached(id) }
        var start = 0
        var block = 32
        // The index without the principals reached, rebuilt once 512 more are found (the `skip`
        // test leaves out those found since).
        var escalation = self.excluding(known)
        var rebuiltAt = 0
        let shares = (0..<64).map { _ in CandidateShare() }
        var shareOf: [String: Int] = [:]
        let unreached = model.principalCount(notIn: known)
        let unreachedInside = model.principals.keys.count { !known.contains($0) }
        var foundInside = 0
        while start < frontier.count, found.count < unreached {
            let end = min(start + block, frontier.count)
            block = min(block * 2, 256)
            let done = found
            if found.count - rebuiltAt >= 512 {
                escalation = self.excluding(known.union(done))
                rebuiltAt = found.count
            }
            var assumers: [[PrincipalEntry]] = []
            if model.assumeEdgeBuilding != .all {
                for i in start..<end {
                    guard let role = model.resources[frontier[i]], role.isRole else { assumers.append([]); continue }
                    assumers.append(callers.candidates(role).filter { $0.id != role.arn })
                }
            }
            let (assumerLists, first, escalation, escalators) = (assumers, start, escalation, foundInside < unreachedInside)
            let targets = ParallelMap.map(Array(start..<end)) { i in
                escalation.options(
                    into: frontier[i], at: i, assumers: assumerLists.isEmpty ? [] : assumerLists[i - first], actAs: actAs,
                    escalators: escalators, skip: { known.contains($0) || done.contains($0) })
            }
            // Each candidate's targets (positions in `targets`), in order; candidates in the order first met.
            var byCandidate: [String: [Int32]] = [:]
            var order: [String] = []
            for (k, t) in targets.enumerated() {
                for id in t.candidates {
                    if byCandidate[id] == nil { order.append(id) }
                    byCandidate[id, default: []].append(Int32(k))
                }
            }
            // Each candidate is decided in the same share in every block (assigned when first met),
            // so its answers from earlier blocks are remembered.
            var byShare = [[String]](repeating: [], count: shares.count)
            for id in order {
                let k: Int
                if let known = shareOf[id] {
                    k = known
                } else {
                    k = shareOf.count % shares.count
                    shareOf[id] = k
                }
                byShare[k].append(id)
            }
            let (groups, lists) = (byShare, byCandidate)
            let decided = ParallelMap.map(byShare.indices.filter { !byShare[$0].isEmpty }) { k -> [FirstStep] in
                let share = shares[k]
                return groups[k].compactMap { id in
                    for t in lists[id]! {
                        if let step = escalation.step(from: id, into: targets[Int(t)], actAs: actAs, memo: share.memo, cache: share.cache) {
                            return step
                        }
                    }
                    return nil
                }
            }
            for steps in decided {
                for s in steps {
                    found.insert(s.from)
                    if model.principals[s.from] != nil { foundInside += 1 }
                    callers.markReached(s.from)
                    out.append(s)
                }
            }
            start = end
        }
        return out
    }

    /// The answers remembered for one share of a level's candidates, kept across its blocks. Used
    /// by one task at a time: a share is decided by one iteration of a block, blocks one after another.
    final class CandidateShare: @unchecked Sendable {
        let memo = EscalationMemo()
        let cache = AssumeEdgeCache()
    }

    /// Who may assume or act as one target of a level, looked up in the indexes (nothing decided).
    struct TargetOptions: Sendable {
        /// The target's position in the frontier.
        let position: Int
        /// Assumption edges already built (a model built with every edge), by source.
        var assumed: [String: Edge] = [:]
        /// Candidates of an assumption to decide, by id, and the role.
        var assumers: [String: PrincipalEntry] = [:]
        var role: ResourceEntry?
        let target: EscalationTarget?
        /// The act-as rules' ways into the target: rules by technique id, each rule's ways in order.
        var ways: [(rule: Int, way: EscalationWay)] = []
        /// Candidates of some way, by id (`EscalationIndex.mayAllow` tells which ways).
        var escalators: [String: PrincipalEntry] = [:]
        /// Every candidate, each once.
        var candidates: [String] = []
    }

    /// The options of every candidate into `id` (at position `i` of the frontier); `assumers`: the
    /// role-assumption candidates when edges are decided on demand; `escalators`: whether to look
    /// up escalation candidates (false when every principal of the snapshot is skipped).
    func options(
        into id: String, at i: Int, assumers: [PrincipalEntry], actAs: [any EscalationRule], escalators: Bool = true, skip: (String) -> Bool
    ) -> TargetOptions {
        var o = TargetOptions(position: i, target: target(id))
        var seen: Set<String> = []
        if model.assumeEdgeBuilding == .all {
            for e in model.edges(into: id) where !skip(e.from) {
                o.assumed[e.from] = e
                if seen.insert(e.from).inserted { o.candidates.append(e.from) }
            }
        } else if let role = model.resources[id], role.isRole {
            o.role = role
            for c in assumers where !skip(c.id) {
                o.assumers[c.id] = c
                if seen.insert(c.id).inserted { o.candidates.append(c.id) }
            }
        }
        guard escalators, let t = o.target else { return o }
        var looked: Set<String> = []
        for (r, rule) in actAs.enumerated() {
            for way in rule.ways(into: t, in: env) {
                guard let key = way.needs.first else { continue }
                o.ways.append((r, way))
                guard looked.insert(key.loweredAction + " " + key.resourceText).inserted else { continue }
                for c in index.candidates(key, account: t.account.id, skip: { $0 == t.arn || skip($0) }) where o.escalators[c.id] == nil {
                    o.escalators[c.id] = c
                    if seen.insert(c.id).inserted { o.candidates.append(c.id) }
                }
            }
        }
        return o
    }

    /// The step from candidate `id` into one target, when the evaluator allows one: by
    /// assumption, else by the first way (rules by technique id) the candidate may be allowed.
    func step(from id: String, into o: TargetOptions, actAs: [any EscalationRule], memo: EscalationMemo, cache: AssumeEdgeCache) -> FirstStep? {
        if let e = o.assumed[id] { return FirstStep(from: id, target: o.position, assume: e, escalation: nil) }
        if let c = o.assumers[id], let role = o.role, let e = model.assumeEdge(from: c, into: role, cache: cache) {
            return FirstStep(from: id, target: o.position, assume: e, escalation: nil)
        }
        guard let c = o.escalators[id], let t = o.target else { return nil }
        for (r, way) in o.ways where index.mayAllow(c, way.needs[0], account: t.account.id) {
            if let e = edge(c, into: t, by: actAs[r], way, memo: memo) {
                return FirstStep(from: id, target: o.position, assume: nil, escalation: e)
            }
        }
        return nil
    }
}

extension AccessModel {
    /// How many principals of the model (the snapshot's and the outside ones) `ids` does not hold.
    func principalCount(notIn ids: Set<String>) -> Int {
        principals.keys.count { !ids.contains($0) } + outsidePrincipals.keys.count { !ids.contains($0) }
    }

    /// The role-assumption edge from one candidate into `role`, decided as `edges(into:cache:)`
    /// decides each of its candidates (answers shared per trust group through `cache`).
    func assumeEdge(from candidate: PrincipalEntry, into role: ResourceEntry, cache: AssumeEdgeCache) -> Edge? {
        let group = TrustGroupKey(role)
        guard group.isShareable else {
            var alone: [AssumeMemoKey: Access?] = [:]
            return assumeEdge(from: candidate, into: role, memo: &alone)
        }
        return assumeEdge(from: candidate, into: role, memo: &cache.memos[group, default: [:]])
    }
}
