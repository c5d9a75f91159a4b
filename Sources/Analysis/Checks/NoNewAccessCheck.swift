import Policy

/// `check no-new-access`: whether a new policy allows any request that a reference policy does
/// not, each policy evaluated on its own (the offline counterpart of Access Analyzer's
/// CheckNoNewAccess).
///
/// Sound: PASS means that every request (principal, action, resource, condition keys) the new
/// policy allows, the reference allows too. Where that cannot be shown the check fails and says
/// why. It proves two things (docs/checks.md):
/// 1. every Allow of the new policy, split into one cell per listed principal and resource
///    pattern, less the actions that unconditional new Denies take away on the whole cell, is
///    covered by the union of the reference Allows that name the cell's principal and resource
///    with conditions the new statement implies;
/// 2. every reference Deny still applies: where it meets a new Allow, the actions they share are
///    taken away by new Denies that name the cell and whose conditions follow from the two
///    statements' conditions.
public struct NoNewAccessCheck: Sendable {
    let space: ActionSpace

    public init(space: ActionSpace) { self.space = space }

    public func run(reference: CheckedPolicy, new: CheckedPolicy) -> PolicyCheckResult {
        let ref = StatementRegion.all(reference, space: space)
        let now = StatementRegion.all(new, space: space)
        var problems: [CheckProblem] = []
        for allow in now where allow.effect == .allow {
            problems += uncoveredAllows(allow, reference: ref, new: now, referenceFile: reference.file)
        }
        for deny in ref where deny.effect == .deny {
            problems += droppedDeny(deny, new: now)
        }
        let passed = problems.isEmpty
        let summary = passed
            ? "every request \(new.file) allows, \(reference.file) allows too"
            : "\(new.file) may allow requests that \(reference.file) does not"
        return PolicyCheckResult(
            check: "no-new-access", passed: passed, summary: summary, problems: problems,
            warnings: (reference.warnings + new.warnings).map(\.description))
    }

    /// Part 1: the cells of a new Allow that the reference Allows do not cover.
    func uncoveredAllows(_ allow: StatementRegion, reference: [StatementRegion], new: [StatementRegion], referenceFile: String) -> [CheckProblem] {
        var problems: [CheckProblem] = []
        for p in allow.principals.cells {
            for r in allow.resources.cells {
                var remaining = allow.actions
                for deny in new where deny.effect == .deny && deny.conditions.isEmpty && deny.covers(principals: p, resources: r) {
                    remaining = remaining.subtracting(deny.actions)
                }
                if remaining.isEmpty { continue }
                var covered = ActionSet.empty(in: space)
                var looser: [(StatementRegion, [Condition])] = []
                for grant in reference where grant.effect == .allow && grant.covers(principals: p, resources: r) {
                    let missing = ConditionImplication.unimplied(allow.conditions, grant.conditions)
                    if missing.isEmpty {
                        covered = covered.union(grant.actions)
                    } else if !grant.actions.isDisjoint(with: remaining) {
                        looser.append((grant, missing))
                    }
                }
                if remaining.isSubset(of: covered) { continue }
                var message = "allows \(space.describe(remaining.subtracting(covered))) on \(r.description) to \(p.description)"
                    + "; no Allow of \(referenceFile) names this principal and resource with these actions under the same or weaker conditions"
                for (grant, missing) in looser {
                    message += "; \(grant.reference.path) grants some of it only under "
                        + missing.map(\.description).joined(separator: ", ")
                        + ", which the new statement's conditions do not imply"
                }
                problems.append(CheckProblem(statement: allow.reference, related: looser.map(\.0.reference), message: message))
            }
        }
        return problems
    }

    /// Part 2: where a reference Deny meets a new Allow that no new Deny stops.
    func droppedDeny(_ deny: StatementRegion, new: [StatementRegion]) -> [CheckProblem] {
        var problems: [CheckProblem] = []
        for allow in new where allow.effect == .allow {
            if ConditionContradiction.contradict(allow.conditions, deny.conditions) { continue }
            for dp in deny.principals.cells {
                for dr in deny.resources.cells {
                    for ap in allow.principals.cells where ap.overlaps(dp) {
                        for ar in allow.resources.cells where ar.overlaps(dr) {
                            var shared = allow.actions.intersection(deny.actions)
                            if shared.isEmpty { continue }
                            let both = allow.conditions + deny.conditions
                            for stop in new where stop.effect == .deny
                                && (stop.covers(principals: dp, resources: dr) || stop.covers(principals: ap, resources: ar))
                                && ConditionImplication.implies(both, stop.conditions) {
                                shared = shared.subtracting(stop.actions)
                            }
                            if shared.isEmpty { continue }
                            problems.append(CheckProblem(
                                statement: deny.reference, related: [allow.reference],
                                message: "this reference Deny of \(space.describe(shared)) on \(dr.description) for \(dp.description)"
                                    + " no longer stops the new \(allow.reference.path), which allows it on \(ar.description) to \(ap.description)"
                                    + ": no new Deny with the same or weaker conditions covers it"))
                        }
                    }
                }
            }
        }
        return problems
    }

}
