import Policy

/// One archive rule: findings it matches are listed apart as archived, with the rule's name and
/// reason, like IAM Access Analyzer's archive rules. Every filter given must match; a filter with
/// several values matches when one of them does.
public struct ArchiveRule: Sendable, Hashable, Codable {
    public var name: String
    /// Why the matched access is accepted (mandatory).
    public var reason: String
    /// Resource ARNs, exact or with `*` and `?` wildcards (for an entry point: its role).
    public var resource: [String]?
    /// Resource types, e.g. `AWS::S3::Bucket`.
    public var resourceType: [String]?
    /// Outside principals (normalized: `arn:aws:iam::ID:root`, `*`, a service), exact or with wildcards.
    public var principal: [String]?
    /// The resource's owner account ids.
    public var account: [String]?
    /// Action patterns: matches when every action of the finding matches one (an entry point has none).
    public var action: [String]?
    /// Condition keys: matches when the finding depends on a condition on one of them.
    public var condition: [String]?
    /// Whether the finding is public.
    public var isPublic: Bool?
    /// The rule's line in its file.
    public var line: Int

    public init(
        name: String, reason: String, resource: [String]? = nil, resourceType: [String]? = nil, principal: [String]? = nil,
        account: [String]? = nil, action: [String]? = nil, condition: [String]? = nil, isPublic: Bool? = nil, line: Int = 0
    ) {
        self.name = name
        self.reason = reason
        self.resource = resource
        self.resourceType = resourceType
        self.principal = principal
        self.account = account
        self.action = action
        self.condition = condition
        self.isPublic = isPublic
        self.line = line
    }

    /// Whether the rule matches a finding whose resource belongs to `account`.
    public func matches(_ f: Finding, account owner: String?) -> Bool {
        matchesCommon(resource: f.resource, type: f.resourceType, principal: f.principal, account: owner, isPublic: f.isPublic,
                      conditions: f.conditions)
            && (action.map { patterns in
                let compiled = patterns.map { ActionPattern($0) }
                return !f.actions.isEmpty && f.actions.allSatisfy { a in compiled.contains { $0.matches(lowercased: a.lowercased()) } }
            } ?? true)
    }

    /// Whether the rule matches an entry point (its role is the resource, `AWS::IAM::Role`); a rule
    /// with an action filter never does.
    public func matches(_ e: EntryPoint, account owner: String?) -> Bool {
        action == nil
            && matchesCommon(resource: e.role, type: "AWS::IAM::Role", principal: e.principal, account: owner, isPublic: e.isPublic,
                             conditions: e.conditions)
    }

    func matchesCommon(
        resource r: String, type: String, principal p: String, account owner: String?, isPublic pub: Bool,
        conditions: [String: [String: [String]]]
    ) -> Bool {
        if let resource, !resource.contains(where: { Wildcard($0).matches(r) }) { return false }
        if let resourceType, !resourceType.contains(where: { $0.lowercased() == type.lowercased() }) { return false }
        if let principal, !principal.contains(where: { Wildcard($0).matches(p) }) { return false }
        if let account, !account.contains(where: { $0 == owner }) { return false }
        if let isPublic, isPublic != pub { return false }
        if let condition {
            let keys = Set(conditions.values.flatMap(\.keys).map { $0.lowercased() })
            if !condition.contains(where: { keys.contains($0.lowercased()) }) { return false }
        }
        return true
    }
}
