import Concurrency
import Foundation
import Policy

/// The edges a forward walk from some starting roles keeps (`findings --with-escalation`).
public struct ForwardWalk: Sendable {
    /// Role-assumption edges out of every principal met, all of them.
    public let assume: [String: [Edge]]
    /// By source, then target: act-as edges, those of a breadth-first tree from each start.
    public let escalation: [String: [String: EscalationEdge]]
}

extension Escalation {
    /// From each start on its own, breadth first: every role-assumption edge out of each principal
    /// met, and the act-as edges to principals that start has not met yet (the first way, rules by
    /// technique id, the evaluator allows). Each start's tree keeps a shortest path from it to every
    /// principal it reaches, so what each start reaches, and how far, is what the whole graph gives,
    /// without deciding every act-as edge between principals already reached (quadratic where
    /// most principals can act as most others).
    public func walkForward(from starts: [String]) -> ForwardWalk {
        let actAs = rules.filter { $0.technique.kind == .actAs }.sorted { $0.technique.id < $1.technique.id }
        let forward = EdgesFrom(model: model)
        let ordered = Array(Set(starts)).sorted()
        // Starts in a few chunks on every core; each chunk shares its decisions between its starts.
        let chunkCount = min(ordered.count, max(2, ProcessInfo.processInfo.activeProcessorCount))
        let bounds = (0...chunkCount).map { $0 * ordered.count / max(chunkCount, 1) }
        let walks = ParallelMap.map(Array(0..<chunkCount)) { c -> ForwardWalk in
            var shared = ForwardCache()
            var assume: [String: [Edge]] = [:]
            var escalation: [String: [String: EscalationEdge]] = [:]
            for start in ordered[bounds[c]..<bounds[c + 1]] {
                self.tree(from: start, actAs: actAs, forward: forward, cache: &shared, assume: &assume, escalation: &escalation)
            }
            return ForwardWalk(assume: assume, escalation: escalation)
        }
        var assume: [String: [Edge]] = [:]
        var escalation: [String: [String: EscalationEdge]] = [:]
        for w in walks {
            assume.merge(w.assume) { old, _ in old }
            for (from, byTarget) in w.escalation { escalation[from, default: [:]].merge(byTarget) { old, _ in old } }
        }
        return ForwardWalk(assume: assume, escalation: escalation)
    }

    /// What a chunk of starts decides once: requests (`memo`), each target's ways, and each
    /// (source, target) pair's first act-as edge or none.
    struct ForwardCache {
        let memo = EscalationMemo()
        var ways: [String: [(Int, EscalationWay)]] = [:]
        var pairs: [String: [String: EscalationEdge?]] = [:]
    }

    /// One start's breadth-first tree, added to `assume` and `escalation`.
    func tree(
        from start: String, actAs: [any EscalationRule], forward: EdgesFrom, cache: inout ForwardCache, assume: inout [String: [Edge]],
        escalation: inout [String: [String: EscalationEdge]]
    ) {
        var met: Set<String> = [start]
        var queue = [start]
        // Per account, the principals not met yet (shrinks as they are met).
        var remaining: [String: [String]] = [:]
        var k = 0
        while k < queue.count {
            let s = queue[k]
            k += 1
            if assume[s] == nil { assume[s] = forward.edges(from: s) }
            for e in assume[s]! where met.insert(e.to).inserted { queue.append(e.to) }
            guard let source = model.principals[s], let account = source.request.account else { continue }
            var left = (remaining[account] ?? model.principalsByAccount[account] ?? []).filter { !met.contains($0) }
            var found: [String] = []
            for id in left where id != s {
                let decided: EscalationEdge?
                if let known = cache.pairs[s]?[id] {
                    decided = known
                } else {
                    decided = firstEdge(source, into: id, account: account, actAs: actAs, cache: &cache)
                    cache.pairs[s, default: [:]][id] = .some(decided)
                }
                guard let e = decided else { continue }
                escalation[s, default: [:]][id] = e
                found.append(id)
            }
            for id in found where met.insert(id).inserted { queue.append(id) }
            left.removeAll { met.contains($0) }
            remaining[account] = left
        }
    }

    /// The first act-as edge (rules by technique id, each rule's ways in order) from `source` into `id`.
    func firstEdge(_ source: PrincipalEntry, into id: String, account: String, actAs: [any EscalationRule], cache: inout ForwardCache)
        -> EscalationEdge?
    {
        guard let t = target(id) else { return nil }
        if cache.ways[id] == nil {
            cache.ways[id] = actAs.enumerated().flatMap { r, rule in rule.ways(into: t, in: env).map { (r, $0) } }
        }
        for (r, way) in cache.ways[id]! where index.mayAllow(source, way.needs[0], account: account) {
            if let e = edge(source, into: t, by: actAs[r], way, memo: cache.memo) { return e }
        }
        return nil
    }
}
