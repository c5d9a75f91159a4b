import Foundation
import Policy
import Testing
@testable import Snapshot

/// The usage files of docs/snapshot-layout.md ("Least privilege"), read from samples/hygiene-account
/// (built from the documented CSV columns and API shapes) and from malformed files.
@Suite("Snapshot: credential report, password policy, account summary, service last-accessed")
struct UsageLoaderTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples/hygiene-account").path
    static let account = "111122223333"

    static func load(_ path: String) async throws -> Snapshot {
        var s = try await SnapshotLoader().loadIdentities(path)
        await UsageLoader().read(into: &s)
        return s
    }

    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html: columns by
    /// name, `N/A` for a key never used, `no_information` for a password use IAM did not track,
    /// `not_supported` for the root user's password fields.
    @Test func credentialReportColumns() async throws {
        let s = try await Self.load(Self.sample)
        let report = try #require(s.accounts[Self.account]?.usage?.credentialReport)
        #expect(report.generatedAt == Timestamp.epochSeconds("2026-06-01T00:00:00+00:00"))
        #expect(report.rows.map(\.user) == ["<root_account>", "alice", "bob", "carol", "deploy-bot", "dave"])
        let root = try #require(report.root)
        #expect(root.mfaActive == false && root.passwordEnabled == nil)
        #expect(root.accessKeys.map(\.active) == [true])
        let bob = try #require(report.row(arn: "arn:aws:iam::111122223333:user/bob"))
        #expect(bob.accessKeys.map(\.slot) == [1, 2])
        #expect(bob.passwordLastUsed == .at(Timestamp.epochSeconds("2025-11-20T09:00:00+00:00")!))
        let carol = try #require(report.row(arn: "arn:aws:iam::111122223333:user/carol"))
        #expect(carol.accessKeys.first?.lastUsed == .never)
        #expect(carol.line == 5)
        let dave = try #require(report.row(arn: "arn:aws:iam::111122223333:user/dave"))
        #expect(dave.passwordEnabled == true && dave.passwordLastUsed == nil, "no_information is unknown")
        #expect(s.usageTime == report.generatedAt)
    }

    /// RoleLastUsed of get-account-authorization-details: `{}` is never used, absent is unknown.
    @Test func roleLastUsed() async throws {
        let s = try await Self.load(Self.sample)
        let roles = Dictionary(uniqueKeysWithValues: (s.accounts[Self.account]?.roles ?? []).map { ($0.name, $0) })
        #expect(roles["LegacyRole"]?.lastUsed == .never)
        #expect(roles["NoDataRole"]?.lastUsed == nil)
        #expect(roles["PartnerAuditRole"]?.lastUsed == .at(Timestamp.epochSeconds("2025-09-15T12:00:00+00:00")!))
        #expect(roles["PartnerAuditRole"]?.id == "AROAPARTNER00000001")
    }

    @Test func passwordPolicySummaryAndLastAccessed() async throws {
        let usage = try #require(try await Self.load(Self.sample).accounts[Self.account]?.usage)
        #expect(usage.passwordPolicy?.minimumPasswordLength == 6)
        #expect(usage.passwordPolicy?.characterTypesRequired == 2)
        #expect(usage.summary?["AccountMFAEnabled"] == 0)
        #expect(usage.lacksPasswordPolicy == false)
        let deploy = try #require(usage.lastAccessed["AIDADEPLOY000000004"])
        #expect(deploy.actionLevel)
        #expect(deploy.services.map(\.namespace) == ["dynamodb", "logs", "s3"])
        #expect(deploy.services[0].lastAuthenticated == .never)
        #expect(deploy.services[2].actions?.map(\.name) == ["GetObject", "ListBucket", "PutObject"])
        #expect(deploy.services[2].actions?[2].lastAccessed == .never)
    }

    /// One bad file is a warning naming it and its JSON path; the other files are still read.
    @Test func malformedFilesWarnAndTheRestIsRead() async throws {
        let t = TempSnapshot()
        defer { t.remove() }
        let iam = "accounts/123456789012/iam"
        t.write("\(iam)/get-account-authorization-details.json", minimalGAAD)
        t.write("\(iam)/get-credential-report.json", #"{"Content": "bm90LWEtY3N2", "GeneratedTime": "2026-01-01T00:00:00Z"}"#)
        t.write("\(iam)/get-account-password-policy.json", #"{"PasswordPolicy": []}"#)
        t.write("\(iam)/get-account-summary.json", #"{"SummaryMap": {"AccountMFAEnabled": 1}}"#)
        t.write("\(iam)/service-last-accessed/AROA1.json", #"{"JobStatus": "IN_PROGRESS", "ServicesLastAccessed": []}"#)
        t.write("\(iam)/service-last-accessed/AROA2.json", #"{"JobStatus": "COMPLETED", "ServicesLastAccessed": [{"ServiceName": "x"}, {"ServiceNamespace": "s3"}]}"#)
        t.write("\(iam)/service-last-accessed/AROA3.json", "{not json")
        let s = try await Self.load(t.root)
        let usage = try #require(s.accounts["123456789012"]?.usage)
        let text = s.warnings.map(\.description)
        #expect(usage.credentialReport == nil)
        #expect(text.contains("\(iam)/get-credential-report.json: $.Content: the CSV header lacks the column 'user'; the credential report is not used"))
        #expect(usage.passwordPolicy == nil)
        #expect(text.contains { $0.hasPrefix("\(iam)/get-account-password-policy.json: $.PasswordPolicy: ") })
        #expect(usage.summary?["AccountMFAEnabled"] == 1)
        #expect(usage.lastAccessed["AROA1"] == nil)
        #expect(text.contains { $0.hasPrefix("\(iam)/service-last-accessed/AROA1.json: $.JobStatus: job IN_PROGRESS") })
        #expect(usage.lastAccessed["AROA2"]?.services.map(\.namespace) == ["s3"])
        #expect(text.contains { $0.hasPrefix("\(iam)/service-last-accessed/AROA2.json: $.ServicesLastAccessed[0]: ") })
        #expect(text.contains { $0.hasPrefix("\(iam)/service-last-accessed/AROA3.json") })
    }

    /// The collector writes no password policy file when AWS answers NoSuchEntity; with the summary
    /// collected, that means no policy. Without the summary it is unknown.
    @Test func absentPasswordPolicy() async throws {
        let t = TempSnapshot()
        defer { t.remove() }
        t.write("accounts/123456789012/iam/get-account-authorization-details.json", minimalGAAD)
        #expect(try await Self.load(t.root).accounts["123456789012"]?.usage?.lacksPasswordPolicy == false)
        t.write("accounts/123456789012/iam/get-account-summary.json", #"{"SummaryMap": {"AccountMFAEnabled": 1}}"#)
        #expect(try await Self.load(t.root).accounts["123456789012"]?.usage?.lacksPasswordPolicy == true)
    }
}
