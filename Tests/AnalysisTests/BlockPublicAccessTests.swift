import Foundation
import Graph
import Policy
import Testing
@testable import Analysis

/// S3 Block Public Access (access-control-block-public-access.html): IgnorePublicAcls makes S3
/// ignore public ACL grants; RestrictPublicBuckets limits a bucket with a public policy to the
/// owner account's principals and AWS services. Both work at bucket and account level.
@Suite("S3 Block Public Access neutralises public policies and ACLs")
struct BlockPublicAccessTests {
    let root = NSTemporaryDirectory() + "ag-bpa-" + UUID().uuidString
    let account = "123456789012"

    func write(_ relative: String, _ text: String) throws {
        let path = root + "/" + relative
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    func bucket(_ name: String, policyPrincipal: String?, aclAllUsers: Bool, block: [String: Bool]?) throws {
        let dir = "accounts/\(account)/s3/\(name)"
        if let p = policyPrincipal {
            let policy = #"{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\#(p),\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::\#(name)/*\"}]}"#
            try write("\(dir)/get-bucket-policy.json", #"{"Policy": "\#(policy)"}"#)
        }
        let allUsers = aclAllUsers ? #", {"Grantee": {"Type": "Group", "URI": "http://acs.amazonaws.com/groups/global/AllUsers"}, "Permission": "READ"}"# : ""
        try write("\(dir)/get-bucket-acl.json", #"{"Owner": {"ID": "abc"}, "Grants": [{"Grantee": {"Type": "CanonicalUser", "ID": "abc"}, "Permission": "FULL_CONTROL"}\#(allUsers)]}"#)
        if let block { try write("\(dir)/get-public-access-block.json", Self.blockJSON(block)) }
    }

    static func blockJSON(_ b: [String: Bool]) -> String {
        let keys = ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"]
        return #"{"PublicAccessBlockConfiguration": {"# + keys.map { #""\#($0)": \#(b[$0] ?? false)"# }.joined(separator: ", ") + "}}"
    }

    func findings() async throws -> [Finding] {
        try write("accounts/\(account)/iam/get-account-authorization-details.json", #"{"UserDetailList": [], "GroupDetailList": [], "RoleDetailList": [], "Policies": []}"#)
        defer { try? FileManager.default.removeItem(atPath: root) }
        return await FindingsAnalyzer(model: try await AnalysisSession.open(root)).findings()
    }

    @Test func bucketLevelSettings() async throws {
        try bucket("open", policyPrincipal: #"\"*\""#, aclAllUsers: true, block: nil)
        try bucket("restricted", policyPrincipal: #"\"*\""#, aclAllUsers: false, block: ["RestrictPublicBuckets": true])
        try bucket("acl-ignored", policyPrincipal: nil, aclAllUsers: true, block: ["IgnorePublicAcls": true])
        try bucket("shared", policyPrincipal: #"{\"AWS\": \"999999999999\"}"#, aclAllUsers: false, block: ["RestrictPublicBuckets": true])
        let f = try await findings()
        let openFindings = f.filter { $0.resource == "arn:aws:s3:::open" }
        // The policy's and the ACL's grants to everyone: one finding (resource, principal, conditions), actions merged.
        #expect(openFindings.count == 1)
        #expect(openFindings.first?.isPublic == true)
        #expect(openFindings.first?.actions == ["s3:GetObject", "s3:ListBucket", "s3:ListBucketMultipartUploads", "s3:ListBucketVersions"])
        #expect(!f.contains { $0.resource == "arn:aws:s3:::restricted" })
        #expect(!f.contains { $0.resource == "arn:aws:s3:::acl-ignored" })
        // RestrictPublicBuckets stops access only through a public policy; a grant to one account stays.
        #expect(f.contains { $0.resource == "arn:aws:s3:::shared" && $0.principal == "arn:aws:iam::999999999999:root" })
    }

    /// The memo answers a principal's later resources from earlier ones that no policy tells
    /// apart; RestrictPublicBuckets tells two buckets with the same public policy apart for a
    /// principal of another account, whichever is asked first.
    @Test func memoTellsRestrictedBucketsApart() async throws {
        try bucket("a-restricted", policyPrincipal: #"\"*\""#, aclAllUsers: false, block: ["RestrictPublicBuckets": true])
        try bucket("b-open", policyPrincipal: #"\"*\""#, aclAllUsers: false, block: nil)
        try write("accounts/\(account)/iam/get-account-authorization-details.json", #"{"RoleDetailList": []}"#)
        let reader = #"{"Path": "/", "RoleName": "reader", "Arn": "arn:aws:iam::111111111111:role/reader", "AssumeRolePolicyDocument": {"Statement": []}, "RolePolicyList": [{"PolicyName": "read", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}}]}"#
        try write("accounts/111111111111/iam/get-account-authorization-details.json", #"{"RoleDetailList": [\#(reader)]}"#)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let m = try await AnalysisSession.open(root)
        let role = m.principals["arn:aws:iam::111111111111:role/reader"]!
        let buckets = ["a-restricted", "b-open"].map { m.resources["arn:aws:s3:::\($0)"]! }
        for order in [buckets, buckets.reversed()] {
            let memo = AccessMemo()
            for r in order { #expect(m.access(of: role, to: r, memo: memo) == m.access(of: role, to: r), "\(r.arn)") }
        }
        #expect(m.access(of: role, to: buckets[0]) == nil)
        #expect(m.access(of: role, to: buckets[1])?.actions == ["s3:GetObject"])
    }

    @Test func accountLevelSettings() async throws {
        try write("accounts/\(account)/s3/get-public-access-block.json", Self.blockJSON(["IgnorePublicAcls": true, "RestrictPublicBuckets": true]))
        try bucket("open", policyPrincipal: #"\"*\""#, aclAllUsers: true, block: nil)
        let f = try await findings()
        #expect(f.isEmpty)
    }

    @Test("who-can, one request and can agree with findings on RestrictPublicBuckets and public ACLs")
    func everyCommandAgrees() async throws {
        try bucket("restricted", policyPrincipal: #"{\"AWS\": [\"*\", \"999999999999\"]}"#, aclAllUsers: false, block: ["RestrictPublicBuckets": true])
        try bucket("acl-open", policyPrincipal: nil, aclAllUsers: true, block: nil)
        try write("accounts/\(account)/iam/get-account-authorization-details.json", #"{"UserDetailList": [], "GroupDetailList": [], "RoleDetailList": [], "Policies": []}"#)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let model = try await AnalysisSession.open(root)
        // The policy is public, so RestrictPublicBuckets stops everyone and the named account alike.
        let restricted = try WhoCanAnalyzer(model: model).whoCan("arn:aws:s3:::restricted")
        #expect(restricted.principals.isEmpty)
        let bucket = try #require(model.resources["arn:aws:s3:::restricted"])
        let everyone = try #require(model.principal("*"))
        let other = try #require(model.principal("arn:aws:iam::999999999999:root"))
        #expect(model.decide(everyone, "s3:GetObject", on: bucket)?.result == .no)
        #expect(model.decide(other, "s3:GetObject", on: bucket)?.rule == .publicAccessBlocked)
        let (request, set) = try model.simulationInput(
            try ConcreteRequest(principal: "arn:aws:iam::999999999999:root", action: "s3:GetObject", resource: "arn:aws:s3:::restricted/x"))
        let report = Simulator().run(request, set)
        #expect(report.decision == .implicitlyDenied)
        #expect(report.rule == .publicAccessBlocked)
        // The ACL's grant to AllUsers is evaluated like a policy grant by every command.
        let open = try WhoCanAnalyzer(model: model).whoCan("arn:aws:s3:::acl-open")
        // (who-can also lists the outside principals the snapshot names elsewhere, whom a grant to everyone covers.)
        let anyone = try #require(open.principals.first { $0.principal == "*" })
        #expect(anyone.actions == ["s3:ListBucket", "s3:ListBucketMultipartUploads", "s3:ListBucketVersions"])
        #expect(!anyone.conditional)
        let (aclRequest, aclSet) = try model.simulationInput(
            try ConcreteRequest(principal: "arn:aws:iam::999999999999:root", action: "s3:ListBucket", resource: "arn:aws:s3:::acl-open"))
        #expect(Simulator().run(aclRequest, aclSet).decision == .allowed)
    }
}
