import Analysis
import Graph

/// Turns an `OrganizationOverview` into the nodes and edges to draw, within `RenderOptions.maxNodes`:
/// a box of counts per account, outside principals, the roles they enter, and per account and
/// resource type one group node that the roles' and the direct grants' edges point to, labelled
/// with how many resources and which access levels. Public resources are drawn one by one while
/// they fit. What is left out is counted in the account boxes, the title and the summary.
enum OverviewView {
    static func build(_ overview: OrganizationOverview, options: RenderOptions) -> (view: RenderView, title: String) {
        let plan = OverviewPlan(overview, maxNodes: options.maxNodes)
        var nodes: [String: ViewNode] = [:]
        var edges: [ViewEdge] = []
        let accounts = Dictionary(overview.accounts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

        for account in overview.accounts { nodes[OverviewIDs.counts(account.id)] = countsNode(account, plan: plan, options: options) }
        func principal(_ id: String) {
            guard nodes[id] == nil else { return }
            let node = overview.principals[id] ?? Node(id: id, kind: id == "*" ? .everyone : .externalPrincipal)
            nodes[id] = ViewNode(id: id, label: node.label, tooltip: id, kind: node.kind, resourceType: nil, account: node.account)
        }
        func resource(_ arn: String, _ account: String, _ type: String) {
            guard nodes[arn] == nil else { return }
            let node = Node(id: arn, kind: .resource, account: account, resourceType: type)
            nodes[arn] = ViewNode(id: arn, label: node.label, tooltip: arn, kind: .resource, resourceType: type, account: account)
        }
        func group(_ account: String, _ type: String) -> String {
            // A group of one resource that is drawn on its own (public) is that node.
            let t = accounts[account]?.types.first { $0.type == type }
            if t?.reachable == 1, let only = t?.examples.first, plan.publicResources.contains(only) {
                resource(only, account, type)
                return only
            }
            let id = OverviewIDs.group(account, type)
            if nodes[id] == nil { nodes[id] = groupNode(account, type, counts: accounts[account]) }
            return id
        }

        for bundle in plan.bundles {
            nodes[bundle.id] = roleNode(bundle)
            for entrant in bundle.entrants.prefix(OverviewPlan.entrantsPerRole) {
                principal(entrant.principal)
                edges.append(ViewEdge(
                    from: entrant.principal, to: bundle.id, kind: .canAssume, label: nil, isExternal: true,
                    isPublic: entrant.isPublic, isConditional: entrant.isConditional,
                    note: entrant.isConditional ? "only under conditions (findings --format json lists them)" : nil))
            }
            let folded = Array(bundle.entrants.dropFirst(OverviewPlan.entrantsPerRole))
            if !folded.isEmpty {
                let id = OverviewIDs.moreEntrants(bundle.id)
                let label = "+\(Count.noun(folded.count, "more outside principal"))"
                nodes[id] = ViewNode(
                    id: id, label: label, tooltip: Collapse.tooltip(label: label, members: folded.map(\.principal)),
                    kind: .externalPrincipal, standsForMany: true)
                edges.append(ViewEdge(
                    from: id, to: bundle.id, kind: .canAssume, label: nil, isExternal: true,
                    isPublic: folded.contains(where: \.isPublic), isConditional: folded.allSatisfy(\.isConditional), note: nil))
            }
            for target in bundle.targets {
                let to = target.resourceType.map { group(target.account, $0) } ?? target.id
                let count = target.fewest == target.most ? Count.format(target.most) : "\(Count.format(target.fewest))–\(Count.format(target.most))"
                let what = target.resourceType == nil ? "in \(target.types) types" : ""
                edges.append(ViewEdge(
                    from: bundle.id, to: to, kind: .canAccess,
                    label: reachLabel(what.isEmpty ? count : count + " " + what, target.accessLevels),
                    isExternal: false, isPublic: false, isConditional: false,
                    note: "through the role and the roles it can assume: \(count) resource\(target.most == 1 ? "" : "s")"
                        + (what.isEmpty ? "" : " " + what + " of account \(target.account)") + "; " + target.accessLevels.joined(separator: ", ")))
            }
        }

        for share in plan.shares {
            principal(share.principal)
            let one = share.resources.filter(plan.publicResources.contains)
            for arn in one {
                resource(arn, share.account, share.resourceType)
                edges.append(ViewEdge(
                    from: share.principal, to: arn, kind: .canAccess, label: levelText(share.accessLevels), isExternal: true,
                    isPublic: share.isPublic, isConditional: share.isConditional, note: nil))
            }
            let rest = share.resources.count - one.count
            guard rest > 0 else { continue }
            edges.append(ViewEdge(
                from: share.principal, to: group(share.account, share.resourceType), kind: .canAccess,
                label: reachLabel(Count.format(rest), share.accessLevels), isExternal: true, isPublic: share.isPublic,
                isConditional: share.isConditional,
                note: "granted by the resources' own policies: " + share.resources.prefix(10).joined(separator: ", ")
                    + (share.resources.count > 10 ? ", … (\(share.resources.count) in all)" : "")))
        }

        var summary = RenderSummary(view: "overview of external access")
        let sortedNodes = nodes.values.sorted { $0.id < $1.id }
        let sortedEdges = edges.sorted(by: ViewEdge.ordered)
        summary.graphNodes = sortedNodes.count
        summary.graphEdges = sortedEdges.count
        summary.selectedNodes = sortedNodes.count
        summary.selectedEdges = sortedEdges.count
        summary.drawnNodes = sortedNodes.count
        summary.drawnEdges = sortedEdges.count
        summary.notes = notes(overview, plan: plan, maxNodes: options.maxNodes)
        return (RenderView(nodes: sortedNodes, edges: sortedEdges, summary: summary), title(overview, plan: plan, maxNodes: options.maxNodes))
    }

    static func countsNode(_ account: OrganizationOverview.AccountCounts, plan: OverviewPlan, options: RenderOptions) -> ViewNode {
        var lines = [
            "\(Count.noun(account.principals, "principal")) · \(Count.noun(account.resources, "resource"))",
            "\(Count.format(account.reachable)) reachable from outside",
        ]
        if account.entryRoles > 0 { lines.append("\(Count.noun(account.entryRoles, "entry role")) (roles outsiders enter)") }
        var left: [String] = []
        if let n = plan.omittedRoles[account.id] { left.append(Count.noun(n, "entry role")) }
        if let n = plan.omittedShares[account.id] { left.append(Count.noun(n, "direct grant")) }
        if !left.isEmpty { lines.append("not drawn: " + left.joined(separator: ", ")) }
        let tooltip = ["account \(account.id): resources by type (reachable from outside / in all)"]
            + account.types.map { "\(kind($0.type).plural): \(Count.format($0.reachable)) / \(Count.format($0.resources))" }
        return ViewNode(
            id: OverviewIDs.counts(account.id), label: lines.joined(separator: "\n"), tooltip: tooltip.joined(separator: "\n"),
            kind: .resource, account: account.id, category: .accountCounts)
    }

    static func groupNode(_ account: String, _ type: String, counts: OrganizationOverview.AccountCounts?) -> ViewNode {
        let k = kind(type)
        let t = counts?.types.first { $0.type == type }
        let line = t.map { "\(Count.format($0.reachable)) of \(Count.format($0.resources)) reachable" } ?? "reachable"
        let examples = t?.examples ?? []
        let tooltip = "\(k.plural) of account \(account) (\(type)): \(line) from outside"
            + (examples.isEmpty ? "" : "\n" + examples.joined(separator: "\n") + ((t?.reachable ?? 0) > examples.count ? "\n…" : ""))
        if t?.reachable == 1, let only = examples.first {
            // One resource: named, as it would be drawn on its own.
            let node = Node(id: only, kind: .resource, account: account, resourceType: type)
            return ViewNode(
                id: OverviewIDs.group(account, type), label: "\(node.label)\n(1 of \(Count.format(t?.resources ?? 1)))",
                tooltip: tooltip, kind: .resource, resourceType: type, account: account)
        }
        return ViewNode(
            id: OverviewIDs.group(account, type), label: "\(k.plural)\n\(line)", tooltip: tooltip,
            kind: .resource, resourceType: type, account: account, standsForMany: true)
    }

    /// The kind of a type, or one named after the type itself.
    static func kind(_ type: String) -> (singular: String, plural: String) {
        if let k = ResourceKind.of(type: type) { return (k.singular, k.plural) }
        return (type, type)
    }

    /// "1,204 · List, Read" (counts and access levels).
    static func reachLabel(_ count: String, _ levels: [String]) -> String {
        let text = levelText(levels)
        return count + (text.isEmpty ? "" : " · " + text)
    }

    /// An entry role ("role/Deployer"), or several alike ("14 entry roles", listed in the tooltip).
    static func roleNode(_ bundle: RoleBundle) -> ViewNode {
        let first = bundle.first
        let entered = "entered by \(Count.noun(first.entrants.count, "outside principal"))"
        if bundle.roles.count == 1 {
            return ViewNode(
                id: bundle.id, label: Node.defaultLabel(for: first.role, kind: .role, resourceType: "AWS::IAM::Role"),
                tooltip: "\(first.role)\n\(entered); reaches \(Count.noun(first.resources, "resource"))",
                kind: .role, resourceType: "AWS::IAM::Role", account: first.account)
        }
        let label = "\(Count.format(bundle.roles.count)) entry roles"
        return ViewNode(
            id: bundle.id, label: label + "\nalike: same principals, same reach",
            tooltip: Collapse.tooltip(label: label + ", each \(entered)", members: bundle.roles.map(\.role)),
            kind: .role, resourceType: "AWS::IAM::Role", account: first.account, standsForMany: true)
    }

    /// Access levels, short: List, Read, Write, Perm (Permissions management), Tag (Tagging).
    static func levelText(_ levels: [String]) -> String {
        levels.map { level in
            switch level {
            case "Permissions management": "Perm"
            case "Tagging": "Tag"
            default: level
            }
        }.joined(separator: ", ")
    }

    static func title(_ overview: OrganizationOverview, plan: OverviewPlan, maxNodes: Int) -> String {
        let grants = overview.shares.reduce(0) { $0 + $1.resources.count }
        var lines = [
            "Reachable from outside: \(Count.noun(overview.reachableResources, "resource")) in \(Count.noun(overview.accounts.count, "account")), "
                + "through \(Count.noun(overview.entryRoles.count, "entry role")) and \(Count.noun(grants, "direct grant")) "
                + "to \(Count.noun(overview.outsidePrincipals.count, "outside principal"))",
        ]
        if !plan.isComplete {
            lines.append("Summarised to at most \(maxNodes) nodes: " + omissions(overview, plan: plan).joined(separator: "; ")
                + ". --max-nodes N draws more, --paths every path")
        }
        return lines.joined(separator: "\n")
    }

    static func omissions(_ overview: OrganizationOverview, plan: OverviewPlan) -> [String] {
        var out: [String] = []
        if plan.omittedRoleCount > 0 {
            out.append("\(Count.format(plan.roleCount)) of \(Count.noun(overview.entryRoles.count, "entry role")) drawn (public and widest reach first)")
        }
        if plan.omittedShareCount > 0 {
            out.append("\(Count.format(overview.shares.count - plan.omittedShareCount)) of \(Count.format(overview.shares.count)) groups of direct grants drawn")
        }
        if plan.omittedPrincipals > 0 { out.append("\(Count.noun(plan.omittedPrincipals, "outside principal")) not drawn") }
        return out
    }

    static func notes(_ overview: OrganizationOverview, plan: OverviewPlan, maxNodes: Int) -> [String] {
        var notes = ["summary: \(Count.noun(overview.entryRoles.count, "entry role")), \(Count.noun(overview.entryPoints.count, "entry point")), "
            + "\(Count.noun(overview.shares.count, "group")) of direct grants, \(Count.noun(overview.outsidePrincipals.count, "outside principal"))"]
        if plan.isComplete {
            notes.append("everything fits in \(maxNodes) nodes: nothing left out")
        } else {
            notes.append("summarised to at most \(maxNodes) nodes: " + omissions(overview, plan: plan).joined(separator: "; ")
                + " (--max-nodes N draws more)")
        }
        return notes
    }
}

/// Counts as people read them.
enum Count {
    /// "1,204".
    static func format(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// "1 entry role", "12 entry roles".
    static func noun(_ n: Int, _ singular: String) -> String {
        "\(format(n)) \(singular)\(n == 1 ? "" : "s")"
    }
}
