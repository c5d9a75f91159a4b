import Concurrency
import Graph
import Policy
import Snapshot

/// Finds every resource that a principal outside the zone of trust can reach:
/// grants in resource and trust policies to outside principals (as Access Analyzer
/// reports them), public S3 ACLs, and what outside principals reach in turn through
/// the roles they can assume (which Access Analyzer does not show): summarised as entry points
/// (`FindingsAnalysis.entryPoints()`), or listed one transitive finding at a time.
public struct FindingsAnalyzer: Sendable {
    public let model: AccessModel
    /// Called as roles reachable from outside are analysed, a class of alike roles or a single
    /// role at a time (see `AccessPlan`): (done, total).
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    /// Called after each stage of `analyze` with what it did and how long it took.
    public var stages: AnalysisSession.StageTimer?

    /// When set, transitive findings and entry points also follow escalation edges out of every
    /// principal reached (docs/escalation.md, "Findings"), and transitive findings name each step.
    public var escalation: Escalation?

    public init(
        model: AccessModel, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil, stages: AnalysisSession.StageTimer? = nil,
        escalation: Escalation? = nil
    ) {
        self.model = model
        self.escalation = escalation
        self.progress = progress
        self.stages = stages
    }

    /// Every finding: the direct ones, then every transitive one (`FindingsAnalysis.transitiveFindings()`),
    /// the list `findings --expand` prints. On a large organization this is millions of values:
    /// prefer `analyze(filter:)` and its entry points, or stream with `forEachTransitiveFinding`.
    public func findings(filter: FindingFilter = FindingFilter()) async -> [Finding] {
        let analysis = await analyze(filter: filter)
        return analysis.direct + analysis.transitiveFindings()
    }

    /// Direct findings and what the entry points need, prepared once: see `FindingsAnalysis`.
    public func analyze(filter: FindingFilter = FindingFilter()) async -> FindingsAnalysis {
        let start = ContinuousClock.now
        let direct = directFindingsMerged()
        stages?("direct findings (\(direct.count))", ContinuousClock.now - start)
        return await FindingsAnalysis(model: model, direct: direct, filter: filter, progress: progress, stages: stages, escalation: escalation)
    }

    /// The direct findings, one per resource, principal and condition (as Access Analyzer keys
    /// them), in a total order: by resource, principal, then conditions.
    func directFindingsMerged() -> [Finding] {
        var byKey: [String: Finding] = [:]
        for f in directFindings() {
            let key = f.resource + "\u{0}" + f.principal + "\u{0}" + f.conditionKey
            if let old = byKey[key] {
                var merged = old
                if old.actions != f.actions { merged.actions = AccessModel.mergeSorted(old.actions, f.actions) }
                merged.isPublic = old.isPublic || f.isPublic
                byKey[key] = merged
            } else {
                byKey[key] = f
            }
        }
        return byKey.values.sorted { a, b in
            if a.resource != b.resource { return a.resource < b.resource }
            if a.principal != b.principal { return a.principal < b.principal }
            return a.pathAndConditionsKey < b.pathAndConditionsKey
        }
    }

    /// Grants to outside principals in each resource's own policy, and public ACLs, in resource
    /// order; slices of the resources on every core.
    func directFindings() -> [Finding] {
        let order = model.resourceOrder
        let sliceCount = min(order.count, 64)
        guard sliceCount > 1 else { return directFindings(of: order[...]) }
        let bounds = (0...sliceCount).map { $0 * order.count / sliceCount }
        let analyzer = self
        return ParallelMap.map(Array(0..<sliceCount)) { i in analyzer.directFindings(of: order[bounds[i]..<bounds[i + 1]]) }
            .flatMap { $0 }
    }

    /// The same for some of the resources.
    func directFindings(of arns: ArraySlice<String>) -> [Finding] {
        var out: [Finding] = []
        for arn in arns {
            let r = model.resources[arn]!
            for p in namedPrincipals(in: r) where !model.isInsideZone(p, resourceAccount: r.account, resourceIsRole: r.isRole) {
                guard let access = model.access(of: p, to: r) else { continue }
                out.append(Finding(
                    resource: r.arn, resourceType: r.type, principal: p.id,
                    isPublic: PublicAccess.isPublic(principal: p, access: access), actions: access.actions,
                    conditions: access.conditions, deniedWhen: access.deniedWhen, path: [p.id, r.arn]))
            }
        }
        return out
    }

    /// The principals a resource's policy names (snapshot principals by ARN, and outside ones).
    func namedPrincipals(in r: ResourceEntry) -> [PrincipalEntry] {
        guard let doc = r.policy?.document else { return [] }
        var ids: [String] = []
        for s in doc.statements where s.effect == .allow {
            guard let clause = s.principal else { continue }
            if case .notPrincipal = clause { ids.append("*"); continue }
            ids += clause.patterns.map(\.description)
        }
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }.compactMap(model.principal)
    }

    /// The actions of a finding on a role entered past the first: one array for all of them.
    static let assumeRoleActions = ["sts:AssumeRole"]

    /// Resources a role can access alike, by their positions in `model.resourceOrder`: given
    /// directly (`partition < 0`) or as positions in a partition of the role's `AccessPlan`
    /// (mapped by `RoleAccessTable.ordinals`), so that classes share their member lists.
    struct Reached: Sendable {
        let members: [Int32]
        let partition: Int
        var access: Access
        /// The access levels of `access.actions` (set by `ActionListInterning.canonical`).
        var levels: LevelMask = .none
    }

}

extension Finding {
    /// The path's length and steps, then the conditions, as one comparable string.
    var pathAndConditionsKey: String { String(path.count) + path.joined(separator: " ") + conditionKey }

    /// The conditions (and the deny conditions) as one comparable string.
    var conditionKey: String {
        if conditions.isEmpty && deniedWhen.isEmpty { return "" }
        return Self.key(conditions) + (deniedWhen.isEmpty ? "" : "\u{2}" + Self.key(deniedWhen))
    }

    static func key(_ conditions: [String: [String: [String]]]) -> String {
        var out = ""
        for op in conditions.keys.sorted() {
            out += op + "{"
            for key in conditions[op]!.keys.sorted() { out += key + "=" + conditions[op]![key]!.joined(separator: "\u{1}") + ";" }
            out += "}"
        }
        return out
    }
}

func merge(_ a: [String: [String: [String]]], _ b: [String: [String: [String]]]) -> [String: [String: [String]]] {
    var out = a
    for (op, keys) in b {
        for (k, v) in keys { out[op, default: [:]][k] = Array(Set((out[op]?[k] ?? []) + v)).sorted() }
    }
    return out
}
