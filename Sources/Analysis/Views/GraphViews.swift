import Graph
import Policy

/// Builds the `AccessGraph` that a view draws: the paths of findings, of a who-can answer,
/// everything one principal reaches, or the whole account.
public struct GraphViews: Sendable {
    public let model: AccessModel

    public init(model: AccessModel) { self.model = model }

    /// Every path of the findings: outside principal, the roles it assumes, the resource.
    public func graph(findings: [Finding]) -> AccessGraph {
        var g = AccessGraph()
        for f in findings { addPath(f.path, actions: f.actions, conditions: f.conditions, isPublic: f.isPublic, to: &g) }
        return g
    }

    /// Every path of a who-can answer.
    public func graph(whoCan result: WhoCanResult) -> AccessGraph {
        var g = AccessGraph()
        addNode(result.resource, to: &g)
        for r in result.principals {
            let outside = model.principal(r.principal).map { !model.isInsideZone($0, resourceAccount: resourceAccount(result.resource)) } ?? true
            addPath(r.path, actions: r.actions, conditions: r.conditions, isPublic: r.principal == "*" && outside, to: &g)
        }
        return g
    }

    /// Everything `principal` reaches: the roles it can assume (transitively) and what each can access.
    public func graph(from principal: String) -> AccessGraph {
        var g = AccessGraph()
        guard model.principal(principal) != nil else { return g }
        addNode(principal, to: &g)
        var queue = [principal]
        var seen: Set<String> = [principal]
        var i = 0
        while i < queue.count {
            let id = queue[i]
            i += 1
            for e in model.assumableBy[id] ?? [] {
                addNode(e.to, to: &g)
                g.add(e)
                if seen.insert(e.to).inserted { queue.append(e.to) }
            }
            if let p = model.principal(id) { addAccessEdges(of: p, to: &g) }
        }
        return g
    }

    /// The whole graph: every principal's access, every role assumption, group membership.
    /// Costly on large accounts (every principal against its candidate resources).
    public func fullGraph() -> AccessGraph {
        var g = AccessGraph()
        for id in model.principalOrder { addAccessEdges(of: model.principals[id]!, to: &g) }
        for id in model.outsideOrder { addAccessEdges(of: model.outsidePrincipals[id]!, to: &g) }
        for role in model.resourceOrder where model.resources[role]!.isRole {
            for e in model.edges(into: role) {
                addNode(e.from, to: &g)
                addNode(e.to, to: &g)
                g.add(e)
            }
        }
        for account in model.snapshot.accounts.values {
            for user in account.users {
                for group in user.groupNames {
                    guard let arn = account.groups.first(where: { $0.name == group })?.arn else { continue }
                    addNode(user.arn, to: &g)
                    g.add(Node(id: arn, kind: .resource, account: account.id, resourceType: "AWS::IAM::Group", label: group))
                    g.add(Edge(from: user.arn, to: arn, kind: .memberOf))
                }
            }
        }
        return g
    }

    // MARK: - Pieces

    func addAccessEdges(of p: PrincipalEntry, to g: inout AccessGraph) {
        for r in model.candidateResources(for: p) where !r.isRole {
            guard let access = model.access(of: p, to: r) else { continue }
            addNode(p.id, to: &g)
            addNode(r.arn, to: &g)
            let external = !model.isInsideZone(p, resourceAccount: r.account)
            g.add(Edge(
                from: p.id, to: r.arn, kind: .canAccess, actions: access.actions, conditions: access.conditions, deniedWhen: access.deniedWhen,
                isExternal: external,
                isPublic: external && PublicAccess.isPublic(principal: p, access: access)))
        }
    }

    /// Adds the edges of one path; role steps take the model's assumption edge when there is one.
    func addPath(_ path: [String], actions: [String], conditions: [String: [String: [String]]], isPublic: Bool, to g: inout AccessGraph) {
        for id in path { addNode(id, to: &g) }
        guard path.count >= 2 else { return }
        for i in 0..<(path.count - 1) {
            let from = path[i]
            let to = path[i + 1]
            let last = i == path.count - 2
            if g.hasEdge(from: from, to: to) { continue }
            if let e = model.edges(into: to).first(where: { $0.from == from }) {
                g.add(e)
            } else {
                let outside = model.principal(from).map { p in !model.isInsideZone(p, resourceAccount: resourceAccount(to)) } ?? true
                g.add(Edge(
                    from: from, to: to, kind: model.resources[to]?.isRole == true ? .canAssume : .canAccess,
                    actions: last ? actions : [], conditions: last ? conditions : [:], isExternal: i == 0 && outside,
                    isPublic: i == 0 && isPublic))
            }
        }
    }

    func addNode(_ id: String, to g: inout AccessGraph) {
        if g.nodes[id] != nil { return }
        if let r = model.resources[id] {
            g.add(r.node)
        } else if let p = model.principal(id) {
            g.add(p.node)
        } else {
            g.add(Node(id: id, kind: id == "*" ? .everyone : .externalPrincipal))
        }
    }

    func resourceAccount(_ id: String) -> String { model.resources[id]?.account ?? ARN(id)?.account ?? "" }
}
