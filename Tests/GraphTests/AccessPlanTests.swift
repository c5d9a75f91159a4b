import Foundation
import Policy
import Snapshot
import Testing
@testable import Graph

/// Deciding access once per class of principals (AccessPlan) must give every principal the
/// answers it would get alone. Two principals with the same statements are still told apart by
/// a resource policy that names one of them (reference_policies_elements_principal.html), by a
/// condition on aws:PrincipalArn or a principal tag (reference_policies_condition-keys.html),
/// and by a policy variable (reference_policies_variables.html).
@Suite("Graph: access decided per class of principals")
struct AccessPlanTests {
    /// Every member's answers from the plan: its own, then its groups' but for its exceptions.
    func answers(_ m: AccessModel, _ plan: AccessPlan) -> [String: [String: Access]] {
        let groupAnswers = plan.groups.map { m.access(of: $0) }
        var out: [String: [String: Access]] = [:]
        for member in plan.members {
            var mine: [String: Access] = [:]
            for (r, a) in m.individualAccess(of: member) { mine[r.arn] = a }
            for share in member.shares {
                for (r, a) in groupAnswers[share.group] where !share.except.contains(ObjectIdentifier(r)) {
                    #expect(mine[r.arn] == nil, "\(member.principal.id): \(r.arn) decided twice")
                    mine[r.arn] = a
                }
            }
            out[member.principal.id] = mine
        }
        return out
    }

    func alone(_ m: AccessModel, _ p: PrincipalEntry) -> [String: Access] {
        Dictionary(uniqueKeysWithValues: m.accessibleResources(of: p).map { ($0.0.arn, $0.1) })
    }

    @Test("Samples: every principal's answers from the plan equal its answers alone", arguments: ["acme-org", "moto-account"])
    func samplesMatchPerPrincipal(sample: String) async throws {
        let m = AccessModel(snapshot: try await SnapshotLoader().load(GraphFixture.sample(sample)))
        let principals = m.principalOrder.map { m.principals[$0]! } + m.outsideOrder.map { m.outsidePrincipals[$0]! }
        let plan = m.accessPlan(for: principals)
        let fromPlan = answers(m, plan)
        var reached = 0
        for p in principals {
            let expected = alone(m, p)
            reached += expected.count
            #expect(fromPlan[p.id] == expected, "\(p.id)")
        }
        #expect(reached > 0)
    }

