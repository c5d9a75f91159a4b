import Policy

/// An AWS Organization: its accounts, OU tree and SCPs/RCPs.
public struct Organization: Sendable {
    public var id: String
    public var managementAccountID: String
    /// Member account ids and names.
    public var accountNames: [String: String]
    /// The parent (OU or root id) of each account and OU.
    public var parentOf: [String: String]
    public var policies: [OrganizationPolicy]

    public init(id: String, managementAccountID: String, accountNames: [String: String], parentOf: [String: String], policies: [OrganizationPolicy]) {
        self.id = id
        self.managementAccountID = managementAccountID
        self.accountNames = accountNames
        self.parentOf = parentOf
        self.policies = policies
    }

    /// The targets from the root down to the account: `[root, ou, ..., account]`.
    public func path(toAccount account: String) -> [String] {
        var path = [account]
        var current = account
        var seen: Set<String> = [account]
        while let parent = parentOf[current], seen.insert(parent).inserted {
            path.append(parent)
            current = parent
        }
        return path.reversed()
    }

    /// SCPs that apply to principals of `account`, one array per level from the root;
    /// empty for the management account, which SCPs never restrict (orgs_manage_policies_scps.html),
    /// and for accounts outside the organization.
    public func scpLevels(forAccount account: String) -> [[NamedPolicy]] {
        levels(of: .serviceControlPolicy, forAccount: account)
    }

    /// RCPs that apply to resources of `account`, one array per level (management account exempt).
    public func rcpLevels(forAccount account: String) -> [[NamedPolicy]] {
        levels(of: .resourceControlPolicy, forAccount: account)
    }

    func levels(of type: OrganizationPolicy.Kind, forAccount account: String) -> [[NamedPolicy]] {
        guard account != managementAccountID, accountNames[account] != nil else { return [] }
        let ofType = policies.filter { $0.kind == type }
        guard !ofType.isEmpty else { return [] }
        return path(toAccount: account).map { target in
            ofType.filter { $0.targets.contains(target) }.map { NamedPolicy(name: $0.name, document: $0.document) }
        }
    }

    /// Whether `account` belongs to the organization.
    public func contains(account: String) -> Bool { accountNames[account] != nil }
}

/// A service or resource control policy with the roots, OUs and accounts it is attached to.
public struct OrganizationPolicy: Sendable {
    public enum Kind: String, Sendable {
        case serviceControlPolicy = "SERVICE_CONTROL_POLICY"
        case resourceControlPolicy = "RESOURCE_CONTROL_POLICY"
    }

    public var id: String
    public var name: String
    public var kind: Kind
    public var document: PolicyDocument
    public var targets: [String]
}
