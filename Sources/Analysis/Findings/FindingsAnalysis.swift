import Concurrency
import Graph
import Policy

/// The findings of a model under a filter, prepared once: the direct findings, and for every
/// role an outside principal enters (its direct finding on the role, the *entry*), the roles it
/// leads to and what they can access. From there `entryPoints()` summarises what each outside
/// principal reaches through each role it enters, and `forEachTransitiveFinding` lists it.
///
/// The rule (docs/semantics.md): an entry point is one direct finding on a role, i.e. one
/// (outside principal, entry role, conditions). Its transitive findings are one per resource
/// reached from the entry role: each role reached past the first (actions `sts:AssumeRole`) and
/// each resource that any role reached can access, outside the zone of trust of the principal;
/// the path is the shortest chain from the entry role, the actions those of every role reached,
/// the conditions the entry's, the chain's and the access's. Nothing is dropped because the
/// principal also reaches the resource directly or through another entry point, so an entry
/// point's `reach` is exactly its transitive findings counted by account and type.
public struct FindingsAnalysis: Sendable {
    public let model: AccessModel
    public let filter: FindingFilter
    /// The direct findings the filter admits, by resource, principal, then conditions.
    public let direct: [Finding]
    /// The entry roles (sorted by ARN), each with its entries the filter admits.
    let entryRoles: [EntryRole]
    /// The role-assumption edges out of every role reached from the entry roles.
    let graph: RoleReachability
    /// Every role reached from the entry roles (them included), in the order first met.
    let reachedRoles: [String]
    let table: RoleAccessTable
    let categories: ResourceCategories
    /// Per category, whether the filter admits its account and type.
    let admitted: [Bool]
    /// Resources that some public direct finding is on.
    let publicResources: ResourceBits
    /// The access levels of `sts:AssumeRole`, the action of a finding on a role entered past the first.
    let assumeLevels: LevelMask

    /// A role outside principals enter, and its entries.
    struct EntryRole: Sendable {
        let role: String
        /// Direct findings on the role, by principal, then conditions.
        let entries: [Finding]
    }

    init(
        model: AccessModel, direct all: [Finding], filter: FindingFilter, progress: (@Sendable (Int, Int) -> Void)?,
        stages: AnalysisSession.StageTimer? = nil
    ) async {
        let clock = ContinuousClock()
        var start = clock.now
        self.model = model
        self.filter = filter
        let categories = ResourceCategories(model: model)
        self.categories = categories
        admitted = categories.categories.map { filter.admits(resourceType: $0.type, account: $0.account) }
        direct = all.filter { f in
            guard filter.admits(principal: f.principal, isPublic: f.isPublic), let r = model.resources[f.resource] else { return false }
            return filter.admits(resourceType: r.type, account: r.account)
        }
        var publicResources = ResourceBits(count: categories.count)
        for f in all where f.isPublic {
            if let r = model.resources[f.resource], let i = categories.ordinalOf[ObjectIdentifier(r)] { publicResources.insert(i) }
        }
        self.publicResources = publicResources
        // Entries: direct findings on roles (all of them, whatever the type and account filter: an
        // entry reaches other types and accounts), grouped by role.
        var byRole: [String: [Finding]] = [:]
        for f in all where f.resourceType == "AWS::IAM::Role" && filter.admits(principal: f.principal, isPublic: f.isPublic) {
            byRole[f.resource, default: []].append(f)
        }
        let roles = byRole.keys.sorted()
        let graph = RoleReachability(model: model, from: roles)
        self.graph = graph
        entryRoles = roles.map { role in
            EntryRole(role: role, entries: byRole[role]!.sorted { ($0.principal, $0.conditionKey) < ($1.principal, $1.conditionKey) })
        }
        let reached = graph.reachable(from: roles)
        reachedRoles = reached
        stages?("roles reached (\(roles.count) entry roles, \(reached.count) roles)", clock.now - start)
        start = clock.now
        let catalog = Self.catalog(of: model)
        let levels: @Sendable ([String]) -> LevelMask = { actions in
            catalog.map { LevelMask(AccessLevelSummary(actions: actions, catalog: $0)) } ?? .none
        }
        assumeLevels = levels(FindingsAnalyzer.assumeRoleActions)
        // Only roles can be reached when the filter admits no other type: nothing to decide.
        let needsResources = zip(categories.categories, admitted).contains { $0.1 && $0.0.type != "AWS::IAM::Role" }
        table = await RoleAccessTable(
            model: model, roles: needsResources ? reached : [], categories: categories, levels: levels, progress: progress)
        stages?("what roles reached can access (\(reached.count) roles, \(table.groups.count) classes)", clock.now - start)
    }

    /// The catalog access levels come from: the model's own, else the bundled one.
    static func catalog(of model: AccessModel) -> ActionCatalog? {
        (model.vocabulary as? CatalogVocabulary)?.catalog ?? (try? ActionCatalog.bundled())
    }

    /// The accounts whose resources are inside the zone of trust of `principal` (not findings for it).
    func accountsInsideZone(of principal: String) -> Set<String> {
        guard let p = model.principal(principal) else { return [] }
        return Set(categories.categories.map(\.account).filter { model.isInsideZone(p, resourceAccount: $0) })
    }
}
