import Analysis
import Policy
import Testing

/// `check access-not-granted` and `check no-public-access`.
@Suite struct OtherChecksTests {
    func notGranted(_ statements: String, _ actions: [String], resources: [String]? = nil) throws -> PolicyCheckResult {
        AccessNotGrantedCheck(space: CheckSupport.space).run(try CheckSupport.policy(statements, file: "p.json"), actions: actions, resources: resources)
    }

    @Test func wildcardAndNotActionGrantsAreFound() throws {
        let r = try notGranted(#"{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}, {"Sid": "Iam", "Effect": "Allow", "NotAction": "iam:Get*", "Resource": "*"}"#, ["s3:DeleteBucket", "iam:PassRole"])
        #expect(!r.passed)
        #expect(r.problems.map(\.statement.path) == ["$.Statement[0]", "$.Statement[1]"])
        #expect(r.problems[1].message.contains("iam:PassRole"))
    }

    /// An explicit Deny overrides an Allow (reference_policies_evaluation-logic_policy-eval-denyallow.html).
    @Test func anUnconditionalDenyTakesTheActionAway() throws {
        let denied = #"{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}, {"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"}"#
        #expect(try notGranted(denied, ["s3:DeleteBucket"]).passed)
        let conditional = #"{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}, {"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}}"#
        #expect(try !notGranted(conditional, ["s3:DeleteBucket"]).passed, "a conditional Deny leaves the action granted when the condition is false")
    }

    @Test func resourcesNarrowTheQuestion() throws {
        let policy = #"{"Effect": "Allow", "Action": "s3:DeleteObject", "Resource": "arn:aws:s3:::scratch/*"}"#
        #expect(try notGranted(policy, ["s3:DeleteObject"], resources: ["arn:aws:s3:::prod/*"]).passed)
        #expect(try !notGranted(policy, ["s3:DeleteObject"], resources: ["arn:aws:s3:::scr*"]).passed)
    }

    func noPublic(_ statements: String, _ type: String) throws -> PolicyCheckResult {
        try NoPublicAccessCheck(catalog: CheckSupport.catalog).run(try CheckSupport.policy(statements, file: "p.json"), resourceType: type)
    }

    /// access-control-block-public-access.html, "The meaning of public": a grant to * is public unless
    /// a condition pins a restricting key such as aws:SourceIp or aws:PrincipalOrgID.
    @Test func publicGrantsFollowS3sDefinition() throws {
        let open = #"{"Sid": "Open", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::site/*"}"#
        let r = try noPublic(open, "AWS::S3::Bucket")
        #expect(!r.passed)
        #expect(r.problems.map(\.statement.sid) == ["Open"])
        #expect(r.problems.first?.message.contains("s3:GetObject") == true)
        let org = #"{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::site/*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}}"#
        #expect(try noPublic(org, "AWS::S3::Bucket").passed)
        let account = #"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::999999999999:root"}, "Action": "sqs:SendMessage", "Resource": "*"}"#
        #expect(try noPublic(account, "AWS::SQS::Queue").passed)
    }

    @Test func aDenyOnEveryObjectRemovesThePublicGrant() throws {
        let denied = #"{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::site/*"}, {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::site/*"}"#
        #expect(try noPublic(denied, "AWS::S3::Bucket").passed)
        let partly = #"{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::site/*"}, {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::site/private/*"}"#
        #expect(try !noPublic(partly, "AWS::S3::Bucket").passed)
    }

    /// An OIDC trust without a condition on the token's subject lets any identity of the provider in (id_roles_create_for-idp_oidc.html).
    @Test func anOIDCTrustWithoutSubIsPublic() throws {
        let trust = #"{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}}"#
        #expect(try !noPublic(trust, "AWS::IAM::Role").passed)
        let pinned = trust.replacingOccurrences(of: #""sts.amazonaws.com"}"#, with: #""sts.amazonaws.com", "token.actions.githubusercontent.com:sub": "repo:acme/app:ref:refs/heads/main"}"#)
        #expect(try noPublic(pinned, "AWS::IAM::Role").passed)
    }

    @Test func anUnknownResourceTypeIsAnInputError() throws {
        #expect(throws: PolicyCheckInputError.self) { try noPublic(#"{"Effect": "Allow", "Action": "*", "Resource": "*"}"#, "AWS::Nope::Thing") }
    }
}
