import Policy
import Testing
@testable import Graph

/// reference_policies_variables.html: a policy variable whose key is not in the request, and that
/// has no default, cannot be resolved, and the element it stands in matches nothing. A snapshot
/// holds every tag of its users and roles, so `${aws:PrincipalTag/team}` of a role without the tag
/// is unresolvable, not unknown: that role gets nothing through the statement, even under a
/// negated operator. (Session tags of real sessions are not modelled: docs/semantics.md.)
@Suite("Graph: principal tags of snapshot principals are all known")
struct PrincipalTagVariableTests {
    static func role(_ name: String, tags: String) -> String {
        #"""
        {"Path": "/", "RoleName": "\#(name)", "Arn": "arn:aws:iam::123456789012:role/\#(name)", "AssumeRolePolicyDocument": {"Statement": []},
         "Tags": [\#(tags)], "RolePolicyList": [{"PolicyName": "p", "PolicyDocument": {"Statement": [
           {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::data/*",
            "Condition": {"StringEquals": {"s3:ExistingObjectTag/team": "${aws:PrincipalTag/team}"}}},
           {"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::data/*",
            "Condition": {"StringNotEquals": {"s3:ExistingObjectTag/owner": "${aws:PrincipalTag/team}"}}}]}}]}
        """#
    }

    @Test func untaggedRolesGetNothingThroughATagVariable() async throws {
        let gaad = #"{"RoleDetailList": ["# + Self.role("tagged", tags: #"{"Key": "team", "Value": "blue"}"#) + ", "
            + Self.role("untagged", tags: "") + "]}"
        let m = try await GraphFixture.model(gaad, buckets: ["data"])
        let bucket = try #require(m.resources["arn:aws:s3:::data"])
        let tagged = try #require(m.principals["arn:aws:iam::123456789012:role/tagged"])
        let untagged = try #require(m.principals["arn:aws:iam::123456789012:role/untagged"])
        // The tagged role reads objects whose tag matches (unknown offline: conditional).
        let access = try #require(m.access(of: tagged, to: bucket))
        #expect(access.actions == ["s3:GetObject", "s3:PutObject"])
        #expect(access.conditions["StringEquals"]?["s3:ExistingObjectTag/team"] == ["${aws:PrincipalTag/team}"])
        // The untagged role: neither the positive nor the negated condition matches.
        #expect(m.access(of: untagged, to: bucket) == nil)
        #expect(m.decide(untagged, "s3:GetObject", on: bucket)?.result == .no)
        #expect(m.decide(untagged, "s3:PutObject", on: bucket)?.result == .no)
        #expect(m.decide(tagged, "s3:GetObject", on: bucket)?.result == .unknown)
    }
}
