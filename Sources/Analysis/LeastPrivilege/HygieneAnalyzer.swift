import Graph
import Policy
import Snapshot

/// The credential hygiene checks of AWS's IAM best practices, offline (`HygieneCheck` lists them
/// with their pages): root access keys and MFA, console users without MFA, old, never used and
/// doubled access keys from the credential report; the password policy against AWS's default
/// policy; admin-equivalent principals (decided by the evaluator) whose policies do not require MFA.
public struct HygieneAnalyzer: Sendable {
    public let model: AccessModel
    public let window: UsageWindow
    /// Access keys rotated longer ago than this many days are old.
    public let keyDays: Int

    /// AWS's default password policy (used when an account sets none): at least 8 characters and
    /// at least three of the four character types.
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
    public static let minimumPasswordLength = 8
    public static let minimumCharacterTypes = 3

    public init(model: AccessModel, window: UsageWindow, keyDays: Int) {
        self.model = model
        self.window = window
        self.keyDays = keyDays
    }

    /// Every failed check, by account, then check, then principal.
    public func report() -> HygieneReport {
        var findings: [HygieneFinding] = []
        var notChecked: [String] = []
        let snapshot = model.snapshot
        for id in snapshot.accountIDs {
            guard let account = snapshot.accounts[id] else { continue }
            let usage = account.usage ?? AccountUsage()
            if let report = usage.credentialReport {
                findings += credentials(report, account: account)
            } else if let summary = usage.summary, let file = usage.summaryFile {
                findings += root(summary: summary, file: file, account: account)
                notChecked.append("\(id): users' MFA and access keys (no \(usage.iamFile("get-credential-report.json")))")
            } else {
                notChecked.append("\(id): root, users' MFA and access keys (no \(usage.iamFile("get-credential-report.json")))")
            }
            if let finding = passwordPolicy(usage, account: account) {
                findings.append(finding)
            } else if usage.passwordPolicy == nil && !usage.lacksPasswordPolicy {
                notChecked.append("\(id): password policy (neither \(usage.iamFile("get-account-password-policy.json")) nor \(usage.iamFile("get-account-summary.json")))")
            }
        }
        findings += admins()
        let order = Dictionary(uniqueKeysWithValues: HygieneCheck.allCases.enumerated().map { ($1, $0) })
        findings.sort { ($0.account, order[$0.check]!, $0.principal, $0.detail) < ($1.account, order[$1.check]!, $1.principal, $1.detail) }
        return HygieneReport(now: Timestamp.day(window.now), keyDays: keyDays, findings: findings, notChecked: notChecked)
    }

    func finding(_ check: HygieneCheck, _ account: String, _ principal: String, _ detail: String, _ evidence: String) -> HygieneFinding {
        HygieneFinding(check: check, account: account, principal: principal, detail: detail, evidence: evidence, source: check.source)
    }

    /// The checks of the credential report's rows.
    func credentials(_ report: CredentialReport, account: Account) -> [HygieneFinding] {
        var out: [HygieneFinding] = []
        let keyCutoff = window.now - Double(keyDays) * 86400
        for row in report.rows {
            let at = "line \(row.line) of the credential report"
            let active = row.accessKeys.filter(\.active)
            if row.isRoot {
                for key in active { out.append(finding(.rootAccessKey, account.id, row.arn, "access key \(key.slot) is active (\(at))", report.file)) }
                if !row.mfaActive { out.append(finding(.rootWithoutMFA, account.id, row.arn, "mfa_active is false (\(at))", report.file)) }
                continue
            }
            if row.hasConsoleAccess && !row.mfaActive {
                out.append(finding(.consoleUserWithoutMFA, account.id, row.arn, "password enabled, mfa_active false (\(at))", report.file))
            }
            for key in active {
                if let rotated = key.lastRotated, rotated < keyCutoff {
                    let age = Int((window.now - rotated) / 86400)
                    out.append(finding(.oldAccessKey, account.id, row.arn, "access key \(key.slot) last rotated \(Timestamp.day(rotated)), \(age) days old (\(at))", report.file))
                }
                if key.lastUsed == .never {
                    out.append(finding(.neverUsedAccessKey, account.id, row.arn, "access key \(key.slot) never used (\(at))", report.file))
                }
            }
            if active.count >= 2 {
                out.append(finding(.twoActiveAccessKeys, account.id, row.arn, "access keys 1 and 2 are both active (\(at))", report.file))
            }
        }
        return out
    }

    /// Root checks from the account summary, when there is no credential report.
    func root(summary: [String: Int], file: String, account: Account) -> [HygieneFinding] {
        var out: [HygieneFinding] = []
        if summary["AccountAccessKeysPresent"] == 1 {
            out.append(finding(.rootAccessKey, account.id, account.rootArn, "AccountAccessKeysPresent is 1", file))
        }
        if summary["AccountMFAEnabled"] == 0 {
            out.append(finding(.rootWithoutMFA, account.id, account.rootArn, "AccountMFAEnabled is 0", file))
        }
        return out
    }

    /// The password policy against AWS's default policy, or its absence.
    func passwordPolicy(_ usage: AccountUsage, account: Account) -> HygieneFinding? {
        if let policy = usage.passwordPolicy, let file = usage.passwordPolicyFile {
            var weak: [String] = []
            let length = policy.minimumPasswordLength ?? 6
            if length < Self.minimumPasswordLength { weak.append("MinimumPasswordLength \(length) < \(Self.minimumPasswordLength)") }
            if policy.characterTypesRequired < Self.minimumCharacterTypes {
                weak.append("\(policy.characterTypesRequired) of 4 character types required, AWS's default requires \(Self.minimumCharacterTypes)")
            }
            guard !weak.isEmpty else { return nil }
            return finding(.weakPasswordPolicy, account.id, account.rootArn, weak.joined(separator: "; "), file)
        }
        guard usage.lacksPasswordPolicy, let summary = usage.summaryFile else { return nil }
        return finding(
            .noPasswordPolicy, account.id, account.rootArn,
            "no \(usage.iamFile("get-account-password-policy.json")) (AWS answers NoSuchEntity) though the account summary was collected",
            summary)
    }

    /// Admin-equivalent users and roles without an MFA requirement.
    func admins() -> [HygieneFinding] {
        AdminMFACheck(escalation: Escalation(model: model)).admins().map { row in
            let account = row.account ?? ""
            let usage = model.snapshot.accounts[account]?.usage ?? AccountUsage()
            return finding(.adminWithoutMFA, account, row.principal, row.detail, usage.iamFile("get-account-authorization-details.json"))
        }
    }
}
