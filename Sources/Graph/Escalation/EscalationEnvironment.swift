import Policy
import Snapshot

/// What rules may look up besides the target: the snapshot's functions, groups and policies, and
/// the region new resources are asked about.
public struct EscalationEnvironment: Sendable {
    public let snapshot: Snapshot
    /// Lambda functions by the execution role they run as.
    public let functionsByRole: [String: [Resource]]
    /// A region per account: the first region its collected resources are in, else `us-east-1`.
    let regions: [String: String]

    init(snapshot: Snapshot) {
        self.snapshot = snapshot
        var functions: [String: [Resource]] = [:]
        var regions: [String: String] = [:]
        for id in snapshot.accountIDs {
            guard let account = snapshot.accounts[id] else { continue }
            for r in account.resources {
                if regions[id] == nil, let region = r.region, !region.isEmpty { regions[id] = region }
                if r.type == "AWS::Lambda::Function", let role = r.executionRole { functions[role, default: []].append(r) }
            }
        }
        self.functionsByRole = functions.mapValues { $0.sorted { $0.arn < $1.arn } }
        self.regions = regions
    }

    /// The region new resources of `account` are asked about.
    public func region(of account: String) -> String { regions[account] ?? "us-east-1" }

    /// A new resource the caller names itself: every ARN of `service` in the account whose resource
    /// part starts with `prefix` (an Allow matching some of them counts, a Deny must match all).
    public func anyNew(_ service: String, account: String, prefix: String, regional: Bool = true) -> RequestResource {
        RequestResource(
            arn: ARN(service: service, region: regional ? region(of: account) : "", account: account, resource: prefix + "*"),
            anyUnderPrefix: prefix)
    }

    /// The customer managed policies whose permissions `target` has: attached to it or to its groups.
    public func customerManagedPolicies(of target: EscalationTarget) -> [ManagedPolicy] {
        var arns: [String] = target.user?.attachedPolicyArns ?? target.role?.attachedPolicyArns ?? []
        for g in groups(of: target) { arns += g.attachedPolicyArns }
        var seen: Set<String> = []
        return arns.filter { !$0.hasPrefix("arn:aws:iam::aws:policy/") && seen.insert($0).inserted }
            .compactMap { target.account.managedPolicies[$0] }
    }

    /// The groups a target user is a member of.
    public func groups(of target: EscalationTarget) -> [Group] {
        guard let user = target.user else { return [] }
        return target.account.groups.filter { user.groupNames.contains($0.name) }
    }

    /// The target's ARN as a request resource.
    public func resource(_ arn: String) -> RequestResource? { RequestResource(arn) }
}
