import Foundation
import Graph
import Policy
import Snapshot
import Testing
@testable import Analysis

/// `unused`, `hygiene` and `policy-suggest` on samples/hygiene-account (credential report built
/// from the documented CSV columns, last-accessed files in get-service-last-accessed-details' shape).
@Suite("Least privilege on samples/hygiene-account")
struct LeastPrivilegeTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples/hygiene-account").path
    static let a = "arn:aws:iam::111122223333:"

    static func snapshot() async throws -> Snapshot { try await LeastPrivilegeSession.snapshot(sample) }

    static func rows(_ r: UnusedReport) -> Set<String> {
        Set(r.findings.map { "\($0.kind.rawValue) \($0.principal.replacingOccurrences(of: a, with: "")) \($0.detail ?? "-") \($0.lastUsed)" })
    }

    /// Access Analyzer's unused access finding types
    /// (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-findings.html), 90 days
    /// before the credential report's GeneratedTime (2026-06-01).
    @Test func unusedFindings() async throws {
        let s = try await Self.snapshot()
        let window = try #require(LeastPrivilegeSession.window(s, days: 90))
        #expect(Timestamp.day(window.now) == "2026-06-01")
        let report = UnusedAnalyzer(snapshot: s, window: window).report()
        #expect(Self.rows(report) == [
            "unused-role role/LegacyRole - never",
            "unused-role role/PartnerAuditRole - 2025-09-15",
            "unused-password user/bob - 2025-11-20",
            "unused-access-key user/carol access key 1 never",
            "unused-service user/deploy-bot dynamodb never",
            "unused-action user/deploy-bot s3:PutObject never",
            "unused-service role/BuildRole s3 2025-10-01",
        ])
        // The service-linked role is left out; a role created inside the window is not unused.
        #expect(!report.findings.contains { $0.principal.contains("AWSServiceRoleForSupport") || $0.principal.contains("FreshRole") })
        // No data is unknown, never unused.
        let unknown = Set(report.unknown.map { "\($0.what) \($0.principal.replacingOccurrences(of: Self.a, with: ""))" })
        #expect(unknown.contains("role role/NoDataRole"))
        #expect(unknown.contains("password user/dave"))
        #expect(!report.findings.contains { $0.principal.hasSuffix("NoDataRole") || ($0.principal.hasSuffix("dave") && $0.kind == .unusedPassword) })
        #expect(report.findings.first { $0.kind == .unusedRole }?.evidence == "accounts/111122223333/iam/get-account-authorization-details.json")
        #expect(report.findings.first { $0.kind == .unusedAction }?.evidence == "accounts/111122223333/iam/service-last-accessed/AIDADEPLOY000000004.json")
    }

    /// The window's length decides: with 300 days, uses since 2025-08-05 count as use.
    @Test func windowLength() async throws {
        let s = try await Self.snapshot()
        let report = UnusedAnalyzer(snapshot: s, window: try #require(LeastPrivilegeSession.window(s, days: 300))).report()
        #expect(Self.rows(report) == [
            "unused-role role/LegacyRole - never",
            "unused-access-key user/carol access key 1 never",
            "unused-service user/deploy-bot dynamodb never",
            "unused-action user/deploy-bot s3:PutObject never",
        ])
    }

    static func hygiene(keyDays: Int = 90) async throws -> HygieneReport {
        let s = try await snapshot()
        let model = LeastPrivilegeSession.model(s)
        return HygieneAnalyzer(model: model, window: try #require(LeastPrivilegeSession.window(s, days: keyDays)), keyDays: keyDays).report()
    }

    /// Each check with its page: root (root-user-best-practices.html), MFA and keys
    /// (best-practices.html), the password policy against the default policy
    /// (id_credentials_passwords_account-policy.html: 8 characters, 3 of 4 character types), admins
    /// without MFA (id_credentials_mfa_configure-api-require.html).
    @Test func hygieneChecks() async throws {
        let report = try await Self.hygiene()
        let rows = Set(report.findings.map { "\($0.check.rawValue) \($0.principal.replacingOccurrences(of: Self.a, with: ""))" })
        #expect(rows == [
            "root-access-key root", "root-without-mfa root", "console-user-without-mfa user/bob",
            "old-access-key user/bob", "old-access-key user/carol", "never-used-access-key user/carol",
            "two-active-access-keys user/bob", "weak-password-policy root",
            "admin-without-mfa user/alice", "admin-without-mfa role/OpsAdminRole",
        ])
        #expect(report.findings.allSatisfy { $0.source == $0.check.source && $0.source.hasPrefix("https://docs.aws.amazon.com/") })
        #expect(report.findings.first { $0.check == .weakPasswordPolicy }?.detail.contains("MinimumPasswordLength 6 < 8") == true)
        // bob's second key (rotated 2026-04-01) is inside 90 days; with 30 days it is old too.
        let short = try await Self.hygiene(keyDays: 30)
        #expect(short.findings.filter { $0.check == .oldAccessKey && $0.principal.hasSuffix("user/bob") }.count == 2)
    }

    /// An admin role whose trust requires aws:MultiFactorAuthPresent is not reported; alice (MFA
    /// device, but no policy requiring it) is.
    @Test func adminMFAIsDecidedByPolicies() async throws {
        let report = try await Self.hygiene()
        let admins = report.findings.filter { $0.check == .adminWithoutMFA }.map(\.principal)
        #expect(!admins.contains { $0.hasSuffix("BreakGlassRole") })
        #expect(admins.contains("\(Self.a)user/alice"))
    }

    @Test func passwordPolicyBaseline() {
        func weak(_ p: PasswordPolicy) -> Bool {
            var usage = AccountUsage(directory: "accounts/1")
            usage.passwordPolicy = p
            usage.passwordPolicyFile = "f"
            let model = AccessModel(snapshot: Snapshot(root: "/", organization: nil, accounts: [:], warnings: [], filesRead: 0))
            return HygieneAnalyzer(model: model, window: UsageWindow(now: 0, days: 90), keyDays: 90)
                .passwordPolicy(usage, account: Account(id: "111111111111")) != nil
        }
        let strong = PasswordPolicy(minimumPasswordLength: 8, requireSymbols: true, requireNumbers: true, requireUppercaseCharacters: true, requireLowercaseCharacters: false)
        #expect(!weak(strong))
        var short = strong
        short.minimumPasswordLength = 7
        #expect(weak(short))
        var twoTypes = strong
        twoTypes.requireSymbols = false
        #expect(weak(twoTypes))
    }

    /// The suggestion keeps used actions with the current resources and conditions, and grants
    /// nothing the current policies do not (check no-new-access and the evaluator).
    @Test func policySuggestion() async throws {
        let s = try await Self.snapshot()
        let model = LeastPrivilegeSession.model(s)
        let suggester = try PolicySuggester(model: model, window: try #require(LeastPrivilegeSession.window(s, days: 90)))
        let suggestion = try suggester.suggest(principal: "\(Self.a)user/deploy-bot")
        #expect(suggestion.actions == ["logs:CreateLogStream", "logs:PutLogEvents", "s3:GetObject", "s3:ListBucket"])
        #expect(suggestion.droppedServices == ["dynamodb"])
        #expect(suggestion.untrackedServices == ["logs"])
        #expect(suggestion.noNewAccess.passed, "\(suggestion.noNewAccess.problems)")
        #expect(suggestion.requestsCompared > 0 && suggestion.widened.isEmpty)
        let doc = try PolicyParser().parse(text: suggestion.policy).document
        #expect(doc.statements.first?.resource?.patterns.map(\.text) == ["arn:aws:s3:::acme-deploy", "arn:aws:s3:::acme-deploy/*"])
        #expect(doc.statements.last?.conditions.map(\.key) == ["aws:RequestedRegion"])

        // The comparison can fail: a policy granting more is caught by both checks.
        let wider = try PolicyParser().parse(text: #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:DeleteObject", "Resource": "arn:aws:s3:::acme-deploy/*"}, {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::other/*"}]}"#).document
        let entry = try #require(model.principals["\(Self.a)user/deploy-bot"])
        #expect(suggester.compare(entry, suggested: wider).1 == ["s3:DeleteObject on arn:aws:s3:::acme-deploy/x", "s3:GetObject on arn:aws:s3:::other/x"])
    }

    @Test func suggestionNeedsData() async throws {
        let s = try await Self.snapshot()
        let suggester = try PolicySuggester(model: LeastPrivilegeSession.model(s), window: try #require(LeastPrivilegeSession.window(s, days: 90)))
        #expect(throws: PolicySuggestError.noData(principal: "\(Self.a)user/bob", file: "accounts/111122223333/iam/service-last-accessed/AIDABOB00000000000002.json")) {
            try suggester.suggest(principal: "\(Self.a)user/bob")
        }
        #expect(throws: PolicySuggestError.unknownPrincipal("\(Self.a)user/nobody")) { try suggester.suggest(principal: "\(Self.a)user/nobody") }
    }

    /// The prefilter (no identity Allow statement that may cover `iam:`) changes no answer.
    @Test(arguments: ["samples/hygiene-account", "samples/escalation-account", "samples/acme-org"])
    func adminPrefilterEqualsTheFullCheck(_ relative: String) async throws {
        let root = URL(fileURLWithPath: Self.sample).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(relative).path
        let model = LeastPrivilegeSession.model(try await LeastPrivilegeSession.snapshot(root))
        let escalation = Escalation(model: model)
        let fast = AdminMFACheck(escalation: escalation).admins().map { "\($0.principal) \($0.detail)" }
        let full = AdminMFACheck(escalation: escalation, prefilter: false).admins().map { "\($0.principal) \($0.detail)" }
        #expect(fast == full)
        #expect(!full.isEmpty || relative == "samples/acme-org")
    }
}
