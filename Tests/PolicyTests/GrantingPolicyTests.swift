import Testing
@testable import Policy

/// Which policies grant an allowed request (`Evaluation.grants`, and the batch evaluator's
/// `BatchGrants`): the policies whose Allow statements the decision rule uses. SCPs and
/// boundaries only cap; a grant to the account root only delegates to the identity side.
@Suite("Granting policies")
struct GrantingPolicyTests {
    let e = Evaluator()

    func names(_ r: Evaluation) -> [String] { r.grants.map { "\($0.type): \($0.name)" } }

    func named(_ p: NamedPolicy, _ name: String) -> NamedPolicy { NamedPolicy(name: name, document: p.document) }

    func inAccount(_ account: String, _ r: Request) -> Request {
        var r = r
        r.resourceAccount = account
        return r
    }

    @Test("Same account: the identity policy that allows grants, the boundary only caps (policy-eval-basics.html, access_policies_boundaries.html)")
    func sameAccountIdentity() {
        let set = PolicySet(
            identityPolicies: [named(doc(allow("s3:Get*")), "reader"), named(doc(allow("ec2:*")), "ec2")],
            permissionsBoundary: [named(doc(allow("s3:*")), "boundary")])
        let r = e.evaluate(inAccount("111111111111", request(alice, "s3:GetObject", bucketObject)), set, explain: true)
        #expect(r.decision == .allowed)
        #expect(names(r) == ["identity policy: reader"])
    }

    @Test("Same account: a resource-policy grant to the user itself grants beside the identity allow (policy-eval-basics.html)")
    func sameAccountBothSides() {
        let set = PolicySet(
            identityPolicies: [named(doc(allow("s3:GetObject")), "reader")],
            resourcePolicy: named(doc(allow("s3:GetObject", principal: #"{"AWS": "\#(alice)"}"#)), "bucket policy of b111"))
        let r = e.evaluate(inAccount("111111111111", request(alice, "s3:GetObject", bucketObject)), set, explain: true)
        #expect(names(r) == ["identity policy: reader", "resource policy: bucket policy of b111"])
    }

    @Test("Same account: a grant to the account root only delegates; the identity policy grants (reference_policies_elements_principal.html)")
    func accountRootDelegates() {
        let set = PolicySet(
            identityPolicies: [named(doc(allow("s3:GetObject")), "reader")],
            resourcePolicy: named(doc(allow("s3:GetObject", principal: #"{"AWS": "111111111111"}"#)), "bucket policy of b111"))
        let r = e.evaluate(inAccount("111111111111", request(alice, "s3:GetObject", bucketObject)), set, explain: true)
        #expect(names(r) == ["identity policy: reader"])
    }

    @Test("Cross account: both sides grant together (reference_policies_evaluation-logic-cross-account.html)")
    func crossAccountBoth() {
        let set = PolicySet(
            identityPolicies: [named(doc(allow("s3:GetObject")), "reader")],
            resourcePolicy: named(doc(allow("s3:GetObject", principal: #"{"AWS": "222222222222"}"#)), "bucket policy of b111"))
        let r = e.evaluate(inAccount("111111111111", request("arn:aws:iam::222222222222:user/mallory", "s3:GetObject", bucketObject)), set, explain: true)
        #expect(names(r) == ["identity policy: reader", "resource policy: bucket policy of b111"])
    }

    @Test("KMS: the key policy grants; IAM policies grant with it only where it delegates to the account (key-policy-default.html)")
    func kmsDelegation() {
        let key = "arn:aws:kms:us-east-1:111111111111:key/k1"
        let identity = [named(doc(allow("kms:Decrypt")), "decrypt")]
        let toUser = PolicySet(
            identityPolicies: identity, resourcePolicy: named(doc(allow("kms:*", principal: #"{"AWS": "\#(alice)"}"#)), "key policy of k1"),
            resourcePolicyRequired: true)
        let toAccount = PolicySet(
            identityPolicies: identity, resourcePolicy: named(doc(allow("kms:*", principal: #"{"AWS": "111111111111"}"#)), "key policy of k1"),
            resourcePolicyRequired: true)
        let req = inAccount("111111111111", request(alice, "kms:Decrypt", key))
        #expect(names(e.evaluate(req, toUser, explain: true)) == ["resource policy: key policy of k1"])
        #expect(names(e.evaluate(req, toAccount, explain: true)) == ["identity policy: decrypt", "resource policy: key policy of k1"])
    }

    @Test("A denied request has no grants (policy-eval-denyallow.html)")
    func deniedHasNone() {
        let set = PolicySet(identityPolicies: [doc(allow("s3:*")), doc(deny("s3:GetObject"))])
        #expect(e.evaluate(request(alice, "s3:GetObject", bucketObject), set, explain: true).grants.isEmpty)
    }

    @Test("Every corpus case: the batch evaluator names the grants one explained request names")
    func batchGrantsAsOneRequest() throws {
        var failures: [String] = []
        var withGrants = 0
        for c in try CorpusCase.all() {
            guard let concrete = try? c.concreteRequest() else { continue }
            let (request, set) = (concrete.request, c.policySet(for: concrete))
            let scalar = Evaluator().evaluate(request, set, explain: true)
            let universe = ActionUniverse(id: 0, actions: [c.action])
            let (decisions, grants) = Evaluator().evaluateWithGrants(
                universe, principal: request.principal, resource: request.resource, resourceAccount: request.resourceAccount,
                context: request.context, policies: set, cache: ActionMaskCache())
            guard let d = decisions.first else {
                if !scalar.grants.isEmpty { failures.append("\(c.file): \(c.name): denied by the batch, one request names grants") }
                continue
            }
            let g = grants.granting([d.index])
            var batch = g.identity.map { GrantingPolicy(type: .identity, name: set.identityPolicies[$0].name) }
            if g.resource, let rp = set.resourcePolicy { batch.append(GrantingPolicy(type: .resource, name: rp.name)) }
            if !batch.isEmpty { withGrants += 1 }
            if Set(batch) != Set(scalar.grants) {
                failures.append("\(c.file): \(c.name): batch grants \(batch.map(\.name)), one request \(scalar.grants.map(\.name))")
            }
        }
        for f in failures { Issue.record(Comment(rawValue: f)) }
        #expect(withGrants >= 100, "\(withGrants) corpus cases with grants")
    }
}
