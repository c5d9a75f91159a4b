/// Decisions that no policy can change, applied after the policies are evaluated, in the
/// scalar (`Evaluator.evaluate(_:_:)`) and the batch (`Evaluator.evaluate(_:principal:...)`)
/// paths alike.
///
/// - `sts:GetCallerIdentity` needs no permission and cannot be denied: "No permissions are
///   required to perform this operation. If an administrator attaches a policy to your identity
///   that explicitly denies access to the sts:GetCallerIdentity action, you can still perform
///   this operation" (STS API reference, API_GetCallerIdentity.html). It is allowed to every
///   principal that has credentials (users, role sessions, federated users, root), not to
///   anonymous callers, services or not-yet-federated identities.
/// - What AWS owns cannot be changed by a customer, whatever a policy allows: AWS managed
///   policies (`arn:aws:iam::aws:policy/...`, "You cannot change the permissions defined in AWS
///   managed policies", access_policies_managed-vs-inline.html), service-linked roles (path
///   `/aws-service-role/`, "An IAM administrator can view, but not edit the permissions for
///   service-linked roles", using-service-linked-roles.html) and KMS aliases under `alias/aws/`
///   ("The alias/aws/ prefix is reserved for AWS managed keys", KMS API_CreateAlias.html,
///   API_UpdateAlias.html). See `writeActions(on:)` for the actions that count as changes.
public enum FixedRules {
    /// The resources that AWS owns in a customer's account or in the `aws` account.
    public enum AWSOwned: String, Sendable, CaseIterable {
        /// `arn:aws:iam::aws:policy/...`
        case managedPolicy
        /// `arn:aws:iam::ACCOUNT:role/aws-service-role/...`
        case serviceLinkedRole
        /// `arn:aws:kms:REGION:ACCOUNT:alias/aws/...`
        case awsManagedKeyAlias

        /// What the resource is, or nil when a customer owns it.
        public init?(_ resource: RequestResource?) {
            guard let arn = resource?.arn else { return nil }
            switch arn.service {
            case "iam" where arn.account == "aws" && arn.resource.hasPrefix("policy/"): self = .managedPolicy
            case "iam" where arn.resource.hasPrefix("role/aws-service-role/"): self = .serviceLinkedRole
            case "kms" where arn.resource.hasPrefix("alias/aws/"): self = .awsManagedKeyAlias
            default: return nil
            }
        }
    }

    /// The lowercased actions that change a resource of the kind: the IAM or KMS actions whose
    /// resource types (in the bundled action catalog) include `policy`, `role` or `alias` and
    /// whose access level is Write, Permissions management or Tagging, less what AWS lets
    /// customers do to service-linked roles:
    /// - `iam:CreateServiceLinkedRole` and `iam:DeleteServiceLinkedRole`, the way customers create
    ///   and delete them (using-service-linked-roles.html);
    /// - `iam:UpdateRoleDescription` and `iam:UpdateRole`: "you can edit the description of the
    ///   role using IAM" (each service's service-linked-role page);
    /// - `iam:TagRole` and `iam:UntagRole`: "The role can be a regular role or a service-linked
    ///   role" (IAM API reference, API_TagRole.html, API_UntagRole.html);
    /// - `iam:PassRole`, which hands the role to a service and changes nothing.
    /// `Tests/PolicyTests/FixedRulesTests.swift` checks these lists against the catalog.
    public static func writeActions(on kind: AWSOwned) -> Set<String> {
        switch kind {
        case .managedPolicy: managedPolicyWrites
        case .serviceLinkedRole: serviceLinkedRoleWrites
        case .awsManagedKeyAlias: aliasWrites
        }
    }

    static let managedPolicyWrites: Set<String> = [
        "iam:createpolicy", "iam:createpolicyversion", "iam:deletepolicy", "iam:deletepolicyversion",
        "iam:setdefaultpolicyversion", "iam:tagpolicy", "iam:untagpolicy",
    ]
    static let serviceLinkedRoleWrites: Set<String> = [
        "iam:attachrolepolicy", "iam:createrole", "iam:deleterole", "iam:deleterolepermissionsboundary",
        "iam:deleterolepolicy", "iam:detachrolepolicy", "iam:putrolepermissionsboundary", "iam:putrolepolicy",
        "iam:updateassumerolepolicy",
    ]
    static let aliasWrites: Set<String> = ["kms:createalias", "kms:deletealias", "kms:updatealias"]

    /// The actions that need no permission and cannot be denied.
    static let unconditional: Set<String> = ["sts:getcalleridentity"]

    enum Fixed {
        case allowed, denied
        /// The principal makes no such request (a federated identity: `federatedRequests`).
        case noSuchRequest
    }

    /// The decision no policy changes for a (lowercased) action, if there is one.
    @inline(__always)
    static func fixed(_ lowered: String, principal: RequestPrincipal, owned: AWSOwned?) -> Fixed? {
        if principal.kind == .federated, !federatedRequests.contains(lowered) { return .noSuchRequest }
        if let owned, writeActions(on: owned).contains(lowered) { return .denied }
        if principal.hasIdentityPolicies, unconditional.contains(lowered) { return .allowed }
        return nil
    }

    /// The scalar path's evaluation, with the fixed decision (and its rule) in place of what the
    /// policies decided. An AWS-owned resource keeps the policies' reason when they deny anyway.
    static func settle(_ e: Evaluation, of request: Request) -> Evaluation {
        switch fixed(request.normalizedAction, principal: request.principal, owned: AWSOwned(request.resource)) {
        case nil:
            return e
        case .allowed?:
            var out = e
            out.result = .yes
            out.explicitDeny = .no
            out.rule = .noPermissionRequired
            out.undecidedConditions = []
            out.undecidedDenyConditions = []
            return out
        case .noSuchRequest?:
            var out = e
            out.result = .no
            out.rule = .federatedIdentityOnlyAssumesRoles
            out.undecidedConditions = []
            out.undecidedDenyConditions = []
            return out
        case .denied?:
            guard e.result != .no else { return e }
            var out = e
            out.result = .no
            out.rule = .awsOwnedResource
            out.undecidedConditions = []
            return out
        }
    }

    /// The batch path's per-action result, with the fixed decisions in place.
    /// The only requests a web-identity or SAML identity makes before it has a role session: it
    /// exchanges its token for one (id_roles_providers_oidc.html, id_roles_providers_saml.html).
    /// Every other action is asked by the role session it gets, not by the provider.
    static let federatedRequests: Set<String> = ["sts:assumerolewithwebidentity", "sts:assumerolewithsaml"]

    static func settle(_ result: TriMask, universe: ActionUniverse, principal: RequestPrincipal, resource: RequestResource?) -> TriMask {
        let owned = AWSOwned(resource)
        guard owned != nil || principal.kind == .federated || (principal.hasIdentityPolicies && universe.mayHoldUnconditional)
        else { return result }
        var out = result
        for (i, a) in universe.lowered.enumerated() {
            switch fixed(a, principal: principal, owned: owned) {
            case nil: continue
            case .allowed?:
                out.yes.insert(i)
                out.notNo.insert(i)
            case .denied?, .noSuchRequest?:
                out.yes.remove(i)
                out.notNo.remove(i)
            }
        }
        return out
    }
}

extension ActionUniverse {
    /// Whether some action of the universe may need no permission (a cheap test on its service).
    var mayHoldUnconditional: Bool { service == nil || service == "sts" }
}

extension ActionMask {
    @inline(__always) mutating func remove(_ i: Int) { words[i >> 6] &= ~(1 << UInt64(i & 63)) }
}