    @Test("Roles with the same statements share a group; naming, ARN conditions and tags still tell them apart")
    func namedAndConditionedMembersDecideAlone() async throws {
        let policy = #"[{"PolicyName": "read", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}}]"#
        func role(_ name: String, tags: String = "[]") -> String {
            #"{"Path": "/", "RoleName": "\#(name)", "Arn": "arn:aws:iam::123456789012:role/\#(name)", "Tags": \#(tags), "#
                + #""AssumeRolePolicyDocument": {"Statement": []}, "RolePolicyList": \#(policy)}"#
        }
        let gaad = #"{"RoleDetailList": ["# + [role("a"), role("b"), role("c"), role("tagged", tags: #"[{"Key": "team", "Value": "red"}]"#)]
            .joined(separator: ",") + "]}"
        func bucketPolicy(_ bucket: String, _ statement: String) -> String {
            #"{"Statement": [{"Effect": "Deny", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::\#(bucket)/*", "# + statement + "}]}"
        }
        let policies = [
            // Denies the first role, which becomes the group's representative.
            "deny-a": bucketPolicy("deny-a", #""Principal": {"AWS": "arn:aws:iam::123456789012:role/a"}"#),
            // Denies a role by aws:PrincipalArn: the policy reads who the principal is.
            "deny-b-by-arn": bucketPolicy("deny-b-by-arn", #""Principal": "*", "Condition": {"ArnEquals": {"aws:PrincipalArn": "arn:aws:iam::123456789012:role/b"}}"#),
            // Denies the red team by tag: tagged roles are a class of their own.
            "deny-red": bucketPolicy("deny-red", #""Principal": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": "red"}}"#),
        ]
        let buckets = ["plain", "deny-a", "deny-b-by-arn", "deny-red"]
        let m = try await GraphFixture.model(gaad, buckets: buckets, policies: policies)
        let roles = ["a", "b", "c", "tagged"].map { m.principals["arn:aws:iam::123456789012:role/\($0)"]! }
        let plan = m.accessPlan(for: roles)
        // a, b and c share one group for S3; the tagged role has its own.
        let s3Groups = Set(plan.members.flatMap { $0.shares.map(\.group) })
        #expect(s3Groups.count == 2)
        #expect(plan.members[0].shares.map(\.group) == plan.members[2].shares.map(\.group))
        #expect(plan.members[0].shares.map(\.group) != plan.members[3].shares.map(\.group))
        let fromPlan = answers(m, plan)
        func readable(_ name: String) -> [String] {
            fromPlan["arn:aws:iam::123456789012:role/\(name)"]!.filter { $0.value.actions.contains("s3:GetObject") }.keys
                .map { String($0.dropFirst("arn:aws:s3:::".count)) }.sorted()
        }
        #expect(readable("a") == ["deny-b-by-arn", "deny-red", "plain"])
        #expect(readable("b") == ["deny-a", "deny-red", "plain"])
        #expect(readable("c") == ["deny-a", "deny-b-by-arn", "deny-red", "plain"])
        #expect(readable("tagged") == ["deny-a", "deny-b-by-arn", "plain"])
        for p in roles { #expect(fromPlan[p.id] == alone(m, p), "\(p.id)") }
    }

    @Test("Statements reading aws:PrincipalArn join the class by how they come out: the break-glass role is a class of its own")
    func conditionsOnTheARNSplitClassesByOutcome() async throws {
        let policy = #"""
        [{"PolicyName": "guard", "PolicyDocument": {"Statement": [
          {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
          {"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*",
           "Condition": {"ArnNotLike": {"aws:PrincipalARN": "arn:aws:iam::*:role/*break-glass*"}}}]}}]
        """#
        func role(_ name: String) -> String {
            #"{"Path": "/", "RoleName": "\#(name)", "Arn": "arn:aws:iam::123456789012:role/\#(name)", "#
                + #""AssumeRolePolicyDocument": {"Statement": []}, "RolePolicyList": \#(policy)}"#
        }
        let gaad = #"{"RoleDetailList": ["# + ["app", "ops-break-glass", "web"].map(role).joined(separator: ",") + "]}"
        let m = try await GraphFixture.model(gaad, buckets: ["data"])
        let roles = ["app", "ops-break-glass", "web"].map { m.principals["arn:aws:iam::123456789012:role/\($0)"]! }
        let plan = m.accessPlan(for: roles)
        #expect(plan.members[0].shares.map(\.group) == plan.members[2].shares.map(\.group))
        #expect(plan.members[0].shares.map(\.group) != plan.members[1].shares.map(\.group))
        let fromPlan = answers(m, plan)
        func deletes(_ p: PrincipalEntry) -> Bool { fromPlan[p.id]?["arn:aws:s3:::data"]?.actions.contains("s3:DeleteObject") == true }
        #expect(deletes(roles[1]))
        #expect(!deletes(roles[0]) && !deletes(roles[2]))
        for p in roles { #expect(fromPlan[p.id] == alone(m, p), "\(p.id)") }
    }

    @Test("A principal whose statements hold a policy variable decides alone")
    func policyVariablesDecideAlone() async throws {
        let gaad = #"""
        {"UserDetailList": [
          {"Path": "/", "UserName": "alice", "Arn": "arn:aws:iam::123456789012:user/alice", "GroupList": [],
           "UserPolicyList": [{"PolicyName": "home", "PolicyDocument": {"Statement": [
             {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::${aws:username}"}]}}]},
          {"Path": "/", "UserName": "bob", "Arn": "arn:aws:iam::123456789012:user/bob", "GroupList": [],
           "UserPolicyList": [{"PolicyName": "home", "PolicyDocument": {"Statement": [
             {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::${aws:username}"}]}}]}]}
        """#
        let m = try await GraphFixture.model(gaad, buckets: ["alice", "bob"])
        let users = ["alice", "bob"].map { m.principals["arn:aws:iam::123456789012:user/\($0)"]! }
        let plan = m.accessPlan(for: users)
        #expect(plan.members.allSatisfy { $0.shares.isEmpty })
        let fromPlan = answers(m, plan)
        #expect(fromPlan[users[0].id].map { Array($0.keys) } == ["arn:aws:s3:::alice"])
        #expect(fromPlan[users[1].id].map { Array($0.keys) } == ["arn:aws:s3:::bob"])
    }
}
