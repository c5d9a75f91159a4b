import Testing
@testable import Policy

/// Builds a named policy from JSON text.
func policy(_ json: String, name: String = "p") -> NamedPolicy {
    NamedPolicy(name: name, document: try! PolicyParser().parse(text: json).document)
}

func allow(_ action: String, _ resource: String = "*", principal: String? = nil, condition: String? = nil) -> String {
    stmt("Allow", action, resource, principal: principal, condition: condition)
}

func deny(_ action: String, _ resource: String = "*", principal: String? = nil, condition: String? = nil) -> String {
    stmt("Deny", action, resource, principal: principal, condition: condition)
}

func stmt(_ effect: String, _ action: String, _ resource: String, principal: String?, condition: String?) -> String {
    var s = #"{"Effect": "\#(effect)", "Action": "\#(action)", "Resource": "\#(resource)""#
    if let principal { s += #", "Principal": \#(principal)"# }
    if let condition { s += #", "Condition": \#(condition)"# }
    return s + "}"
}

func doc(_ statements: String...) -> NamedPolicy {
    policy(#"{"Version": "2012-10-17", "Statement": [\#(statements.joined(separator: ","))]}"#)
}

func request(
    _ principal: String, _ action: String, _ resource: String?, context: [String: ContextValue] = [:], concrete: Bool = true
) -> Request {
    Request(
        principal: RequestPrincipal.parse(principal)!, action: action, resource: resource.flatMap(RequestResource.init),
        context: ConditionContext(missingKeys: concrete ? .absent : .unknown, context))
}

let alice = "arn:aws:iam::111111111111:user/alice"
let appRole = "arn:aws:iam::111111111111:role/app"
let bucketObject = "arn:aws:s3:::b111/x"

@Suite("Evaluator: the documented decision rules")
struct EvaluatorTests {
    let e = Evaluator()

    @Test("Implicit deny when nothing allows (reference_policies_evaluation-logic_policy-eval-denyallow.html)")
    func implicitDeny() {
        #expect(e.evaluate(request(alice, "s3:GetObject", bucketObject), PolicySet()).decision == .implicitlyDenied)
    }

    @Test("An explicit deny in any policy overrides allows (policy-eval-denyallow)")
    func explicitDenyWins() {
        let set = PolicySet(identityPolicies: [doc(allow("s3:*"))], resourcePolicy: doc(deny("s3:GetObject", principal: #""*""#)))
        let r = e.evaluate(request(alice, "s3:GetObject", bucketObject), set, explain: true)
        #expect(r.decision == .explicitlyDenied)
        #expect(r.rule == .explicitDeny)
        #expect(r.trace.contains { $0.policyType == .resource && $0.effect == .deny && $0.outcome == .yes })
    }

    @Test("Same account: an identity-policy allow suffices (reference_policies_evaluation-logic_policy-eval-basics.html)")
    func sameAccountIdentity() {
        let r = e.evaluate(request(alice, "s3:GetObject", bucketObject), PolicySet(identityPolicies: [doc(allow("s3:Get*"))]))
        #expect(r.decision == .allowed)
        #expect(r.rule == .identityAllow)
    }

    @Test("Same account: a resource-policy grant to the user ARN suffices without identity allow (policy-eval-basics)")
    func sameAccountResourceGrant() {
        let set = PolicySet(resourcePolicy: doc(allow("s3:GetObject", principal: #"{"AWS": "\#(alice)"}"#)))
        let r = e.evaluate(inAccount("111111111111", request(alice, "s3:GetObject", bucketObject)), set)
        #expect(r.decision == .allowed)
        #expect(r.rule == .resourcePolicyGrant)
        // The same grant on a resource of another account: the identity side must allow too.
        let other = e.evaluate(inAccount("222222222222", request(alice, "s3:GetObject", bucketObject)), set)
        #expect(other.decision == .implicitlyDenied)
        #expect(other.rule == .crossAccountWithoutIdentityAllow)
    }

    @Test("Same account: a grant to the account root delegates to identity policies (reference_policies_elements_principal.html)")
    func accountGrantNeedsIdentity() {
        let set = PolicySet(resourcePolicy: doc(allow("s3:GetObject", principal: #"{"AWS": "111111111111"}"#)))
        let r = e.evaluate(inAccount("111111111111", request(alice, "s3:GetObject", bucketObject)), set)
        #expect(r.decision == .implicitlyDenied)
        #expect(r.rule == .noAllow)
    }

    @Test("Cross-account: the resource policy and the identity policy must both allow (reference_policies_evaluation-logic-cross-account.html)")
    func crossAccountNeedsBoth() {
        let other = "arn:aws:iam::222222222222:user/mallory"
        let rp = doc(allow("s3:GetObject", principal: #"{"AWS": "222222222222"}"#))
        let onlyRP = PolicySet(resourcePolicy: rp)
        let both = PolicySet(identityPolicies: [doc(allow("s3:GetObject"))], resourcePolicy: rp)
        let onlyIdentity = PolicySet(identityPolicies: [doc(allow("s3:GetObject"))])
        var req = request(other, "s3:GetObject", bucketObject)
        req.resourceAccount = "111111111111"
        #expect(e.evaluate(req, onlyRP).rule == .crossAccountWithoutIdentityAllow)
        #expect(e.evaluate(req, onlyIdentity).rule == .crossAccountWithoutResourceGrant)
        #expect(e.evaluate(req, both).decision == .allowed)
    }

    @Test("A permissions boundary caps identity grants (access_policies_boundaries.html)")
    func boundaryCaps() {
        let set = PolicySet(identityPolicies: [doc(allow("s3:*"))], permissionsBoundary: [doc(allow("s3:GetObject"))])
        #expect(e.evaluate(request(alice, "s3:GetObject", bucketObject), set).decision == .allowed)
        let r = e.evaluate(request(alice, "s3:PutObject", bucketObject), set)
        #expect(r.decision == .implicitlyDenied)
        #expect(r.rule == .boundaryNoAllow)
    }

    @Test("A same-account grant to a user ARN is not limited by the user's boundary (access_policies_boundaries.html)")
    func userArnGrantPassesBoundary() {
        let set = PolicySet(
            permissionsBoundary: [doc(allow("ec2:*"))],
            resourcePolicy: doc(allow("s3:GetObject", principal: #"{"AWS": "\#(alice)"}"#)))
        #expect(e.evaluate(inAccount("111111111111", request(alice, "s3:GetObject", bucketObject)), set).decision == .allowed)
        // Across accounts the grant is not enough: the identity side (here no policy at all) must allow too.
        #expect(e.evaluate(inAccount("222222222222", request(alice, "s3:GetObject", bucketObject)), set).decision == .implicitlyDenied)
    }

    @Test("A same-account grant to a role ARN is limited by the role's boundary (access_policies_boundaries.html)")
    func roleArnGrantLimitedByBoundary() {
        let set = PolicySet(
            permissionsBoundary: [doc(allow("ec2:*"))],
            resourcePolicy: doc(allow("s3:GetObject", principal: #"{"AWS": "\#(appRole)"}"#)))
        #expect(e.evaluate(inAccount("111111111111", request(appRole, "s3:GetObject", bucketObject)), set).decision == .implicitlyDenied)
        let session = "arn:aws:sts::111111111111:assumed-role/app/s1"
        let sessionGrant = PolicySet(
            permissionsBoundary: [doc(allow("ec2:*"))],
            resourcePolicy: doc(allow("s3:GetObject", principal: #"{"AWS": "\#(session)"}"#)))
        #expect(e.evaluate(inAccount("111111111111", request(session, "s3:GetObject", bucketObject)), sessionGrant).decision == .allowed)
        #expect(e.evaluate(inAccount("222222222222", request(session, "s3:GetObject", bucketObject)), sessionGrant).decision == .implicitlyDenied)
    }

    @Test("Every level of SCPs must allow; an empty level denies (orgs_manage_policies_scps_evaluation.html)")
    func scpLevels() {
        let identity = [doc(allow("s3:*"))]
        let full = [doc(allow("*"))]
        #expect(e.evaluate(request(alice, "s3:GetObject", bucketObject), PolicySet(identityPolicies: identity, scpLevels: [full, full])).decision == .allowed)
        let r = e.evaluate(request(alice, "s3:GetObject", bucketObject), PolicySet(identityPolicies: identity, scpLevels: [full, []]))
        #expect(r.rule == .scpNoAllow)
        let denied = e.evaluate(request(alice, "s3:GetObject", bucketObject), PolicySet(identityPolicies: identity, scpLevels: [full, [doc(deny("s3:*"))]]))
        #expect(denied.decision == .explicitlyDenied)
    }

    @Test("SCP pre-check: a level allowing no action of a type, or an unconditional Deny of all of them, closes the type (orgs_manage_policies_scps_evaluation.html)")
    func scpPreCheck() {
        let s3 = ActionUniverse(id: 90, actions: ["s3:GetObject", "s3:PutObject"])
        let identity = [doc(allow("*"))]
        let principal = RequestPrincipal.parse(alice)!
        let cache = ActionMaskCache()
        func open(_ levels: [[NamedPolicy]]) -> Bool {
            e.scpsMayAllowSome(of: s3, principal: principal, policies: PolicySet(identityPolicies: identity, scpLevels: levels), cache: cache)
        }
        let full = [doc(allow("*"))]
        #expect(open([full, full]))
        #expect(!open([full, [doc(allow("ec2:*"))]]))  // the account level allows no S3 action
        #expect(open([full, [doc(allow("s3:GetObject", "arn:aws:s3:::one/*"))]]))  // some resource may be allowed
        #expect(!open([full, [doc(allow("*"), deny("s3:*"))]]))
        #expect(open([full, [doc(allow("*"), deny("s3:PutObject"))]]))  // GetObject stays possible
        #expect(open([full, [doc(allow("*"), deny("s3:*", condition: #"{"StringNotEquals": {"aws:RequestedRegion": "eu-west-1"}}"#))]]))
        #expect(open([full, [doc(allow("*"), deny("s3:*", "arn:aws:s3:::secret/*"))]]))  // a Deny on some resources only
        // Agrees with the full evaluation on the closed case.
        let closed = PolicySet(identityPolicies: identity, scpLevels: [full, [doc(allow("ec2:*"))]])
        #expect(e.evaluate(request(alice, "s3:GetObject", bucketObject), closed).decision != .allowed)
    }

    @Test("A resource policy matched once against its target prepares like the whole policy, variables included")
    func targetedPolicyPreparesAlike() {
        let bucketPolicy = doc(
            allow("s3:GetObject", "arn:aws:s3:::b111/*", principal: #"{"AWS": "arn:aws:iam::111111111111:root"}"#),
            allow("s3:PutObject", "arn:aws:s3:::b111/${aws:username}/*", principal: #"{"AWS": "*"}"#),
            deny("s3:*", "arn:aws:s3:::other/*", principal: #"{"AWS": "*"}"#),
            deny("s3:DeleteObject", "*", principal: #"{"AWS": "\#(alice)"}"#, condition: #"{"Bool": {"aws:MultiFactorAuthPresent": "false"}}"#),
            allow("sqs:SendMessage", "*", principal: #"{"AWS": "*"}"#))
        let universe = ActionUniverse(id: 91, actions: ["s3:DeleteObject", "s3:GetObject", "s3:PutObject"])
        let cache = ActionMaskCache()
        let target = RequestResource(arn: ARN("arn:aws:s3:::b111")!, anyUnderPrefix: "b111/")
        let targeted = TargetedPolicy(bucketPolicy, universe: universe, target: target, cache: cache)
        for who in [alice, appRole, "arn:aws:iam::222222222222:user/bob"] {
            for context in [ConditionContext(missingKeys: .unknown), ConditionContext(missingKeys: .unknown, ["aws:username": .values(["alice"])])] {
                let principal = RequestPrincipal.parse(who)!
                let whole = e.prepareResourcePolicy(
                    bucketPolicy, universe: universe, principal: principal, resource: target, resourceAccount: "111111111111",
                    context: context, cache: cache)
                let once = e.prepare(targeted, principal: principal, resourceAccount: "111111111111", context: context)
                #expect(once == whole, "\(who)")
            }
        }
        // The statements that cannot apply to the target (another bucket, another service) are gone before any principal is asked.
        #expect(targeted.entries.count == 3)
    }

    @Test("SCPs do not restrict service-linked roles (orgs_manage_policies_scps.html)")
    func serviceLinkedRoleExempt() {
        let slr = "arn:aws:iam::111111111111:role/aws-service-role/ops.amazonaws.com/AWSServiceRoleForOps"
        let set = PolicySet(identityPolicies: [doc(allow("s3:*"))], scpLevels: [[]])
        #expect(e.evaluate(request(slr, "s3:GetObject", bucketObject), set).decision == .allowed)
    }

    @Test("KMS: IAM policies count only where the key policy delegates to the account (key-policy-default.html)")
    func kmsDelegation() {
        let key = "arn:aws:kms:us-east-1:111111111111:key/k1"
        let identity = [doc(allow("kms:Decrypt"))]
        let noDelegation = PolicySet(identityPolicies: identity, resourcePolicy: doc(allow("kms:*", principal: #"{"AWS": "arn:aws:iam::111111111111:user/admin"}"#)), resourcePolicyRequired: true)
        #expect(e.evaluate(request(alice, "kms:Decrypt", key), noDelegation).rule == .resourcePolicyRequired)
        let delegation = PolicySet(identityPolicies: identity, resourcePolicy: doc(allow("kms:*", principal: #"{"AWS": "arn:aws:iam::111111111111:root"}"#)), resourcePolicyRequired: true)
        let r = e.evaluate(request(alice, "kms:Decrypt", key), delegation)
        #expect(r.decision == .allowed)
        #expect(r.rule == .delegatedToAccount)
    }

    @Test("Role trust naming the account needs the caller's identity permission; naming the user does not (id_roles_compare-resource-policies.html)")
    func roleTrust() {
        let target = "arn:aws:iam::111111111111:role/target"
        let trustAccount = PolicySet(resourcePolicy: policy(#"{"Statement": {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:root"}, "Action": "sts:AssumeRole"}}"#), resourcePolicyRequired: true)
        let trustUser = PolicySet(resourcePolicy: policy(#"{"Statement": {"Effect": "Allow", "Principal": {"AWS": "\#(alice)"}, "Action": "sts:AssumeRole"}}"#), resourcePolicyRequired: true)
        #expect(e.evaluate(request(alice, "sts:AssumeRole", target), trustAccount).decision == .implicitlyDenied)
        var withIdentity = trustAccount
        withIdentity.identityPolicies = [doc(allow("sts:AssumeRole", target))]
        #expect(e.evaluate(request(alice, "sts:AssumeRole", target), withIdentity).decision == .allowed)
        #expect(e.evaluate(request(alice, "sts:AssumeRole", target), trustUser).decision == .allowed)
    }

    @Test("NotPrincipal with Deny spares a user only when the account is listed too (reference_policies_elements_notprincipal.html)")
    func notPrincipal() {
        let onlyUser = PolicySet(identityPolicies: [doc(allow("s3:*"))], resourcePolicy: policy(#"{"Statement": [{"Effect": "Deny", "NotPrincipal": {"AWS": "\#(alice)"}, "Action": "s3:*", "Resource": "*"}]}"#))
        #expect(e.evaluate(request(alice, "s3:GetObject", bucketObject), onlyUser).decision == .explicitlyDenied)
        let userAndAccount = PolicySet(identityPolicies: [doc(allow("s3:*"))], resourcePolicy: policy(#"{"Statement": [{"Effect": "Deny", "NotPrincipal": {"AWS": ["\#(alice)", "111111111111"]}, "Action": "s3:*", "Resource": "*"}]}"#))
        #expect(e.evaluate(request(alice, "s3:GetObject", bucketObject), userAndAccount).decision == .allowed)
    }

    @Test("NotPrincipal with Deny spares a role's sessions only when the session is listed with the role and the account: for any session of the role it depends on the session name (reference_policies_elements_notprincipal.html)")
    func notPrincipalAnySessionOfARole() {
        let anySession = RequestPrincipal(kind: .role, id: appRole)  // the analysis' "some session of the role"
        func denial(_ listed: [String]) -> Tri {
            let names = listed.map { "\"\($0)\"" }.joined(separator: ",")
            let set = PolicySet(
                identityPolicies: [doc(allow("s3:*"))],
                resourcePolicy: policy(#"{"Statement": [{"Effect": "Deny", "NotPrincipal": {"AWS": [\#(names)]}, "Action": "s3:*", "Resource": "*"}]}"#))
            let r = Request(principal: anySession, action: "s3:GetObject", resource: RequestResource(bucketObject), context: ConditionContext(missingKeys: .unknown))
            return e.evaluate(r, set).explicitDeny
        }
        let account = "arn:aws:iam::111111111111:root"
        #expect(denial([account, appRole]) == .yes)
        #expect(denial([account, appRole, "arn:aws:sts::111111111111:assumed-role/app/s1"]) == .unknown)
        #expect(denial([appRole, "arn:aws:sts::111111111111:assumed-role/app/s1"]) == .yes)
    }

    @Test("NotAction and NotResource with Allow (reference_policies_elements_notaction.html)")
    func notActionNotResource() {
        let set = PolicySet(identityPolicies: [policy(#"{"Statement": [{"Effect": "Allow", "NotAction": "iam:*", "NotResource": "arn:aws:s3:::secret/*"}]}"#)])
        #expect(e.evaluate(request(alice, "s3:GetObject", bucketObject), set).decision == .allowed)
        #expect(e.evaluate(request(alice, "iam:CreateUser", "arn:aws:iam::111111111111:user/x"), set).decision == .implicitlyDenied)
        #expect(e.evaluate(request(alice, "s3:GetObject", "arn:aws:s3:::secret/x"), set).decision == .implicitlyDenied)
    }

    @Test("Actions that take no resource are authorized against Resource \"*\" only")
    func noResourceActions() {
        let star = PolicySet(identityPolicies: [doc(allow("s3:ListAllMyBuckets"))])
        let scoped = PolicySet(identityPolicies: [doc(allow("s3:ListAllMyBuckets", "arn:aws:s3:::b111"))])
        #expect(e.evaluate(request(alice, "s3:ListAllMyBuckets", nil), star).decision == .allowed)
        #expect(e.evaluate(request(alice, "s3:ListAllMyBuckets", nil), scoped).decision == .implicitlyDenied)
    }

    @Test("Unknown condition keys leave a statement conditional in static analysis, never dropped")
    func conditionalInPartialMode() {
        let set = PolicySet(identityPolicies: [doc(allow("s3:GetObject", condition: #"{"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}"#))])
        let r = e.evaluate(request(alice, "s3:GetObject", bucketObject, concrete: false), set)
        #expect(r.result == .unknown)
        #expect(r.undecidedConditions.map(\.key) == ["aws:SourceIp"])
    }

    /// `r` with its resource in `account`. The bucket's ARN names no account, so without this
    /// the resource would be taken to be in the principal's account.
    func inAccount(_ account: String, _ r: Request) -> Request {
        var r = r
        r.resourceAccount = account
        return r
    }
}
