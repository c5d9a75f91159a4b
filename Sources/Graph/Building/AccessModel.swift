import Concurrency
import Policy
import Snapshot

/// The snapshot prepared for questions: every principal and resource ready for
/// evaluation, the role-assumption edges, and indexes to find candidates quickly.
/// Access to resources is computed on demand (`access(of:to:)`), never for every pair.
public struct AccessModel: Sendable {
    public let snapshot: Snapshot
    public let zone: Zone
    public let vocabulary: any ActionVocabulary
    /// Users and roles of the snapshot, by ARN.
    public internal(set) var principals: [String: PrincipalEntry] = [:]
    /// Principals named in policies that are not users or roles of the snapshot, by id.
    public internal(set) var outsidePrincipals: [String: PrincipalEntry] = [:]
    /// Resources (including roles, as `AWS::IAM::Role`), by ARN.
    public internal(set) var resources: [String: ResourceEntry] = [:]
    /// Principal ARNs by account.
    public internal(set) var principalsByAccount: [String: [String]] = [:]
    /// Who can assume each role: edges by role ARN.
    public internal(set) var assumeEdges: [String: [Edge]] = [:]
    /// Warnings found while building (unknown principals named in policies, ...).
    public internal(set) var warnings: [SnapshotWarning] = []
    let factory: PrincipalFactory
    /// Per-statement action masks, shared by every evaluation.
    let masks = ActionMaskCache()
    /// Action universes by vocabulary key.
    var universeIDs: [String: ActionUniverse] = [:]
    /// Resource ARNs, principal ARNs and outside principal ids, sorted once.
    public internal(set) var resourceOrder: [String] = []
    public internal(set) var principalOrder: [String] = []
    public internal(set) var outsideOrder: [String] = []
    /// Resources by account and service (non-role resources), sorted by ARN: the same-account candidates.
    public internal(set) var resourcesByAccountService: [String: [String: [ResourceEntry]]] = [:]
    /// Non-role resources whose policy's Allow statements name a principal id (an ARN, an account
    /// root, a service, a provider) or everyone (`*`, also for NotPrincipal): the cross-account candidates.
    public internal(set) var resourcesNaming: [String: [ResourceEntry]] = [:]
    /// Who each principal can assume (the reverse of `assumeEdges`), by principal id.
    public internal(set) var assumableBy: [String: [Edge]] = [:]

    /// How role-assumption edges are built.
    public enum AssumeEdgeBuilding: Sendable {
        /// All at once, into `assumeEdges` and `assumableBy` (findings, graphs, reports).
        case all
        /// Only for the roles asked about, through `edges(into:)` or `EdgesFrom` (who-can walks
        /// back from one resource, findings forward from outside principals, and both meet few
        /// roles); `assumeEdges` and `assumableBy` stay empty.
        case onDemand
    }

    public let assumeEdgeBuilding: AssumeEdgeBuilding

    /// Which resources are prepared for evaluation.
    public enum ResourceScope: Sendable {
        /// Every resource of the snapshot.
        case all
        /// Every role, and of the other resources only these ARNs (who-can asks about one
        /// resource: preparing the estate's others would be most of its work). Outside principals
        /// and their warnings are still gathered from every policy.
        case rolesAnd(Set<String>)

        func includes(_ arn: String) -> Bool {
            switch self {
            case .all: true
            case .rolesAnd(let arns): arns.contains(arn)
            }
        }
    }
    /// Who may assume roles, per account (see `AssumerIndex`).
    var assumers: [String: AssumerIndex] = [:]

    /// Per account, the action universes whose every action the account's SCPs deny: no principal
    /// the SCPs apply to can be granted any of them (see `scpsMayAllowSome`).
    var scpClosedUniverses: [String: Set<Int>] = [:]

