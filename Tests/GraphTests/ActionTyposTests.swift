import Foundation
import Snapshot
import Testing
@testable import Graph

@Suite("Graph: unknown actions and services in policies are warnings")
struct ActionTyposTests {
    @Test func typosInIdentityAndResourcePoliciesAreReportedOnce() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("typos-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let account = dir.appendingPathComponent("accounts/123456789012")
        try FileManager.default.createDirectory(at: account.appendingPathComponent("iam"), withIntermediateDirectories: true)
        let inline = #"{"Version": "2012-10-17", "Statement": [{"Sid": "NoSecrets", "Effect": "Deny", "Action": ["s3:GetObjekt", "s3:GetObjekt", "s3:Get*"], "Resource": "*"}, {"Effect": "Allow", "Action": ["s4:GetObject", "s3:GetObject", "ec2:*"], "Resource": "*"}]}"#
        let gaad = """
        {"UserDetailList": [{"UserName": "alice", "UserId": "AIDAALICE", "Arn": "arn:aws:iam::123456789012:user/alice", "Path": "/",
          "UserPolicyList": [{"PolicyName": "typos", "PolicyDocument": \(inline)}], "GroupList": [], "AttachedManagedPolicies": []}],
         "GroupDetailList": [], "RoleDetailList": [], "Policies": [
           {"PolicyName": "AWSNewService", "Arn": "arn:aws:iam::aws:policy/AWSNewService", "DefaultVersionId": "v1",
            "PolicyVersionList": [{"VersionId": "v1", "IsDefaultVersion": true, "Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "brandnew:DoThing", "Resource": "*"}]}}]},
           {"PolicyName": "mine", "Arn": "arn:aws:iam::123456789012:policy/mine", "DefaultVersionId": "v1",
            "PolicyVersionList": [{"VersionId": "v1", "IsDefaultVersion": true, "Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "iam:DeleteRoel", "Resource": "*"}]}}]}]}
        """
        try gaad.write(to: account.appendingPathComponent("iam/get-account-authorization-details.json"), atomically: true, encoding: .utf8)
        let table = account.appendingPathComponent("us-east-1/dynamodb/orders")
        try FileManager.default.createDirectory(at: table, withIntermediateDirectories: true)
        let policy = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "dynamodb:DeleteTabel", "Resource": "*"}]}"#
        try JSONSerialization.data(withJSONObject: ["Policy": policy, "RevisionId": "1"])
            .write(to: table.appendingPathComponent("get-resource-policy.json"))

        let model = AccessModel(snapshot: try await SnapshotLoader().load(dir.path))
        let messages = model.warnings.map(\.message).filter { $0.hasPrefix("unknown") }
        #expect(messages.count == 4, "\(messages)")
        #expect(messages.contains { $0.contains("iam:DeleteRoel") && $0.contains("arn:aws:iam::123456789012:policy/mine") })
        #expect(!messages.contains { $0.contains("brandnew") }, "AWS managed policies are not checked")
        #expect(messages.contains { $0.hasPrefix("unknown action s3:GetObjekt in ") && $0.contains("statement NoSecrets") && $0.contains("Deny") })
        #expect(messages.contains { $0.hasPrefix("unknown service s4 in action s4:GetObject") && $0.contains("statement #1") })
        let resource = model.warnings.first { $0.message.contains("dynamodb:DeleteTabel") }
        #expect(resource?.file.hasSuffix("us-east-1/dynamodb/orders/get-resource-policy.json") == true)
        #expect(resource?.message.contains("table policy of orders statement #0") == true)
    }
}
