import Policy

/// `check access-not-granted`: whether a policy allows any of some actions (optionally on some
/// resources), the offline counterpart of Access Analyzer's CheckAccessNotGranted.
///
/// Sound: PASS means no request for one of the actions (on one of the resources) is allowed by
/// the policy under any condition values. An Allow counts unless unconditional Denies of the same
/// policy that name its whole principal and resource cell take the actions away; an Allow with
/// conditions counts (it grants when they hold).
public struct AccessNotGrantedCheck: Sendable {
    let space: ActionSpace

    public init(space: ActionSpace) { self.space = space }

    /// - Parameters:
    ///   - actions: action names or patterns (`s3:DeleteBucket`, `iam:Pass*`).
    ///   - resources: ARN patterns; nil for any resource.
    public func run(_ policy: CheckedPolicy, actions: [String], resources: [String]? = nil) -> PolicyCheckResult {
        let target = space.actions(named: actions)
        let scope = resources.map { ResourceSet.listed($0.map(ARNPattern.init)) }
        let regions = StatementRegion.all(policy, space: space)
        var problems: [CheckProblem] = []
        for allow in regions where allow.effect == .allow {
            for p in allow.principals.cells {
                for r in allow.resources.cells where scope.map(r.overlaps) ?? true {
                    var granted = allow.actions.intersection(target)
                    for deny in regions where deny.effect == .deny && deny.conditions.isEmpty && deny.covers(principals: p, resources: r) {
                        granted = granted.subtracting(deny.actions)
                    }
                    if granted.isEmpty { continue }
                    let conditional = allow.conditions.isEmpty ? "" : " when " + allow.conditions.map(\.description).joined(separator: ", ")
                    problems.append(CheckProblem(
                        statement: allow.reference,
                        message: "grants \(space.describe(granted, limit: 12)) on \(r.description) to \(p.description)\(conditional)"))
                }
            }
        }
        let listed = actions.joined(separator: ", ")
        return PolicyCheckResult(
            check: "access-not-granted", passed: problems.isEmpty,
            summary: problems.isEmpty ? "\(policy.file) grants none of \(listed)" : "\(policy.file) grants some of \(listed)",
            problems: problems, warnings: policy.warnings.map(\.description))
    }
}
