import Concurrency
import Graph

/// The escalation edges a findings analysis follows besides role assumption
/// (`findings --with-escalation`, docs/escalation.md "Findings"): from every principal reached
/// from an entry role, the principals it can act as (`Escalation.edges(from:)`). They join the
/// walk's edges (`RoleReachability.next`) as `canEscalate` edges; this keeps each one with its
/// technique and requests, to name the step in a finding's path.
struct EscalationSteps: Sendable {
    /// By source, then target: the escalation edge the walk follows (one per pair).
    let edges: [String: [String: EscalationEdge]]
    /// By source, then target: the access levels of the edge's actions (`withLevels`).
    var levels: [String: [String: LevelMask]] = [:]
    /// The walk's nodes that stand for a principal after its self-grants (`grantNode(of:_:)`):
    /// what each is, and the grants that make it.
    var grants: [String: GrantedPrincipal] = [:]

    /// The node of the walk for `principal` after its `index`th way of granting itself more
    /// (`Escalation.grantedPrincipals(of:)`): not an ARN, never shown.
    static func grantNode(of principal: String, _ index: Int) -> String { principal + "\u{0}granted \(index)" }

    /// The principal a node of the walk is: itself, or the one a grant node widens.
    func principal(of node: String) -> String { grants[node]?.principal.id ?? node }

    /// The edge from `from` to `to` the walk follows, if it is an escalation.
    func edge(from: String, to: String) -> EscalationEdge? { edges[from]?[to] }

    /// The same with the access levels of every edge's actions.
    func withLevels(_ of: ([String]) -> LevelMask) -> EscalationSteps {
        var copy = self
        copy.levels = edges.mapValues { $0.mapValues { of(Self.actions(of: $0)) } }
        return copy
    }

    /// The access levels of a finding on `to` reached from `from` by escalation; nil when that
    /// step is no escalation.
    func levels(from: String, to: String) -> LevelMask? { levels[from]?[to] }

    /// The actions of a finding on a principal acted as by `e`: every action the caller requests
    /// for the technique (the service's trust of the role is not the caller's), sorted, once each.
    static func actions(of e: EscalationEdge) -> [String] {
        Array(Set(e.requests.filter { $0.principal == e.from }.map(\.action))).sorted()
    }

    /// `e` as an edge of the walk: kind `canEscalate`, the caller's actions, its conditions.
    static func walkEdge(_ e: EscalationEdge) -> Edge {
        Edge(from: e.from, to: e.to, kind: .canEscalate, actions: actions(of: e), conditions: e.conditions, deniedWhen: e.deniedWhen)
    }
}

extension RoleReachability {
    /// The walk from `starts` over role assumption **and** escalation (`Escalation.walkForward`):
    /// every role-assumption edge out of each principal met, and the escalation edges of a
    /// breadth-first tree from each start (to principals it has not met by then), so each start
    /// reaches what the whole graph lets it reach, at the same distance. Principals reached by
    /// escalation (users too) are walked on in turn. Every principal reached that can grant itself
    /// more has, after its other edges, one more to a grant node per way (`grantNode(of:_:)`),
    /// whose access is the widened principal's; grant nodes lead nowhere further.
    static func withEscalation(model: AccessModel, from starts: [String], escalation: Escalation) -> (RoleReachability, EscalationSteps) {
        let walk = escalation.walkForward(from: starts)
        var out: [String: [Edge]] = [:]
        for (id, assume) in walk.assume {
            let assumed = Set(assume.map(\.to))
            let escalations = (walk.escalation[id] ?? [:]).filter { !assumed.contains($0.key) }
            out[id] = assume + escalations.keys.sorted().map { EscalationSteps.walkEdge(escalations[$0]!) }
        }
        var steps = EscalationSteps(edges: walk.escalation)
        let reached = RoleReachability(next: out).reachable(from: starts)
        let granted = ParallelMap.map(reached) { escalation.grantedPrincipals(of: $0) }
        for (id, ways) in zip(reached, granted) {
            for (i, way) in ways.enumerated() {
                let node = EscalationSteps.grantNode(of: id, i)
                steps.grants[node] = way
                out[id, default: []].append(Edge(
                    from: id, to: node, kind: .canEscalate, actions: way.grants.flatMap(EscalationSteps.actions(of:)), conditions: way.conditions,
                    deniedWhen: way.deniedWhen))
            }
        }
        return (RoleReachability(next: out), steps)
    }
}

extension FindingsAnalysis {
    /// The edge the walk entered `steps[i]`'s role by (the first out of the previous role to
    /// it, as `RoleReachability.rolesReachable` takes it); nil for a start.
    func arrivalEdge(_ steps: [RoleReachability.Step], _ i: Int) -> Edge? {
        let path = steps[i].path
        guard path.count > 1 else { return nil }
        return graph.next[path[path.count - 2]]?.first { $0.to == steps[i].role }
    }

    /// The actions of the finding on `steps[i]`'s role: `sts:AssumeRole`, or the escalation's.
    func arrivalActions(_ steps: [RoleReachability.Step], _ i: Int) -> [String] {
        arrivalEdge(steps, i).map(arrivalActions) ?? FindingsAnalyzer.assumeRoleActions
    }

    /// With escalation, a role's finding carries the actions of every way in from a principal the
    /// origin reaches (as the entry point's levels do, `add(_:to:visited:)`), not only its first: each
    /// edge into a role that has a finding adds its action list to `lists`.
    /// `current` holds each record's actions so far.
    func addArrivals(_ steps: [RoleReachability.Step], index: [Int32], current: [[String]], to lists: inout [Int: [[String]]]) {
        for step in steps {
            for e in graph.next[step.role] ?? [] {
                guard let target = model.resources[e.to], target.isRole, let ordinal = categories.ordinalOf[ObjectIdentifier(target)] else { continue }
                let known = Int(index[ordinal])
                guard known >= 0 else { continue }
                let actions = arrivalActions(e)
                var list = lists[known] ?? [current[known]]
                if !list.contains(actions) { list.append(actions) }
                lists[known] = list
            }
        }
    }

    /// The steps of a finding reached at `step`: the origin entering its first role (the entry's
    /// conditions), then each assumption or escalation to `step.role`.
    func pathSteps(_ origin: Origin, _ entry: Finding, _ step: RoleReachability.Step) -> [PathStep] {
        var out = [PathStep(
            from: origin.principal, to: step.path[0], kind: .assume, technique: "sts:AssumeRole", conditions: entry.conditions,
            deniedWhen: entry.deniedWhen)]
        for (a, b) in zip(step.path, step.path.dropFirst()) {
            if let granted = escalationSteps?.grants[b] {
                out += granted.grants.map(PathStep.init)
            } else if let e = escalationSteps?.edge(from: a, to: b), graph.next[a]?.first(where: { $0.to == b })?.kind == .canEscalate {
                out.append(PathStep(e))
            } else if let e = graph.next[a]?.first(where: { $0.to == b }) {
                out.append(PathStep(assume: e))
            }
        }
        return out
    }
}
