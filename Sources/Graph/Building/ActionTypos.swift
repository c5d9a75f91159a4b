import Policy
import Snapshot

/// Actions in policies that the action catalog does not know: a typo (`s3:GetObjekt`) or an
/// unknown service (`s4:GetObject`) matches nothing, so an Allow grants less and, worse, a Deny
/// denies less than its author meant. Each policy is walked once; each (policy, statement,
/// action) is reported once. AWS managed policies are skipped: AWS writes them, and what the
/// catalog lacks there are actions newer than the catalog, not typos.
enum ActionTypos {
    static func warnings(in snapshot: Snapshot, catalog: ActionCatalog) -> [SnapshotWarning] {
        var out: [SnapshotWarning] = []
        var seen = Set<String>()
        var checkedManaged = Set<String>()
        func check(_ document: PolicyDocument, name: String, file: String) {
            for statement in document.statements {
                let patterns = statement.action.patterns
                let unknown = catalog.unknownActions(in: patterns)
                guard !unknown.isEmpty else { continue }
                let where_ = statement.sid.map { "statement \($0)" } ?? "statement #\(statement.index)"
                for pattern in unknown {
                    let key = "\(name)\u{0}\(where_)\u{0}\(pattern.text)"
                    guard seen.insert(key).inserted else { continue }
                    let kind: String
                    if let service = pattern.service, !catalog.isKnownService(service) {
                        kind = "unknown service \(service) in action"
                    } else {
                        kind = "unknown action"
                    }
                    let clause = if case .notAction = statement.action { "NotAction" } else { "Action" }
                    out.append(SnapshotWarning(
                        file: file,
                        message: "\(kind) \(pattern.text) in \(name) \(where_) (\(statement.effect == .deny ? "Deny" : "Allow") \(clause); matches no action of the catalog)"))
                }
            }
        }
        for id in snapshot.accountIDs {
            guard let account = snapshot.accounts[id] else { continue }
            let iam = "accounts/\(id)/iam/get-account-authorization-details.json"
            for policy in account.managedPolicies.values.sorted(by: { $0.arn < $1.arn }) 
                where !policy.arn.contains(":iam::aws:policy/") && checkedManaged.insert(policy.arn).inserted {
                check(policy.document, name: policy.arn, file: iam)
            }
            for user in account.users { for p in user.inlinePolicies { check(p.document, name: p.name, file: iam) } }
            for group in account.groups { for p in group.inlinePolicies { check(p.document, name: p.name, file: iam) } }
            for role in account.roles {
                for p in role.inlinePolicies { check(p.document, name: p.name, file: iam) }
                if let trust = role.trustPolicy { check(trust, name: "trust policy of \(role.arn)", file: iam) }
            }
            for resource in account.resources {
                if let p = resource.policy { check(p.document, name: p.name, file: resource.sourceFile ?? resource.arn) }
            }
        }
        for policy in snapshot.organization?.policies ?? [] {
            check(policy.document, name: "\(policy.name) (\(policy.id))", file: "organization/policies/\(policy.id)/describe-policy.json")
        }
        return out
    }
}
