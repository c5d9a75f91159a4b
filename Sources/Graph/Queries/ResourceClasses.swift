import Concurrency
import Policy

extension AccessModel {
    /// What each of `principals` can do to `resource` and which policies grant it, the same as
    /// `accessWithGrants(of:to:actions:)` for each (a test checks it on the samples), with each
    /// class of principals that no policy tells apart decided once (see `AccessPlan`): principals
    /// of one account whose statements for the resource's services have the same shapes, policy
    /// by policy, so that a member's granting policies are those at the representative's positions.
    /// A principal decides alone when the resource's policy names it (Principal or NotPrincipal),
    /// when the policy or RCPs read who exactly the principal is, or when its own statements for
    /// those services hold a policy variable in Resource. Answers are in the order of `principals`.
    public func accessWithGrants(
        of principals: [PrincipalEntry], to resource: ResourceEntry, actions only: Set<String>? = nil
    ) -> [(access: Access, grants: AccessGrants)?] {
        let plan = ResourceClassPlan(self, principals: principals, resource: resource)
        let answers = ParallelMap.map(plan.deciding) { [self] p in accessWithGrants(of: p, to: resource, actions: only) }
        return plan.decider.map { answers[$0] }
    }
}

/// Which principal decides for which: each principal's index into `deciding`, the representatives
/// of classes and the principals that decide alone.
struct ResourceClassPlan {
    /// The principals evaluated.
    private(set) var deciding: [PrincipalEntry] = []
    /// Per principal asked about, the index in `deciding` of the one whose answer is its own.
    private(set) var decider: [Int] = []

    init(_ model: AccessModel, principals: [PrincipalEntry], resource: ResourceEntry) {
        let services = resource.isRole || resource.readsPrincipalIdentity ? nil : resource.evaluationServices
        let named = Self.idsNamed(by: resource)
        var builder = AccessPlanBuilder(keysOf: model)
        builder.marksPolicies = true
        var classes: [AccessPlanBuilder.ClassKey: Int] = [:]
        for p in principals {
            if let services, let key = Self.key(of: p, services: services, named: named, model: model, builder: &builder) {
                if let known = classes[key] {
                    decider.append(known)
                    continue
                }
                classes[key] = deciding.count
            }
            decider.append(deciding.count)
            deciding.append(p)
        }
    }

    /// The class key of `p`, or nil when it decides alone.
    static func key(
        of p: PrincipalEntry, services: String, named: Set<String>, model: AccessModel, builder: inout AccessPlanBuilder
    ) -> AccessPlanBuilder.ClassKey? {
        guard model.principals[p.id] != nil, p.request.account != nil, p.policies.sessionPolicies == nil,
            !p.policies.identityAssumedToAllow, !named.contains(p.id)
        else { return nil }
        return builder.classKey(of: p, services: services, context: p.context.removing(PrincipalClasses.identityKeys))
    }

    /// Every principal id a statement of the resource's policy names, in Principal or NotPrincipal.
    static func idsNamed(by resource: ResourceEntry) -> Set<String> {
        var ids: Set<String> = []
        for s in resource.policy?.document.statements ?? [] {
            for case .aws(let id) in s.principal?.patterns ?? [] { ids.insert(id) }
        }
        return ids
    }
}
