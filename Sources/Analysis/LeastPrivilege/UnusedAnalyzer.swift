import Policy
import Snapshot

/// Finds unused access from a snapshot's usage data (`UsageLoader`), as IAM Access Analyzer's
/// unused access analyzer does: roles from `RoleLastUsed`, access keys and passwords from the
/// credential report, services and actions from the service last-accessed data. Where the
/// snapshot has no data the answer is unknown, never unused. Service-linked roles are left out
/// (AWS manages them; Access Analyzer leaves them out too).
public struct UnusedAnalyzer: Sendable {
    public let snapshot: Snapshot
    public let window: UsageWindow

    public init(snapshot: Snapshot, window: UsageWindow) {
        self.snapshot = snapshot
        self.window = window
    }

    /// Every finding and every unknown, by account and principal.
    public func report() -> UnusedReport {
        var findings: [UnusedFinding] = []
        var unknown: [UnknownUsage] = []
        for id in snapshot.accountIDs {
            guard let account = snapshot.accounts[id], account.hasIAM else { continue }
            let usage = account.usage ?? AccountUsage(directory: "")
            roles(account, usage, &findings, &unknown)
            users(account, usage, &findings, &unknown)
        }
        return UnusedReport(now: Timestamp.day(window.now), days: window.days, findings: findings, unknown: unknown)
    }

    func roles(_ account: Account, _ usage: AccountUsage, _ findings: inout [UnusedFinding], _ unknown: inout [UnknownUsage]) {
        let gaad = usage.iamFile("get-account-authorization-details.json")
        for role in account.roles.sorted(by: { $0.arn < $1.arn }) where !role.isServiceLinked {
            guard let use = role.lastUsed else {
                unknown.append(UnknownUsage(principal: role.arn, account: account.id, what: "role", reason: "no RoleLastUsed in \(gaad)"))
                permissions(role.arn, id: role.id, created: role.createdAt, account, usage, &findings, &unknown)
                continue
            }
            if let unused = unusedRole(role, use, account: account.id, evidence: gaad) {
                findings.append(unused)
            } else {
                permissions(role.arn, id: role.id, created: role.createdAt, account, usage, &findings, &unknown)
            }
        }
    }

    /// The unused-role findings alone (what `UnusedMarks` joins with entry points), as `report()` makes them.
    public func unusedRoles() -> [UnusedFinding] {
        snapshot.accountIDs.flatMap { id -> [UnusedFinding] in
            guard let account = snapshot.accounts[id], account.hasIAM else { return [] }
            let gaad = (account.usage ?? AccountUsage(directory: "")).iamFile("get-account-authorization-details.json")
            return account.roles.sorted(by: { $0.arn < $1.arn }).compactMap { role in
                guard !role.isServiceLinked, let use = role.lastUsed else { return nil }
                return unusedRole(role, use, account: id, evidence: gaad)
            }
        }
    }

    /// A role's unused-role finding, when its last use (or "never") is outside the window.
    func unusedRole(_ role: Role, _ use: LastUse, account: String, evidence: String) -> UnusedFinding? {
        guard window.isUnused(use, since: role.createdAt) else { return nil }
        return UnusedFinding(kind: .unusedRole, principal: role.arn, account: account, detail: nil, lastUsed: UsageWindow.text(use), evidence: evidence)
    }

    func users(_ account: Account, _ usage: AccountUsage, _ findings: inout [UnusedFinding], _ unknown: inout [UnknownUsage]) {
        for user in account.users.sorted(by: { $0.arn < $1.arn }) {
            credentials(user, account, usage, &findings, &unknown)
            permissions(user.arn, id: user.id, created: user.createdAt, account, usage, &findings, &unknown)
        }
    }

    func credentials(_ user: User, _ account: Account, _ usage: AccountUsage, _ findings: inout [UnusedFinding], _ unknown: inout [UnknownUsage]) {
        guard let report = usage.credentialReport else {
            unknown.append(UnknownUsage(
                principal: user.arn, account: account.id, what: "access keys and password",
                reason: "no \(usage.iamFile("get-credential-report.json"))"))
            return
        }
        guard let row = report.row(arn: user.arn) else {
            unknown.append(UnknownUsage(principal: user.arn, account: account.id, what: "access keys and password", reason: "not in \(report.file)"))
            return
        }
        func add(_ kind: UnusedFinding.Kind, _ detail: String?, _ use: LastUse) {
            findings.append(UnusedFinding(
                kind: kind, principal: user.arn, account: account.id, detail: detail, lastUsed: UsageWindow.text(use), evidence: report.file))
        }
        if row.passwordEnabled == true {
            if let use = row.passwordLastUsed {
                if window.isUnused(use, since: row.passwordLastChanged ?? row.createdAt) { add(.unusedPassword, nil, use) }
            } else {
                unknown.append(UnknownUsage(principal: user.arn, account: account.id, what: "password", reason: "password_last_used is no_information in \(report.file)"))
            }
        }
        for key in row.accessKeys where key.active {
            if let use = key.lastUsed {
                if window.isUnused(use, since: key.lastRotated ?? row.createdAt) { add(.unusedAccessKey, "access key \(key.slot)", use) }
            } else {
                unknown.append(UnknownUsage(
                    principal: user.arn, account: account.id, what: "access key \(key.slot)",
                    reason: "access_key_\(key.slot)_last_used_date has no date in \(report.file)"))
            }
        }
    }

    func permissions(
        _ arn: String, id: String?, created: Double?, _ account: Account, _ usage: AccountUsage,
        _ findings: inout [UnusedFinding], _ unknown: inout [UnknownUsage]
    ) {
        guard let id, let data = usage.lastAccessed[id] else {
            let file = usage.iamFile("service-last-accessed/\(id ?? "<id>").json")
            unknown.append(UnknownUsage(principal: arn, account: account.id, what: "permissions", reason: "no \(file)"))
            return
        }
        for service in data.services {
            if window.isUnused(service.lastAuthenticated, since: created) {
                findings.append(UnusedFinding(
                    kind: .unusedService, principal: arn, account: account.id, detail: service.namespace,
                    lastUsed: UsageWindow.text(service.lastAuthenticated), evidence: data.file))
                continue
            }
            for action in service.actions ?? [] where window.isUnused(action.lastAccessed, since: created) {
                findings.append(UnusedFinding(
                    kind: .unusedAction, principal: arn, account: account.id, detail: "\(service.namespace):\(action.name)",
                    lastUsed: UsageWindow.text(action.lastAccessed), evidence: data.file))
            }
        }
    }
}