    public init(
        snapshot: Snapshot, zone: ZoneKind = .organization, vocabulary: (any ActionVocabulary)? = nil,
        assumeEdges building: AssumeEdgeBuilding = .all, resources scope: ResourceScope = .all
    ) {
        self.assumeEdgeBuilding = building
        self.snapshot = snapshot
        self.zone = Zone(kind: zone, snapshot: snapshot)
        self.factory = PrincipalFactory(snapshot: snapshot, zone: self.zone)
        // Action names the catalog does not know are looked for while principals are built.
        var typoCatalog: ActionCatalog?
        if let vocabulary {
            self.vocabulary = vocabulary
        } else if let catalog = try? ActionCatalog.bundled() {
            self.vocabulary = CatalogVocabulary(catalog: catalog)
            typoCatalog = catalog
        } else {
            self.vocabulary = LiteralActionVocabulary(policies: Self.allDocuments(snapshot))
            warnings.append(SnapshotWarning(file: "action-catalog.txt", message: "the action catalog could not be loaded: wildcards are expanded only into action names the snapshot's policies spell out"))
        }
        // Principals and resources are built per account on every core; universes are interned
        // in account order so their ids do not depend on scheduling.
        let accounts = snapshot.accountIDs.map { snapshot.accounts[$0]! }
        let factory = self.factory
        let catalog = typoCatalog
        // Job 0 looks for typos, job i > 0 builds the principals of account i - 1.
        let jobs = ParallelMap.map(Array(0...accounts.count)) { i -> ([PrincipalEntry], [SnapshotWarning]) in
            guard i > 0 else { return ([], catalog.map { ActionTypos.warnings(in: snapshot, catalog: $0) } ?? []) }
            return (factory.users(of: accounts[i - 1]) + factory.roles(of: accounts[i - 1]), [])
        }
        warnings = jobs[0].1 + warnings
        let builtPrincipals = jobs.dropFirst().map(\.0)
        for (account, built) in zip(accounts, builtPrincipals) {
            for p in built {
                principals[p.id] = p
                principalsByAccount[account.id, default: []].append(p.id)
            }
        }
        addResources(of: accounts, scope: scope)
        for account in accounts {
            for r in account.resources where ARN(r.arn) != nil { collectOutsidePrincipals(named: r.policy?.document) }
            for role in account.roles where ARN(role.arn) != nil { collectOutsidePrincipals(named: role.trustPolicy) }
        }
        // A bucket made public by its ACL alone names everyone in no policy document.
        if resources.values.contains(where: \.namesEveryone) { registerOutside(.anyone) }
        resourceOrder = resources.keys.sorted()
        indexResources()
        principalOrder = principals.keys.sorted()
        outsideOrder = outsidePrincipals.keys.sorted()
        scpClosedUniverses = Self.scpClosedUniverses(snapshot, universes: Array(universeIDs.values), masks: masks)
        let byAccount = principalsByAccount.map { ($0.key, $0.value.compactMap { principals[$0] }) }
        let indexes = ParallelMap.map(byAccount) { AssumerIndex($0.1) }
        assumers = Dictionary(uniqueKeysWithValues: zip(byAccount.map(\.0), indexes))
        if building == .all { buildAssumeEdges() }
    }

    static func allDocuments(_ snapshot: Snapshot) -> [PolicyDocument] {
        var docs: [PolicyDocument] = []
        for a in snapshot.accounts.values {
            docs += a.managedPolicies.values.map(\.document)
            docs += a.users.flatMap { $0.inlinePolicies.map(\.document) }
            docs += a.groups.flatMap { $0.inlinePolicies.map(\.document) }
            docs += a.roles.flatMap { $0.inlinePolicies.map(\.document) }
            docs += a.resources.compactMap { $0.policy?.document }
        }
        return docs
    }

