import Foundation
import Policy
import Snapshot
import Testing
@testable import Graph

/// The shortcuts that reuse one evaluation for several resources must not merge resources that
/// a principal's policies tell apart.
@Suite("Graph: reused answers stay per resource")
struct SharedAnswerTests {
    static let account = "123456789012"

    @Test("AccessMemo: a statement on one bucket does not reach a bucket without policies next to it")
    func memoKeepsResourceSpecificStatements() async throws {
        let gaad = #"""
        {"RoleDetailList": [{"Path": "/", "RoleName": "reader", "Arn": "arn:aws:iam::123456789012:role/reader",
          "AssumeRolePolicyDocument": {"Statement": []},
          "RolePolicyList": [{"PolicyName": "p", "PolicyDocument": {"Statement": [
            {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::alpha/*"},
            {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"}]}}]}]}
        """#
        let m = try await GraphFixture.model(gaad, buckets: ["alpha", "beta"])
        let role = try #require(m.principals["arn:aws:iam::123456789012:role/reader"])
        let memo = AccessMemo()
        let alpha = m.access(of: role, to: m.resources["arn:aws:s3:::alpha"]!, memo: memo)
        let beta = m.access(of: role, to: m.resources["arn:aws:s3:::beta"]!, memo: memo)
        #expect(alpha?.actions.contains("s3:GetObject") == true)
        #expect(beta?.actions == ["s3:ListBucket"])
        #expect(m.access(of: role, to: m.resources["arn:aws:s3:::beta"]!)?.actions == beta?.actions)
    }

    @Test("AccessMemo: buckets whose policies grant, deny or name others are told apart; others share one answer")
    func memoKeepsResourcePoliciesThatApply() async throws {
        let gaad = #"""
        {"RoleDetailList": [
          {"Path": "/", "RoleName": "reader", "Arn": "arn:aws:iam::123456789012:role/reader", "AssumeRolePolicyDocument": {"Statement": []},
           "RolePolicyList": [{"PolicyName": "p", "PolicyDocument": {"Statement": [
             {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}}]},
          {"Path": "/", "RoleName": "other", "Arn": "arn:aws:iam::123456789012:role/other", "AssumeRolePolicyDocument": {"Statement": []}}]}
        """#
        func policy(_ statement: String) -> String { #"{"Version": "2012-10-17", "Statement": ["# + statement + "]}" }
        let policies = [
            // Names the role: adds s3:PutObject (same-account grants in either policy suffice).
            "grants": policy(#"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:role/reader"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::grants/*"}"#),
            // Denies everyone: removes the identity grant.
            "denies": policy(#"{"Effect": "Deny", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::denies/*"}"#),
            // Denies the role by name.
            "denies-reader": policy(#"{"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::123456789012:role/reader"}, "Action": "s3:*", "Resource": "arn:aws:s3:::denies-reader/*"}"#),
            // Names only another principal: the same answer as no policy.
            "names-other": policy(#"{"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::123456789012:role/other"}, "Action": "s3:*", "Resource": "arn:aws:s3:::names-other/*"}"#),
        ]
        let names = ["plain", "grants", "denies", "denies-reader", "names-other"]
        let m = try await GraphFixture.model(gaad, buckets: names, policies: policies)
        let role = try #require(m.principals["arn:aws:iam::123456789012:role/reader"])
        let memo = AccessMemo()
        var viaMemo: [String: [String]] = [:]
        for name in names {
            let r = try #require(m.resources["arn:aws:s3:::\(name)"])
            viaMemo[name] = m.access(of: role, to: r, memo: memo)?.actions ?? []
            #expect(viaMemo[name] == (m.access(of: role, to: r)?.actions ?? []), "\(name)")
        }
        #expect(viaMemo["plain"] == ["s3:GetObject"])
        #expect(viaMemo["names-other"] == ["s3:GetObject"])
        #expect(viaMemo["grants"] == ["s3:GetObject", "s3:PutObject"])
        #expect(viaMemo["denies"] == [])
        #expect(viaMemo["denies-reader"] == [])
        // Two of the five resources were answered from the memo's first answer.
        #expect(memo.answers.count == 4)
        // Asking for another principal starts afresh rather than reusing the reader's answers.
        let other = try #require(m.principals["arn:aws:iam::123456789012:role/other"])
        #expect(m.access(of: other, to: m.resources["arn:aws:s3:::plain"]!, memo: memo) == nil)
    }

    @Test("SCP closure per account: the same answer as asking each principal's SCPs (orgs_manage_policies_scps_evaluation.html)")
    func scpClosurePerAccountMatchesEachPrincipal() async throws {
        // The sample with FullAWSAccess on the root only: the member accounts' levels allow nothing.
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("samples/acme-org").path
        let root = NSTemporaryDirectory() + "ag-scp-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.copyItem(atPath: sample, toPath: root)
        let targets = root + "/organization/policies/p-FullAWSAccess/list-targets-for-policy.json"
        try #"{"Targets": [{"TargetId": "r-ac12", "Arn": "arn:aws:organizations::111111111111:root/o-acme12345/r-ac12", "Name": "Root", "Type": "ROOT"}]}"#
            .write(toFile: targets, atomically: true, encoding: .utf8)
        let m = AccessModel(snapshot: try await SnapshotLoader().load(root))
        let universes = Array(m.universeIDs.values)
        var closed = 0
        var open = 0
        for p in m.principals.values {
            for u in universes {
                let perPrincipal = Evaluator().scpsMayAllowSome(of: u, principal: p.request, policies: p.policies, cache: m.masks)
                #expect(m.scpsMayAllowSome(of: u, principal: p) == perPrincipal, "\(p.id) \(u.actions.first ?? "")")
                if perPrincipal { open += 1 } else { closed += 1 }
            }
        }
        // Member accounts are closed; the management account is exempt from SCPs and stays open.
        #expect(closed > 0 && open > 0)
        let admin = try #require(m.principals["arn:aws:iam::111111111111:user/org-admin"])
        #expect(universes.allSatisfy { m.scpsMayAllowSome(of: $0, principal: admin) })
    }

    @Test("Trust naming the account: literal sts:AssumeRole grants reach only the roles they name, wildcards every role (id_roles_compare-resource-policies.html)")
    func assumersByLiteralGrantAndWildcard() async throws {
        let trust = #"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "sts:AssumeRole"}]}"#
        let gaad = #"""
        {"UserDetailList": [
           {"Path": "/", "UserName": "literal", "Arn": "arn:aws:iam::123456789012:user/literal", "GroupList": [],
            "UserPolicyList": [{"PolicyName": "p", "PolicyDocument": {"Statement": [
              {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::123456789012:role/one"}]}}]},
           {"Path": "/", "UserName": "wild", "Arn": "arn:aws:iam::123456789012:user/wild", "GroupList": [],
            "UserPolicyList": [{"PolicyName": "p", "PolicyDocument": {"Statement": [
              {"Effect": "Allow", "Action": "sts:*", "Resource": "arn:aws:iam::123456789012:role/*"}]}}]},
           {"Path": "/", "UserName": "none", "Arn": "arn:aws:iam::123456789012:user/none", "GroupList": [],
            "UserPolicyList": [{"PolicyName": "p", "PolicyDocument": {"Statement": [
              {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}}]}],
         "RoleDetailList": [
           {"Path": "/", "RoleName": "one", "Arn": "arn:aws:iam::123456789012:role/one", "AssumeRolePolicyDocument": \#(trust)},
           {"Path": "/", "RoleName": "two", "Arn": "arn:aws:iam::123456789012:role/two", "AssumeRolePolicyDocument": \#(trust)}]}
        """#
        let m = try await GraphFixture.model(gaad, buckets: [])
        #expect(m.assumeEdges["arn:aws:iam::123456789012:role/one"]?.map(\.from)
            == ["arn:aws:iam::123456789012:user/literal", "arn:aws:iam::123456789012:user/wild"])
        #expect(m.assumeEdges["arn:aws:iam::123456789012:role/two"]?.map(\.from) == ["arn:aws:iam::123456789012:user/wild"])
        let index = try #require(m.assumers["123456789012"])
        #expect(index.named["arn:aws:iam::123456789012:role/one"] == ["arn:aws:iam::123456789012:user/literal"])
        #expect(index.others.map(\.id) == ["arn:aws:iam::123456789012:user/wild"])
    }

    @Test("Trust groups: two roles with the same trust policy, a caller denied one of them")
    func trustGroupsKeepTheCallersResourceMatch() async throws {
        let trust = #"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "sts:AssumeRole"}]}"#
        let gaad = #"""
        {"UserDetailList": [{"Path": "/", "UserName": "u", "Arn": "arn:aws:iam::123456789012:user/u", "GroupList": [],
           "UserPolicyList": [{"PolicyName": "p", "PolicyDocument": {"Statement": [
             {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"},
             {"Effect": "Deny", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::123456789012:role/two"}]}}]}],
         "RoleDetailList": [
           {"Path": "/", "RoleName": "one", "Arn": "arn:aws:iam::123456789012:role/one", "AssumeRolePolicyDocument": \#(trust)},
           {"Path": "/", "RoleName": "two", "Arn": "arn:aws:iam::123456789012:role/two", "AssumeRolePolicyDocument": \#(trust)}]}
        """#
        let m = try await GraphFixture.model(gaad, buckets: [])
        #expect(m.assumeEdges["arn:aws:iam::123456789012:role/one"]?.map(\.from) == ["arn:aws:iam::123456789012:user/u"])
        #expect(m.assumeEdges["arn:aws:iam::123456789012:role/two"] == nil)
    }
}
