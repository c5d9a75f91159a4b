import Concurrency
import Graph
import Policy

/// The findings of a model under a filter, prepared once: the direct findings, and for every
/// role an outside principal enters (its direct finding on the role, the *entry*), the roles it
/// leads to and what they can access. From there `entryPoints()` summarises what each outside
/// principal reaches through each role it enters, and `forEachTransitiveFinding` lists it.
///
/// The rule (docs/semantics.md): an outside principal's transitive findings are one per resource
/// it reaches through the roles it enters (and those they can assume in turn), but for resources
/// of its own zone of trust and those it has a direct finding on: one breadth-first search from
/// all its entries at once (per public flag), the path the shortest chain to the first role that
/// reaches the resource, the actions those of every role reached, the conditions the entry's,
/// the chain's and that access's. An entry point is one (outside principal, entry role,
/// conditions); its `reach` counts, by account and type, exactly the transitive findings whose
/// chain starts with it (`path[1]`): the entry points of a principal share out its findings.
public struct FindingsAnalysis: Sendable {
    public let model: AccessModel
    public let filter: FindingFilter
    /// The direct findings the filter admits, by resource, principal, then conditions; those on
    /// unused roles marked after `markingUnused(_:)`.
    public internal(set) var direct: [Finding]
    /// Unused roles (`UnusedMarks`) that `entryPoints()` marks; empty until `markingUnused(_:)`.
    var unusedRoles: [String: UnusedMark] = [:]
    /// The outside principals that enter roles, each with its entries the filter admits.
    let origins: [Origin]
    /// The role-assumption edges out of every role reached from the entry roles.
    let graph: RoleReachability
    /// Every role reached from the entry roles (them included), in the order first met.
    let reachedRoles: [String]
    /// The resources (ordinals) each outside principal has a direct finding on: not repeated as transitive.
    let directResources: [String: Set<Int>]
    let table: RoleAccessTable
    /// The principals the walk meets, numbered for the entry-point searches.
    let numbering: RoleNumbering
    let categories: ResourceCategories
    /// Per category, whether the filter admits its account and type.
    let admitted: [Bool]
    /// Resources that some public direct finding is on.
    let publicResources: ResourceBits
    /// The access levels of `sts:AssumeRole`, the action of a finding on a role entered past the first.
    let assumeLevels: LevelMask
    /// The escalation edges the walk follows besides role assumption; nil when it follows none.
    let escalationSteps: EscalationSteps?

    /// An outside principal that enters roles, searched from all of them at once: one search per
    /// principal and public flag (a chain is public only when the role it enters by is).
    struct Origin: Sendable {
        let principal: String
        let isPublic: Bool
        /// Its direct findings on roles, in the order of the direct findings.
        let entries: [Finding]
        /// The roles it enters, each once, in that order: where the search starts.
        var starts: [String] {
            var seen: Set<String> = []
            return entries.map(\.resource).filter { seen.insert($0).inserted }
        }
    }

    init(
        model: AccessModel, direct all: [Finding], filter: FindingFilter, progress: (@Sendable (Int, Int) -> Void)?,
        stages: AnalysisSession.StageTimer? = nil, escalation: Escalation? = nil
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
        struct Key: Hashable { let principal: String; let isPublic: Bool }
        var byOrigin: [Key: [Finding]] = [:]
        for f in all where f.resourceType == "AWS::IAM::Role" && filter.admits(principal: f.principal, isPublic: f.isPublic) {
            byOrigin[Key(principal: f.principal, isPublic: f.isPublic), default: []].append(f)
        }
        origins = byOrigin.keys.sorted { ($0.principal, $0.isPublic ? 0 : 1) < ($1.principal, $1.isPublic ? 0 : 1) }.map {
            Origin(principal: $0.principal, isPublic: $0.isPublic, entries: byOrigin[$0]!)
        }
        var roles: [String] = []
        var seenRoles: Set<String> = []
        for o in origins { for r in o.starts where seenRoles.insert(r).inserted { roles.append(r) } }
        let graph: RoleReachability
        var steps: EscalationSteps?
        if let escalation {
            let walk = RoleReachability.withEscalation(model: model, from: roles, escalation: escalation)
            graph = walk.0
            steps = walk.1
        } else {
            graph = RoleReachability(model: model, from: roles)
        }
        self.graph = graph
        let reached = graph.reachable(from: roles)
        reachedRoles = reached
        var directResources: [String: Set<Int>] = [:]
        for f in all {
            if let r = model.resources[f.resource], let i = categories.ordinalOf[ObjectIdentifier(r)] { directResources[f.principal, default: []].insert(i) }
        }
        self.directResources = directResources
        stages?("roles reached (\(roles.count) entry roles, \(reached.count) roles)", clock.now - start)
        start = clock.now
        let catalog = Self.catalog(of: model)
        let levels: @Sendable ([String]) -> LevelMask = { actions in
            catalog.map { LevelMask(AccessLevelSummary(actions: actions, catalog: $0)) } ?? .none
        }
        assumeLevels = levels(FindingsAnalyzer.assumeRoleActions)
        escalationSteps = steps?.withLevels(levels)
        // Only roles can be reached when the filter admits no other type: nothing to decide.
        let needsResources = zip(categories.categories, admitted).contains { $0.1 && $0.0.type != "AWS::IAM::Role" }
        table = await RoleAccessTable(
            model: model, roles: needsResources ? reached : [], categories: categories, levels: levels, progress: progress)
        numbering = RoleNumbering(graph: graph, reached: reached, model: model, categories: categories, table: table)
        stages?(
            "what roles reached can access (\(reached.count) roles, \(table.groups.count) classes, "
                + "\(table.groups.reduce(0) { $0 + $1.count }) classes of resources reached)", clock.now - start)
    }

    /// The catalog access levels come from: the model's own, else the bundled one.
    static func catalog(of model: AccessModel) -> ActionCatalog? {
        (model.vocabulary as? CatalogVocabulary)?.catalog ?? (try? ActionCatalog.bundled())
    }

    /// The access levels of a finding on the role `e` enters: those of `sts:AssumeRole`, or of
    /// the escalation's actions.
    func arrivalLevels(_ e: Edge) -> LevelMask {
        e.kind == .canEscalate ? (escalationSteps?.levels(from: e.from, to: e.to) ?? .none) : assumeLevels
    }

    /// The actions of a finding on the role `e` enters.
    func arrivalActions(_ e: Edge) -> [String] {
        e.kind == .canEscalate ? e.actions : FindingsAnalyzer.assumeRoleActions
    }

    /// The accounts whose resources are inside the zone of trust of `principal` (not findings for it).
    func accountsInsideZone(of principal: String) -> Set<String> {
        guard let p = model.principal(principal) else { return [] }
        return Set(categories.categories.map(\.account).filter { model.isInsideZone(p, resourceAccount: $0) })
    }
}
