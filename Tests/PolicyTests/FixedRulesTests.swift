import Testing
@testable import Policy

@Suite("Decisions no policy changes (FixedRules)")
struct FixedRulesTests {
    /// What the bundled catalog says changes a resource type: Write, Permissions management and
    /// Tagging actions of the service whose resource types include it.
    func catalogWrites(service: String, resourceType: String) throws -> Set<String> {
        let catalog = try ActionCatalog.bundled()
        let levels: Set<ActionCatalog.AccessLevel> = [.write, .permissionsManagement, .tagging]
        return Set(catalog.actions(inService: service)
            .filter { levels.contains($0.accessLevel) && $0.resourceTypes.contains(resourceType) }
            .map { $0.fullName.lowercased() })
    }

    @Test("The write actions on AWS-owned resources are the catalog's, less the documented exceptions for service-linked roles (using-service-linked-roles.html, API_TagRole.html)")
    func writeActionsFollowTheCatalog() throws {
        #expect(FixedRules.writeActions(on: .managedPolicy) == (try catalogWrites(service: "iam", resourceType: "policy")))
        let allowedOnServiceLinkedRoles: Set<String> = [
            "iam:createservicelinkedrole", "iam:deleteservicelinkedrole", "iam:updateroledescription", "iam:updaterole",
            "iam:tagrole", "iam:untagrole", "iam:passrole",
        ]
        let roleWrites = try catalogWrites(service: "iam", resourceType: "role")
        #expect(allowedOnServiceLinkedRoles.isSubset(of: roleWrites))
        #expect(FixedRules.writeActions(on: .serviceLinkedRole) == roleWrites.subtracting(allowedOnServiceLinkedRoles))
        #expect(FixedRules.writeActions(on: .awsManagedKeyAlias) == (try catalogWrites(service: "kms", resourceType: "alias")))
    }

    @Test("AWS-owned resources are recognised by their ARNs (access_policies_managed-vs-inline.html, using-service-linked-roles.html, KMS API_CreateAlias.html)")
    func awsOwnedResources() {
        func owned(_ arn: String) -> FixedRules.AWSOwned? { FixedRules.AWSOwned(RequestResource(arn)) }
        #expect(owned("arn:aws:iam::aws:policy/ReadOnlyAccess") == .managedPolicy)
        #expect(owned("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole") == .managedPolicy)
        #expect(owned("arn:aws:iam::111111111111:policy/aws/mine") == nil)
        #expect(owned("arn:aws:iam::111111111111:role/aws-service-role/ops.amazonaws.com/AWSServiceRoleForOps") == .serviceLinkedRole)
        #expect(owned("arn:aws:iam::111111111111:role/service-role/lambda-role") == nil)
        #expect(owned("arn:aws:kms:us-east-1:111111111111:alias/aws/s3") == .awsManagedKeyAlias)
        #expect(owned("arn:aws:kms:us-east-1:111111111111:alias/awsome") == nil)
        #expect(owned("arn:aws:kms:us-east-1:111111111111:key/aws/x") == nil)
        #expect(FixedRules.AWSOwned(nil) == nil)
    }

    @Test("The batch path applies the fixed decisions to each action of a universe (API_GetCallerIdentity.html, using-service-linked-roles.html)")
    func batchPath() {
        let e = Evaluator()
        let denyAll = PolicySet(identityPolicies: [doc(allow("*"), deny("*"))])
        let sts = ActionUniverse(id: 0, actions: ["sts:GetCallerIdentity", "sts:GetSessionToken"])
        let principal = RequestPrincipal.parse(alice)!
        let stsDecisions = e.evaluate(
            sts, principal: principal, resource: nil, resourceAccount: nil, context: ConditionContext(missingKeys: .absent),
            policies: denyAll, cache: ActionMaskCache())
        #expect(stsDecisions.map(\.action) == ["sts:GetCallerIdentity"])
        #expect(stsDecisions.first?.result == .yes)

        let iam = ActionUniverse(id: 1, actions: ["iam:GetRole", "iam:PutRolePolicy", "iam:DeleteServiceLinkedRole"])
        let slr = RequestResource("arn:aws:iam::111111111111:role/aws-service-role/ops.amazonaws.com/AWSServiceRoleForOps")
        let admin = PolicySet(identityPolicies: [doc(allow("*"))])
        let iamDecisions = e.evaluate(
            iam, principal: principal, resource: slr, resourceAccount: "111111111111", context: ConditionContext(missingKeys: .absent),
            policies: admin, cache: ActionMaskCache())
        #expect(iamDecisions.map(\.action) == ["iam:GetRole", "iam:DeleteServiceLinkedRole"])
    }

    @Test("The scalar path names the fixed rule, and an AWS-owned resource keeps the policies' reason when they deny anyway")
    func scalarRules() {
        let e = Evaluator()
        let denyAll = PolicySet(identityPolicies: [doc(allow("*"), deny("*"))])
        let gci = e.evaluate(request(alice, "sts:GetCallerIdentity", nil), denyAll)
        #expect(gci.decision == .allowed)
        #expect(gci.rule == .noPermissionRequired)
        #expect(gci.explicitDeny == .no)
        let slr = "arn:aws:iam::111111111111:role/aws-service-role/ops.amazonaws.com/AWSServiceRoleForOps"
        let admin = e.evaluate(request(alice, "iam:PutRolePolicy", slr), PolicySet(identityPolicies: [doc(allow("*"))]))
        #expect(admin.decision == .implicitlyDenied)
        #expect(admin.rule == .awsOwnedResource)
        #expect(e.evaluate(request(alice, "iam:PutRolePolicy", slr), PolicySet()).rule == .noAllow)
        #expect(e.evaluate(request(alice, "iam:PutRolePolicy", slr), denyAll).rule == .explicitDeny)
    }
}
