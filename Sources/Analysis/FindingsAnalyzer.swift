import Graph
import Policy
import Snapshot

/// Finds every resource that a principal outside the zone of trust can reach:
/// grants in resource and trust policies to outside principals (as Access Analyzer
/// reports them), public S3 ACLs, and what outside principals reach in turn through
/// the roles they can assume (which Access Analyzer does not show).
public struct FindingsAnalyzer: Sendable {
    public let model: AccessModel

    public init(model: AccessModel) { self.model = model }

    public func findings() -> [Finding] {
        var byKey: [String: Finding] = [:]
        func keep(_ f: Finding) {
            // One finding per resource, principal and condition, as Access Analyzer keys them.
            let key = f.resource + "\u{0}" + f.principal + "\u{0}" + f.conditionKey
            if let old = byKey[key] {
                var merged = old.path.count <= f.path.count ? old : f
                merged.actions = Array(Set(old.actions + f.actions)).sorted()
                merged.isPublic = old.isPublic || f.isPublic
                byKey[key] = merged
            } else {
                byKey[key] = f
            }
        }
        let direct = directFindings()
        direct.forEach(keep)
        for f in transitiveFindings(from: direct) { keep(f) }
        return byKey.values.sorted { ($0.resource, $0.principal) < ($1.resource, $1.principal) }
    }

    /// Grants to outside principals in each resource's own policy, and public ACLs.
    func directFindings() -> [Finding] {
        var out: [Finding] = []
        for arn in model.resources.keys.sorted() {
            let r = model.resources[arn]!
            let everyone = model.outsidePrincipals["*"].flatMap { model.access(of: $0, to: r) }
            let policyIsPublic = everyone.map { PublicAccess.isPublic(principal: model.outsidePrincipals["*"]!, conditions: $0.conditions) } ?? false
            for p in namedPrincipals(in: r) where !model.isInsideZone(p, resourceAccount: r.account, resourceIsRole: r.isRole) {
                guard let access = model.access(of: p, to: r) else { continue }
                let isPublic = PublicAccess.isPublic(principal: p, conditions: access.conditions)
                if p.node.kind != .service, S3PublicAccess.restricted(r, policyIsPublic: policyIsPublic, principalAccount: p.request.account) { continue }
                out.append(Finding(
                    resource: r.arn, resourceType: r.type, principal: p.id, isPublic: isPublic, actions: access.actions,
                    conditions: access.conditions, path: [p.id, r.arn]))
            }
            if let actions = S3PublicAccess.aclPublicActions(r) {
                out.append(Finding(
                    resource: r.arn, resourceType: r.type, principal: "*", isPublic: true, actions: actions, conditions: [:],
                    path: ["*", r.arn]))
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

    /// From each outside principal that can assume a role, every role reachable from there and
    /// every resource those roles can access inside the zone.
    func transitiveFindings(from direct: [Finding]) -> [Finding] {
        var out: [Finding] = []
        let reach = RoleReachability(model: model)
        for entry in direct where entry.resourceType == "AWS::IAM::Role" {
            guard let origin = model.principal(entry.principal) else { continue }
            for step in reach.rolesReachable(from: entry.resource, conditions: entry.conditions) {
                guard let role = model.principals[step.role] else { continue }
                if step.path.count > 1, let target = model.resources[step.role], !model.isInsideZone(origin, resourceAccount: target.account) {
                    out.append(Finding(
                        resource: step.role, resourceType: target.type, principal: origin.id, isPublic: entry.isPublic,
                        actions: ["sts:AssumeRole"], conditions: step.conditions, path: [origin.id] + step.path))
                }
                for r in model.candidateResources(for: role) where !r.isRole {
                    if model.isInsideZone(origin, resourceAccount: r.account) { continue }
                    guard let access = model.access(of: role, to: r) else { continue }
                    out.append(Finding(
                        resource: r.arn, resourceType: r.type, principal: origin.id, isPublic: entry.isPublic,
                        actions: access.actions, conditions: merge(step.conditions, access.conditions),
                        path: [origin.id] + step.path + [r.arn]))
                }
            }
        }
        return out
    }
}

extension Finding {
    /// The conditions as one comparable string.
    var conditionKey: String {
        conditions.keys.sorted().map { op in op + conditions[op]!.keys.sorted().map { "\($0)=\(conditions[op]![$0]!)" }.joined() }.joined()
    }
}

func merge(_ a: [String: [String: [String]]], _ b: [String: [String: [String]]]) -> [String: [String: [String]]] {
    var out = a
    for (op, keys) in b {
        for (k, v) in keys { out[op, default: [:]][k] = Array(Set((out[op]?[k] ?? []) + v)).sorted() }
    }
    return out
}
