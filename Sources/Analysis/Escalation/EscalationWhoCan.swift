import Concurrency
import Graph
import Policy

/// "Who can reach this resource" following role assumption **and** privilege escalation: every
/// principal with direct access, every principal that can grant itself the access (its
/// self-grants, evaluated with its boundary, SCPs and the resource's policy), then, walking back,
/// everyone who can assume or act as one of them. Each principal is reached once, by a shortest
/// chain found breadth-first.
public struct EscalationWhoCan: Sendable {
    public let escalation: Escalation
    public var model: AccessModel { escalation.model }

    public init(escalation: Escalation) { self.escalation = escalation }

    /// Who can perform `actions` (all of the resource type's when empty) on `resource`.
    public func whoCan(_ resource: String, actions: [String] = []) throws(WhoCanAnalyzer.Failure) -> EscalatedWhoCanResult {
        guard let r = model.resources[resource] else { throw .unknownResource(resource) }
        let only = actions.isEmpty ? nil : Set(actions.map { $0.lowercased() })
        var reaches: [String: EscalatedReach] = [:]
        var seeds: [EscalatedReach] = []
        for p in model.candidatePrincipals(for: r) {
            guard let access = model.access(of: p, to: r, actions: only) else { continue }
            seeds.append(EscalatedReach(principal: p.id, actions: access.actions, steps: [Self.accessStep(p.id, r.arn, access)]))
        }
        for reach in seeds { reaches[reach.principal] = reach }
        seeds += selfGranted(r, only: only, except: Set(reaches.keys))
        seeds.sort { ($0.steps.count, $0.principal) < ($1.steps.count, $1.principal) }
        var queue: [String] = []
        for reach in seeds where reaches[reach.principal] == nil || reaches[reach.principal] == reach {
            reaches[reach.principal] = reach
            queue.append(reach.principal)
        }
        walkBack(from: queue, into: &reaches)
        return EscalatedWhoCanResult(
            resource: r.arn, resourceType: r.type,
            principals: reaches.values.sorted { ($0.steps.count, $0.principal) < ($1.steps.count, $1.principal) })
    }

    /// Breadth-first, backwards: who can assume or act as a principal already reached.
    func walkBack(from start: [String], into reaches: inout [String: EscalatedReach]) {
        var queue = start
        let assumeCache = AssumeEdgeCache()
        let memo = EscalationMemo()
        var i = 0
        while i < queue.count {
            let target = queue[i]
            i += 1
            guard let via = reaches[target] else { continue }
            var incoming: [(String, PathStep)] = model.edges(into: target, cache: assumeCache).map { ($0.from, PathStep(assume: $0)) }
            let known = reaches
            incoming += escalation.edges(into: target, memo: memo, skip: { known[$0] != nil }).map { ($0.from, PathStep($0)) }
            for (from, step) in incoming where reaches[from] == nil {
                reaches[from] = EscalatedReach(principal: from, actions: via.actions, steps: [step] + via.steps)
                queue.append(from)
            }
        }
    }

    /// Principals that can grant themselves the access: each self-grant's principal, widened,
    /// asked of the resource through the evaluator.
    func selfGranted(_ r: ResourceEntry, only: Set<String>?, except: Set<String>) -> [EscalatedReach] {
        let ids = model.principalOrder.filter { !except.contains($0) }
        let escalation = self.escalation
        let model = self.model
        let found = ParallelMap.map(ids) { id -> EscalatedReach? in
            let grants = escalation.selfGrants(of: id)
            guard let p = model.principals[id] else { return nil }
            for g in grants {
                guard let grant = g.grant, let access = model.access(of: escalation.granted(p, grant), to: r, actions: only) else { continue }
                return EscalatedReach(principal: id, actions: access.actions, steps: [PathStep(g), Self.accessStep(id, r.arn, access)])
            }
            return nil
        }
        return found.compactMap { $0 }
    }

    static func accessStep(_ from: String, _ to: String, _ access: Access) -> PathStep {
        PathStep(
            from: from, to: to, kind: .access, technique: access.actions.joined(separator: ", "), conditions: access.conditions,
            deniedWhen: access.deniedWhen)
    }
}
