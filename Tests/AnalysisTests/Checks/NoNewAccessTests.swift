import Analysis
import Policy
import Testing

/// `check no-new-access` on tricky policy pairs. PASS must mean no new access (the differential
/// test in NoNewAccessSoundnessTests replays every PASS pair through the evaluator); FAIL must
/// name the statement responsible.
@Suite struct NoNewAccessTests {
    static let bucketRead = #"{"Sid": "Read", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::999999999999:root"}, "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::acme-data/*"}"#

    // MARK: cases that must pass

    @Test func reorderedStatementsAndListsPass() throws {
        let ref = #"{"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"]}, {"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"}"#
        let new = #"{"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"}, {"Effect": "Allow", "Action": ["s3:ListBucket", "s3:GetObject"], "Resource": ["arn:aws:s3:::b/*", "arn:aws:s3:::b"]}"#
        let r = try CheckSupport.noNewAccess(reference: ref, new: new)
        #expect(r.passed, "\(r.problems)")
    }

    @Test func splittingAStatementPasses() throws {
        let new = #"{"Sid": "Get", "Effect": "Allow", "Principal": {"AWS": "999999999999"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-data/*"}, {"Sid": "Put", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::999999999999:root"}, "Action": "s3:putobject", "Resource": "arn:aws:s3:::acme-data/*"}"#
        let r = try CheckSupport.noNewAccess(reference: Self.bucketRead, new: new)
        #expect(r.passed, "\(r.problems)")
    }

    @Test func mergingStatementsPassesThroughTheUnionOfReferenceAllows() throws {
        let ref = #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}, {"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/*"}"#
        let new = #"{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::b/*"}"#
        let r = try CheckSupport.noNewAccess(reference: ref, new: new)
        #expect(r.passed, "\(r.problems)")
    }

    /// Narrower actions, resources and stronger conditions (reference_policies_elements_condition_operators.html:
    /// a CIDR inside the reference's, an added condition).
    @Test func narrowingPasses() throws {
        let ref = #"{"Effect": "Allow", "Action": "s3:Get*", "Resource": "arn:aws:s3:::b/*", "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}"#
        let new = #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/reports/*", "Condition": {"IpAddress": {"aws:SourceIp": ["10.1.0.0/16", "10.2.3.4"]}, "Bool": {"aws:SecureTransport": "true"}}}"#
        let r = try CheckSupport.noNewAccess(reference: ref, new: new)
        #expect(r.passed, "\(r.problems)")
    }

    /// NotAction matches every action not listed (reference_policies_elements_notaction.html):
    /// Allow NotAction iam:* is the same set as Allow * with Deny iam:*, either way round.
    @Test func notActionRewriteWithEqualSetsPasses() throws {
        let denyForm = #"{"Effect": "Allow", "Action": "*", "Resource": "*"}, {"Effect": "Deny", "Action": "iam:*", "Resource": "*"}"#
        let notActionForm = #"{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}"#
        let a = try CheckSupport.noNewAccess(reference: denyForm, new: notActionForm)
        #expect(a.passed, "\(a.problems)")
        let b = try CheckSupport.noNewAccess(reference: notActionForm, new: denyForm)
        #expect(b.passed, "\(b.problems)")
    }

    @Test func wideningADenyPasses() throws {
        let ref = #"{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}, {"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "arn:aws:s3:::b", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}}"#
        let new = #"{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}, {"Effect": "Deny", "Action": "s3:Delete*", "Resource": "*"}"#
        let r = try CheckSupport.noNewAccess(reference: ref, new: new)
        #expect(r.passed, "\(r.problems)")
    }

    /// A Deny on requests the new Allow can never make (its condition contradicts the Allow's) need not be kept.
    @Test func aDenyThatCannotMeetTheAllowMayGo() throws {
        let ref = #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}, {"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}"#
        let new = #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}"#
        let r = try CheckSupport.noNewAccess(reference: ref, new: new)
        #expect(r.passed, "\(r.problems)")
    }

    // MARK: cases that must fail

    @Test func widenedResourceWildcardFails() throws {
        let new = Self.bucketRead.replacingOccurrences(of: "acme-data/*", with: "acme-*")
        let r = try CheckSupport.noNewAccess(reference: Self.bucketRead, new: new)
        #expect(!r.passed)
        #expect(r.problems.map(\.statement.path) == ["$.Statement[0]"])
        #expect(r.problems.first?.statement.sid == "Read")
        #expect(r.problems.first?.message.contains("arn:aws:s3:::acme-*") == true)
    }

