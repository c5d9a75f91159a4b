import Graph
import Policy
import Snapshot

/// Writes a least-privilege identity policy for a user or role from its service last-accessed
/// data: of the actions its current identity policies allow, those of services it used in the
/// window, and of services with action-level data only the actions it used. Each suggested
/// statement narrows one current Allow statement to those actions, keeping its resources and
/// conditions (the resources the snapshot shows); the current Deny statements of those services
/// are kept. The suggestion is then checked two ways: `check no-new-access` against the current
/// identity policies, and the evaluator on every (action, resource) the suggestion names.
public struct PolicySuggester: Sendable {
    public let model: AccessModel
    public let window: UsageWindow
    let catalog: ActionCatalog

    public init(model: AccessModel, window: UsageWindow) throws(ActionCatalogError) {
        self.model = model
        self.window = window
        self.catalog = try ActionCatalog.bundled()
    }

    public func suggest(principal arn: String) throws(PolicySuggestError) -> PolicySuggestion {
        guard let entry = model.principals[arn], let account = entry.node.account.flatMap({ model.snapshot.accounts[$0] }) else {
            throw .unknownPrincipal(arn)
        }
        let id = account.users.first { $0.arn == arn }?.id ?? account.roles.first { $0.arn == arn }?.id
        let usage = account.usage ?? AccountUsage()
        guard let id, let data = usage.lastAccessed[id] else {
            throw .noData(principal: arn, file: usage.iamFile("service-last-accessed/\(id ?? "<id>").json"))
        }
        let space = ActionSpace(catalog: catalog)
        var kept: Set<String> = []
        var dropped: [String] = []
        var untracked: [String] = []
        let allows = entry.policies.identityPolicies.flatMap(\.document.statements).filter { $0.effect == .allow }
        for service in data.services {
            guard service.lastAuthenticated.isUsed(since: window.cutoff) else {
                dropped.append(service.namespace)
                continue
            }
            let prefix = service.namespace.lowercased() + ":"
            let tracked = Dictionary((service.actions ?? []).map { (prefix + $0.name.lowercased(), $0.lastAccessed) }) { a, _ in a }
            if tracked.isEmpty { untracked.append(service.namespace) }
            for action in catalog.expand(ActionPattern(prefix + "*")) {
                let name = action.fullName
                let lowered = name.lowercased()
                if let use = tracked[lowered], !use.isUsed(since: window.cutoff) { continue }
                if allows.contains(where: { $0.appliesTo(action: lowered) }) { kept.insert(name) }
            }
        }
        let document = SuggestedPolicy(allows: allows, denies: entry.policies.identityPolicies.flatMap(\.document.statements).filter { $0.effect == .deny }, actions: kept)
        let text = document.json()
        let parsed = (try? PolicyParser().parse(text: text).document) ?? PolicyDocument(statements: [])
        let current = PolicyDocument(statements: entry.policies.identityPolicies.flatMap(\.document.statements).enumerated().map { $1.at(index: $0) })
        let check = NoNewAccessCheck(space: space).run(
            reference: CheckedPolicy(file: "current identity policies of \(arn)", document: current),
            new: CheckedPolicy(file: "suggested policy", document: parsed))
        let (compared, widened) = compare(entry, suggested: parsed)
        return PolicySuggestion(
            principal: arn, policy: text, actions: kept.sorted(), droppedServices: dropped.sorted(), untrackedServices: untracked.sorted(),
            evidence: data.file, noNewAccess: check, requestsCompared: compared, widened: widened)
    }

    /// The evaluator on each (action, resource) the suggestion names, with the principal's current
    /// policy set and with its identity policies replaced by the suggestion (boundary and SCPs kept):
    /// the requests allowed only by the suggestion.
    func compare(_ entry: PrincipalEntry, suggested: PolicyDocument) -> (Int, [String]) {
        var replaced = entry.policies
        replaced.identityPolicies = [NamedPolicy(name: "suggested policy", document: suggested)]
        var compared = 0
        var widened: [String] = []
        for statement in suggested.statements where statement.effect == .allow {
            let resources = (statement.resource?.patterns ?? []).map { Self.sample($0.text, account: entry.node.account ?? "") }
            for action in statement.action.patterns.map(\.text) {
                for resource in resources {
                    let request = Request(principal: entry.request, action: action, resource: resource.flatMap(RequestResource.init), context: entry.context)
                    compared += 1
                    let before = Evaluator().evaluate(request, entry.policies).result
                    let after = Evaluator().evaluate(request, replaced).result
                    if after > before { widened.append("\(action) on \(resource ?? "*")") }
                }
            }
        }
        return (compared, widened)
    }

    /// A concrete ARN a resource pattern matches (`*` becomes `x`), nil for `*` itself.
    static func sample(_ pattern: String, account: String) -> String? {
        guard pattern != "*" else { return nil }
        return pattern.replacingOccurrences(of: "*", with: "x").replacingOccurrences(of: "?", with: "x")
    }
}
