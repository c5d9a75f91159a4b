import Graph

extension GraphViews {
    /// Every path of a who-can answer that follows escalation: role assumptions as the model's
    /// edges, escalation steps and self-grants as `canEscalate` edges labelled with the technique.
    public func graph(escalatedWhoCan result: EscalatedWhoCanResult) -> AccessGraph {
        var g = AccessGraph()
        addNode(result.resource, to: &g)
        for r in result.principals { add(r.steps, to: &g) }
        return g
    }

    /// The steps of escalated paths (admins, paths) as edges.
    public func graph(paths: [EscalatedReach]) -> AccessGraph {
        var g = AccessGraph()
        for r in paths {
            addNode(r.principal, to: &g)
            add(r.steps, to: &g)
        }
        return g
    }

    func add(_ steps: [PathStep], to g: inout AccessGraph) {
        for s in steps {
            addNode(s.from, to: &g)
            addNode(s.to, to: &g)
            let kind: EdgeKind
            var actions: [String] = []
            switch s.kind {
            case .assume: kind = .canAssume
            case .escalate, .grant:
                kind = .canEscalate
                actions = [s.technique]
            case .access:
                kind = .canAccess
                actions = s.technique.components(separatedBy: ", ")
            }
            if g.edges(from: s.from).contains(where: { $0.to == s.to && $0.kind == kind && $0.actions == actions }) { continue }
            let outside = model.principal(s.from).map { !model.isInsideZone($0, resourceAccount: resourceAccount(s.to), resourceIsRole: kind == .canAssume) } ?? false
            g.add(Edge(
                from: s.from, to: s.to, kind: kind, actions: actions, conditions: s.conditions, deniedWhen: s.deniedWhen,
                isExternal: outside, isPublic: outside && s.from == "*"))
        }
    }
}