    @Test func widenedActionWildcardFailsNamingTheNewActions() throws {
        let new = Self.bucketRead.replacingOccurrences(of: "\"s3:GetObject\"", with: "\"s3:GetObject*\"")
        let r = try CheckSupport.noNewAccess(reference: Self.bucketRead, new: new)
        #expect(!r.passed)
        let message = r.problems.first?.message ?? ""
        #expect(message.contains("s3:GetObjectAcl"))
        #expect(!message.contains("s3:GetObject,"))
    }

    /// An explicit Deny overrides any Allow (reference_policies_evaluation-logic_policy-eval-denyallow.html):
    /// removing or narrowing it adds access, and the reference Deny is the statement reported.
    @Test func removedOrNarrowedDenyFails() throws {
        let ref = #"{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}, {"Sid": "KeepBuckets", "Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"}"#
        let removed = try CheckSupport.noNewAccess(reference: ref, new: #"{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}"#)
        #expect(!removed.passed)
        #expect(removed.problems.map(\.statement.sid) == ["KeepBuckets"])
        #expect(removed.problems.first?.statement.file == "old.json")
        #expect(removed.problems.first?.related.map(\.path) == ["$.Statement[0]"])
        let narrowed = try CheckSupport.noNewAccess(
            reference: ref,
            new: #"{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}, {"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "arn:aws:s3:::prod-*"}"#)
        #expect(!narrowed.passed)
        let conditioned = try CheckSupport.noNewAccess(
            reference: ref,
            new: #"{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}, {"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": "ops"}}}"#)
        #expect(!conditioned.passed)
    }

    /// Condition operators (reference_policies_elements_condition_operators.html): a wider CIDR, a
    /// removed condition, a pattern for an exact value, and IfExists (true when the key is absent) all loosen.
    @Test(arguments: [
        #"{"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}}"#,
        #"{"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "192.0.2.0/24"]}}"#,
        #"{"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}"#,
        #"{"IpAddressIfExists": {"aws:SourceIp": "10.0.0.0/8"}}"#,
    ])
    func loosenedConditionFails(newCondition: String) throws {
        let ref = #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}"#
        let new = #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": \#(newCondition)}"#
        let r = try CheckSupport.noNewAccess(reference: ref, new: new)
        #expect(!r.passed)
        #expect(r.problems.first?.message.contains("aws:SourceIp") == true, "names the reference condition not implied")
    }

    @Test func stringLikeForAnExactValueFails() throws {
        let ref = #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}}"#
        let new = #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringLike": {"aws:PrincipalOrgID": "o-*"}}}"#
        #expect(try !CheckSupport.noNewAccess(reference: ref, new: new).passed)
        // The other way round, the exact value lies within the pattern.
        #expect(try CheckSupport.noNewAccess(reference: new, new: ref).passed)
    }

    /// Principal element (reference_policies_elements_principal.html): a new account, everyone in place of
    /// an account, and a role where an account was named (a direct grant, not a delegation) all add access.
    @Test(arguments: [
        #"{"AWS": ["arn:aws:iam::999999999999:root", "444455556666"]}"#,
        #""*""#,
        #"{"AWS": "arn:aws:iam::999999999999:role/Auditor"}"#,
    ])
    func newPrincipalFails(principal: String) throws {
        let new = Self.bucketRead.replacingOccurrences(of: #"{"AWS": "arn:aws:iam::999999999999:root"}"#, with: principal)
        let r = try CheckSupport.noNewAccess(reference: Self.bucketRead, new: new)
        #expect(!r.passed)
        #expect(r.problems.allSatisfy { $0.statement.sid == "Read" })
    }

    /// A NotAction whose complement is wider: dropping organizations:* from the excluded list grants it.
    @Test func widerNotActionComplementFails() throws {
        let ref = #"{"Effect": "Allow", "NotAction": ["iam:*", "organizations:*"], "Resource": "*"}"#
        let new = #"{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}"#
        let r = try CheckSupport.noNewAccess(reference: ref, new: new)
        #expect(!r.passed)
        #expect(r.problems.first?.message.contains("organizations:") == true)
        #expect(r.problems.first?.message.contains("iam:") == false)
    }

    /// Actions the catalog does not know are requests too: a wildcard may grant an action newer than
    /// the catalog that a list of today's actions does not.
    @Test func aWildcardOverTodaysActionsStillFails() throws {
        let today = CheckSupport.catalog.expand(ActionPattern("sqs:Send*")).map { "\"\($0.fullName)\"" }.joined(separator: ", ")
        let ref = #"{"Effect": "Allow", "Action": [\#(today)], "Resource": "*"}"#
        let new = #"{"Effect": "Allow", "Action": "sqs:Send*", "Resource": "*"}"#
        let r = try CheckSupport.noNewAccess(reference: ref, new: new)
        #expect(!r.passed)
        #expect(r.problems.first?.message.contains("outside the catalog (sqs:send*)") == true)
        #expect(try CheckSupport.noNewAccess(reference: new, new: ref).passed)
    }
}
