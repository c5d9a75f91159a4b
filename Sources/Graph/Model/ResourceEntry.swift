import Policy
import Snapshot

/// A resource ready for evaluation: its policy, the RCPs of its account and the
/// request targets its actions apply to (an S3 bucket has the bucket and its objects).
public final class ResourceEntry: Sendable {
    public let node: Node
    public let arn: String
    public let type: String
    public let account: String
    public let policy: NamedPolicy?
    public let policyRequired: Bool
    public let rcpLevels: [[NamedPolicy]]
    /// The RCP statements whose Resource is not `*`: they can tell this resource apart from
    /// others of its account, so shortcuts that answer one resource from an alike one key on
    /// how these match (`AccessMemo`) or decide the resource alone (`PlanClassing`).
    public let rcpResourceSpecificStatements: [Statement]
    /// The request targets: for S3 buckets the bucket and "any object of it".
    public let targets: [RequestResource]
    /// The actions that apply to each target (same order as `targets`).
    public let universes: [ActionUniverse]
    /// What AWS owns of each target (`FixedRules.AWSOwned`; nil: the customer owns it).
    public let ownedTargets: [FixedRules.AWSOwned?]
    /// S3 attributes (ACL, Block Public Access with the account level merged in).
    public let s3: S3Attributes?
    public let effectivePublicAccessBlock: PublicAccessBlock?
    /// RestrictPublicBuckets admits only AWS services and the owner account's principals (see `EffectivePolicy`).
    public let restrictPublicAccess: Bool

    public init(
        node: Node, arn: String, type: String, account: String, policy: NamedPolicy?, policyRequired: Bool,
        rcpLevels: [[NamedPolicy]], targets: [RequestResource], universes: [ActionUniverse], s3: S3Attributes? = nil,
        effectivePublicAccessBlock: PublicAccessBlock? = nil, restrictPublicAccess: Bool = false, masks: ActionMaskCache? = nil
    ) {
        self.restrictPublicAccess = restrictPublicAccess
        self.node = node
        self.arn = arn
        self.type = type
        self.account = account
        self.policy = policy
        self.policyRequired = policyRequired
        self.rcpLevels = rcpLevels
        self.rcpResourceSpecificStatements = rcpLevels.flatMap { $0.flatMap(\.document.statements) }.filter { s in
            guard case .resource(let patterns)? = s.resource else { return s.resource != nil }
            return !patterns.contains { $0.isAny }
        }
        self.targets = targets
        self.universes = universes
        self.ownedTargets = targets.map { FixedRules.AWSOwned($0) }
        self.s3 = s3
        self.effectivePublicAccessBlock = effectivePublicAccessBlock
        self.service = targets.first?.arn.service ?? ""
        // Who the statements name: Allow ones alone (the candidate indexes), and all of them.
        var named: Set<String> = []
        var everyone = false
        var namedAnywhere: Set<String> = []
        var anyone = false
        for st in policy?.document.statements ?? [] {
            let allow = st.effect == .allow
            switch st.principal {
            case nil:
                break  // names nobody in a resource policy (Statement.principalMatch)
            case .notPrincipal?:
                anyone = true
                if allow { everyone = true }
            case .principal(let patterns)?:
                for p in patterns {
                    if p == .anyone {
                        anyone = true
                        if allow { everyone = true }
                    } else {
                        namedAnywhere.insert(p.description)
                        if allow { named.insert(p.description) }
                    }
                }
            }
        }
        self.namedPrincipals = named
        self.namesEveryone = everyone
        self.namesOwnAccount = named.contains(RequestPrincipal.rootArn(ofAccount: account))
        self.targetedPolicies = zip(targets, universes).map { target, universe in
            guard let policy, let masks else { return nil }
            return TargetedPolicy(policy, universe: universe, target: target, cache: masks)
        }
        self.hasPolicy = policy != nil
        self.idsNamedByAnyStatement = namedAnywhere
        self.someStatementMayNameAnyone = anyone
        let services = universes.map(\.service)
        if services.contains(nil) {
            self.evaluationServices = nil
        } else {
            self.evaluationServices = Set(services.compactMap { $0 } + [service]).sorted().joined(separator: " ")
        }
        let statements = (policy?.document.statements ?? []) + rcpLevels.flatMap { $0.flatMap(\.document.statements) }
        self.readsPrincipalIdentity = statements.contains { $0.mayRead(contextKeys: PrincipalClasses.identityKeys) }
    }

    /// The services whose statements can decide access to the resource: its own and those of the
    /// actions of its targets, sorted and joined; nil when some target's actions span services.
    let evaluationServices: String?
    /// Whether its policy or RCPs read who exactly the principal is (see `PrincipalClasses`).
    let readsPrincipalIdentity: Bool

    /// The policy matched once against each target (same order as `targets`), when built with a mask cache.
    let targetedPolicies: [TargetedPolicy?]

    /// Every principal id the policy's statements name (Allow and Deny), and whether some
    /// statement may apply to any principal (`*`, NotPrincipal).
    let idsNamedByAnyStatement: Set<String>
    let someStatementMayNameAnyone: Bool
    let hasPolicy: Bool

    /// Whether some statement of the policy may apply to `p`, by the rules of
    /// `Statement.principalMatch`; false means the policy can be left out for `p`.
    /// `accountRoot` is `p.accountRootArn`, computed once by the caller.
    func policyMayApply(to p: RequestPrincipal, accountRoot: String?) -> Bool {
        guard hasPolicy else { return false }
        if someStatementMayNameAnyone || p.sessionArn != nil || p.canonicalUserID != nil || p.kind == .service { return true }
        if idsNamedByAnyStatement.contains(p.id) { return true }
        if let root = accountRoot, idsNamedByAnyStatement.contains(root) { return true }
        return false
    }

    /// The service prefix of the resource's actions.
    public let service: String
    /// The principals the policy's Allow statements name (normalized ids), and whether one names
    /// everyone (`*` or a NotPrincipal): a quick test for "does the policy name this principal".
    let namedPrincipals: Set<String>
    let namesEveryone: Bool
    /// Whether an Allow statement names the resource's own account (its root ARN).
    let namesOwnAccount: Bool

    /// True for IAM roles as resources (their trust policy).
    public var isRole: Bool { type == "AWS::IAM::Role" }
}