    mutating func addResources(of accounts: [Account], scope: ResourceScope) {
        let vocabulary = self.vocabulary
        // Targets and universe keys of every resource in scope, per account in parallel.
        let planned = ParallelMap.map(accounts) { account in
            account.resources.compactMap { r -> (Resource, ARN, [RequestResource], [String])? in
                guard scope.includes(r.arn), let arn = ARN(r.arn) else { return nil }
                let targets = ResourceTargets.targets(for: r, arn: arn)
                return (r, arn, targets, targets.map { vocabulary.universeKey(for: $0.arn) })
            }
        }
        // Universes interned in order, actions computed once per key.
        var universes: [[[ActionUniverse]]] = []
        for plan in planned {
            universes.append(plan.map { _, _, targets, keys in zip(targets, keys).map { universe(for: $0.arn, key: $1) } })
        }
        let interned = universes
        let masks = self.masks
        let organization = snapshot.organization
        let built = ParallelMap.map(Array(accounts.indices)) { i -> [ResourceEntry] in
            let account = accounts[i]
            let rcp = organization?.rcpLevels(forAccount: account.id) ?? []
            var out: [ResourceEntry] = []
            for (j, (r, _, targets, _)) in planned[i].enumerated() {
                let effective = EffectivePolicy(r, accountBlock: account.s3PublicAccessBlock)
                let node = Node(id: r.arn, kind: .resource, account: account.id, resourceType: r.type)
                out.append(ResourceEntry(
                    node: node, arn: r.arn, type: r.type, account: account.id, policy: effective.policy,
                    policyRequired: r.policyRequired, rcpLevels: rcp, targets: targets, universes: interned[i][j], s3: r.s3,
                    effectivePublicAccessBlock: effective.publicAccessBlock, restrictPublicAccess: effective.restrictPublicAccess,
                    masks: masks))
            }
            for role in account.roles {
                guard let arn = ARN(role.arn) else { continue }
                out.append(ResourceEntry(
                    node: Node(id: role.arn, kind: .role, account: account.id, resourceType: "AWS::IAM::Role"),
                    arn: role.arn, type: "AWS::IAM::Role", account: account.id,
                    policy: role.trustPolicy.map { NamedPolicy(name: "trust policy of role/\(role.name)", document: $0) },
                    policyRequired: true, rcpLevels: rcp, targets: [RequestResource(arn: arn)], universes: [Self.assumeUniverses[0]]))
            }
            return out
        }
        for entries in built {
            for r in entries { resources[r.arn] = r }
        }
    }

    /// The universe of actions for a target, interned by the vocabulary's key.
    mutating func universe(for target: ARN, key: String) -> ActionUniverse {
        if let u = universeIDs[key] { return u }
        let u = ActionUniverse(id: universeIDs.count + Self.assumeUniverses.count, actions: vocabulary.actions(applicableTo: target))
        universeIDs[key] = u
        return u
    }

    /// The one-action universes of role trust: AWS principals, OIDC and SAML identities.
    static let assumeUniverses = [
        ActionUniverse(id: 0, actions: ["sts:AssumeRole"]), ActionUniverse(id: 1, actions: ["sts:AssumeRoleWithWebIdentity"]),
        ActionUniverse(id: 2, actions: ["sts:AssumeRoleWithSAML"]),
    ]

    /// Registers every principal a resource policy names that is not a snapshot user or role.
    mutating func collectOutsidePrincipals(named doc: PolicyDocument?) {
        guard let doc else { return }
        for s in doc.statements {
            guard let clause = s.principal else { continue }
            if case .notPrincipal = clause, s.effect == .allow { registerOutside(.anyone) }
            for p in clause.patterns where s.effect == .allow || clause.isNot { registerOutside(p) }
        }
    }

    mutating func registerOutside(_ p: PrincipalPattern) {
        if case .aws(let arn) = p, principals[arn] != nil { return }
        let id = p.description
        guard outsidePrincipals[id] == nil else { return }
        if let entry = factory.outside(p) {
            outsidePrincipals[entry.id] = entry
        } else {
            warnings.append(SnapshotWarning(file: "(policies)", message: "principal \"\(id)\" is not an account, user, role or session ARN; ignored"))
        }
    }

    /// The principal with this id: a snapshot user or role, or one named in a policy.
    public func principal(_ id: String) -> PrincipalEntry? { principals[id] ?? outsidePrincipals[id] }

    /// Whether a principal is inside the zone of trust of a resource of `account`.
    /// A service principal trusted by a role acts for the account that passes it the role
    /// (iam:PassRole), so role trust to a service is not access from outside.
    public func isInsideZone(_ p: PrincipalEntry, resourceAccount account: String, resourceIsRole: Bool = false) -> Bool {
        switch p.node.kind {
        case .service: return resourceIsRole
        case .everyone, .federated: return false
        default: return zone.contains(principalAccount: p.request.account, resourceAccount: account)
        }
    }
}

extension PrincipalClause {
    var isNot: Bool {
        if case .notPrincipal = self { return true }
        return false
    }
}
