import Foundation
import Testing
@testable import Snapshot

/// A temporary snapshot directory built file by file.
struct TempSnapshot {
    let root: String

    init() {
        root = NSTemporaryDirectory() + "accessgraph-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    func write(_ relative: String, _ text: String) {
        let path = root + "/" + relative
        try! FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

let minimalGAAD = #"""
{"UserDetailList": [], "GroupDetailList": [], "Policies": [],
 "RoleDetailList": [{"Path": "/", "RoleName": "r", "Arn": "arn:aws:iam::123456789012:role/r",
   "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::999999999999:root"}, "Action": "sts:AssumeRole"}]},
   "RolePolicyList": [], "AttachedManagedPolicies": []}]}
"""#

@Suite("Snapshot: bad input becomes warnings naming the file and JSON path")
struct BadInputTests {
    @Test func missingDirectoryIsAnError() async {
        await #expect(throws: SnapshotError.notADirectory("/nonexistent/snap")) { try await SnapshotLoader().load("/nonexistent/snap") }
    }

    @Test func directoryWithoutAccountsIsAnError() async {
        let s = TempSnapshot()
        defer { s.remove() }
        s.write("readme.txt", "hello")
        await #expect(throws: SnapshotError.noAccounts(s.root)) { try await SnapshotLoader().load(s.root) }
    }

    @Test func malformedJSONIsAWarningAndTheRestIsRead() async throws {
        let s = TempSnapshot()
        defer { s.remove() }
        s.write("accounts/123456789012/iam/get-account-authorization-details.json", minimalGAAD)
        s.write("accounts/123456789012/s3/good/get-bucket-policy.json", #"{"Policy": "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::good/*\"}]}"}"#)
        s.write("accounts/123456789012/s3/broken/get-bucket-policy.json", #"{"Policy": "{\"Statement\": [ "}"#)
        s.write("accounts/123456789012/s3/truncated/get-bucket-acl.json", #"{"Owner": {"ID": "x"}, "Grants": ["#)
        let snap = try await SnapshotLoader().load(s.root)
        let account = try #require(snap.accounts["123456789012"])
        #expect(account.roles.map(\.name) == ["r"])
        #expect(account.resources.first { $0.arn == "arn:aws:s3:::good" }?.policy != nil)
        #expect(account.resources.first { $0.arn == "arn:aws:s3:::broken" }?.policy == nil)
        let broken = snap.warnings.first { $0.file == "accounts/123456789012/s3/broken/get-bucket-policy.json" }
        #expect(broken?.jsonPath == "$.Policy")
        #expect(broken?.message.contains("not JSON") == true)
        #expect(snap.warnings.contains { $0.file.hasSuffix("truncated/get-bucket-acl.json") && $0.message.contains("line 1") })
    }

    @Test func wrongTopLevelTypeIsAWarningNamingTheFile() async throws {
        let s = TempSnapshot()
        defer { s.remove() }
        s.write("accounts/123456789012/iam/get-account-authorization-details.json", minimalGAAD)
        s.write("accounts/123456789012/s3/listy/get-bucket-policy.json", #"[{"Policy": "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::listy/*\"}]}"}]"#)
        s.write("accounts/123456789012/us-east-1/sqs/q/get-queue-attributes.json", #""arn:aws:sqs:us-east-1:123456789012:q""#)
        let snap = try await SnapshotLoader().load(s.root)
        #expect(snap.accounts["123456789012"]?.roles.map(\.name) == ["r"])
        let bucket = snap.warnings.first { $0.file == "accounts/123456789012/s3/listy/get-bucket-policy.json" }
        #expect(bucket?.jsonPath == "$")
        #expect(bucket?.message.contains("expected a JSON object, found array") == true)
        #expect(snap.accounts["123456789012"]?.resources.first { $0.arn == "arn:aws:s3:::listy" }?.policy == nil)
        let queue = snap.warnings.first { $0.file == "accounts/123456789012/us-east-1/sqs/q/get-queue-attributes.json" }
        #expect(queue?.message.contains("expected a JSON object, found string") == true)
    }

    @Test func wrongPolicyShapeNamesTheStatement() async throws {
        let s = TempSnapshot()
        defer { s.remove() }
        s.write("accounts/123456789012/iam/get-account-authorization-details.json", minimalGAAD)
        s.write("accounts/123456789012/us-east-1/sqs/q/get-queue-attributes.json", #"{"Attributes": {"QueueArn": "arn:aws:sqs:us-east-1:123456789012:q", "Policy": "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": 7}]}"}}"#)
        let snap = try await SnapshotLoader().load(s.root)
        let w = snap.warnings.first { $0.file.hasSuffix("sqs/q/get-queue-attributes.json") }
        #expect(w?.jsonPath == "$.Attributes.Policy.Statement[0].Action")
        #expect(snap.accounts["123456789012"]?.resources.first?.policy == nil)
    }

    @Test func unknownPrincipalTypeIsAWarningAndThePolicyIsKept() async throws {
        let s = TempSnapshot()
        defer { s.remove() }
        s.write("accounts/123456789012/iam/get-account-authorization-details.json", minimalGAAD)
        s.write("accounts/123456789012/s3/b/get-bucket-policy.json", #"{"Policy": "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Martian\": \"x\", \"AWS\": \"111122223333\"}, \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]}"}"#)
        let snap = try await SnapshotLoader().load(s.root)
        #expect(snap.warnings.contains { $0.jsonPath == "$.Policy.Statement[0].Principal.Martian" && $0.message.contains("unknown principal type") })
        #expect(snap.accounts["123456789012"]?.resources.first?.policy?.document.statements.first?.principal?.patterns == [.aws("arn:aws:iam::111122223333:root")])
    }

    @Test func policyFormsObjectStringAndURLEncoded() async throws {
        let s = TempSnapshot()
        defer { s.remove() }
        let encoded = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22AWS%22%3A%22arn%3Aaws%3Aiam%3A%3A999999999999%3Aroot%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D"
        s.write("accounts/123456789012/iam/get-account-authorization-details.json", #"{"RoleDetailList": [{"Path": "/", "RoleName": "enc", "Arn": "arn:aws:iam::123456789012:role/enc", "AssumeRolePolicyDocument": "\#(encoded)"}]}"#)
        let snap = try await SnapshotLoader().load(s.root)
        let trust = snap.accounts["123456789012"]?.roles.first?.trustPolicy
        #expect(trust?.statements.first?.principal?.patterns == [.aws("arn:aws:iam::999999999999:root")])
        #expect(snap.warnings.isEmpty)
    }

    @Test func singleAccountFolderAndUnknownFolders() async throws {
        let s = TempSnapshot()
        defer { s.remove() }
        s.write("iam/get-account-authorization-details.json", minimalGAAD)
        s.write("get-caller-identity.json", #"{"Account": "123456789012", "Arn": "arn:aws:iam::123456789012:user/x", "UserId": "AIDA"}"#)
        s.write("us-east-1/newservice/x/get-thing.json", "{}")
        let snap = try await SnapshotLoader().load(s.root)
        #expect(snap.accountIDs == ["123456789012"])
        #expect(snap.warnings.contains { $0.file == "us-east-1/newservice" && $0.message.contains("not analysed") })
    }
}

@Suite("Snapshot: the sample organization")
struct SampleSnapshotTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples/acme-org").path

    @Test func readsOrganizationAccountsAndResources() async throws {
        let snap = try await SnapshotLoader().load(Self.root)
        #expect(snap.warnings.isEmpty, "\(snap.warnings)")
        #expect(snap.accountIDs == ["111111111111", "222222222222", "333333333333"])
        let org = try #require(snap.organization)
        #expect(org.id == "o-acme12345")
        #expect(org.path(toAccount: "222222222222") == ["r-ac12", "ou-ac12-prod0001", "222222222222"])
        #expect(org.scpLevels(forAccount: "111111111111").isEmpty)  // the management account is exempt
        #expect(org.scpLevels(forAccount: "222222222222").count == 3)
        #expect(org.scpLevels(forAccount: "222222222222")[1].map(\.name).contains { $0.hasPrefix("ProdDenyObjectDeletion") })
        let prod = try #require(snap.accounts["222222222222"])
        #expect(prod.resources.contains { $0.type == "AWS::KMS::Key" && $0.policyRequired })
        #expect(prod.resources.first { $0.arn == "arn:aws:s3:::acme-logs" }?.s3?.publicAccessBlock?.ignorePublicAcls == true)
        #expect(prod.resources.contains { $0.arn == "arn:aws:secretsmanager:us-east-1:222222222222:secret:prod/payroll/db-AbCdEf" })
        #expect(snap.accounts["111111111111"]?.s3PublicAccessBlock?.restrictPublicBuckets == true)
    }
}
