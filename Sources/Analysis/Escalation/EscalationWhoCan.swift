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

    /// Who can perform `actions` (all of the resource type's when empty) on `resource`; `stages`
    /// hears how long each part took.
    public func whoCan(
        _ resource: String, actions: [String] = [], stages: AnalysisSession.StageTimer? = nil
    ) throws(WhoCanAnalyzer.Failure) -> EscalatedWhoCanResult {
        guard let r = model.resources[resource] else { throw .unknownResource(resource) }
        let clock = ContinuousClock()
        var start = clock.now
        let only = actions.isEmpty ? nil : Set(actions.map { $0.lowercased() })
        var reaches: [String: EscalatedReach] = [:]
        let model = self.model
        var seeds = ParallelMap.map(model.candidatePrincipals(for: r)) { p -> EscalatedReach? in
            guard let access = model.access(of: p, to: r, actions: only) else { return nil }
            return EscalatedReach(principal: p.id, actions: access.actions, steps: [Self.accessStep(p.id, r.arn, access)])
        }.compactMap { $0 }
        for reach in seeds { reaches[reach.principal] = reach }
        stages?("direct access (\(seeds.count))", clock.now - start)
        start = clock.now
        let direct = seeds.count
        seeds += selfGranted(r, only: only, except: Set(reaches.keys))
        stages?("access by a self-grant (\(seeds.count - direct))", clock.now - start)
        start = clock.now
        seeds.sort { ($0.steps.count, $0.principal) < ($1.steps.count, $1.principal) }
        var queue: [String] = []
        for reach in seeds where reaches[reach.principal] == nil || reaches[reach.principal] == reach {
            reaches[reach.principal] = reach
            queue.append(reach.principal)
        }
        walkBack(from: queue, into: &reaches)
        stages?("by role assumption or escalation (\(reaches.count - queue.count))", clock.now - start)
        return EscalatedWhoCanResult(
            resource: r.arn, resourceType: r.type,
            principals: reaches.values.sorted { ($0.steps.count, $0.principal) < ($1.steps.count, $1.principal) })
    }

    /// Breadth-first, backwards, a level at a time: who can assume or act as a principal already
    /// reached. A principal is reached by the first target of the level, in order, that lets it
    /// in (by assumption before escalation, then by technique id): `Escalation.firstSteps`.
    func walkBack(from start: [String], into reaches: inout [String: EscalatedReach]) {
        var frontier = start
        while !frontier.isEmpty {
            let steps = escalation.firstSteps(into: frontier, known: Set(reaches.keys)).sorted {
                ($0.target, $0.assume == nil ? 1 : 0, $0.from) < ($1.target, $1.assume == nil ? 1 : 0, $1.from)
            }
            var next: [String] = []
            for s in steps where reaches[s.from] == nil {
                guard let via = reaches[frontier[s.target]] else { continue }
                let step = s.assume.map(PathStep.init(assume:)) ?? PathStep(s.escalation!)
                reaches[s.from] = EscalatedReach(principal: s.from, actions: via.actions, steps: [step] + via.steps)
                next.append(s.from)
            }
            frontier = next
        }
    }

    /// Principals that can grant themselves the access: the first self-grant of each principal
    /// with which the evaluator allows it the access.
    func selfGranted(_ r: ResourceEntry, only: Set<String>?, except: Set<String>) -> [EscalatedReach] {
        let ids = model.principalOrder.filter { !except.contains($0) }
        let escalation = self.escalation
        let model = self.model
        let found = ParallelMap.map(ids) { id -> EscalatedReach? in
            guard let p = model.principals[id] else { return nil }
            var access: Access?
            let grant = escalation.firstSelfGrant(of: id) { e in
                guard let g = e.grant else { return false }
                access = model.access(of: escalation.granted(p, g), to: r, actions: only)
                return access != nil
            }
            guard let grant, let access else { return nil }
            return EscalatedReach(principal: id, actions: access.actions, steps: [PathStep(grant), Self.accessStep(id, r.arn, access)])
        }
        return found.compactMap { $0 }
    }

    static func accessStep(_ from: String, _ to: String, _ access: Access) -> PathStep {
        PathStep(
            from: from, to: to, kind: .access, technique: access.actions.joined(separator: ", "), conditions: access.conditions,
            deniedWhen: access.deniedWhen)
    }
}
