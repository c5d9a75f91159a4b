import Snapshot

/// The zone of trust: principals inside it are trusted; access from outside it is a finding
/// (access-analyzer-findings.html).
public enum ZoneKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Each resource's own account.
    case account
    /// The whole organization (when the snapshot has one; else the account).
    case organization
}

/// The zone of trust of one snapshot.
public struct Zone: Sendable, Hashable {
    public var kind: ZoneKind
    public var organizationID: String?
    public var organizationAccounts: Set<String>

    public init(kind: ZoneKind, snapshot: Snapshot) {
        let org = snapshot.organization
        self.kind = org == nil ? .account : kind
        self.organizationID = org?.id
        self.organizationAccounts = Set(org?.accountNames.keys.map { $0 } ?? [])
    }

    /// The accounts trusted by a resource of `account`.
    public func accounts(trustedBy account: String) -> Set<String> {
        kind == .organization && organizationAccounts.contains(account) ? organizationAccounts : [account]
    }

    /// The organization id trusted by a resource of `account`, when the zone is the organization.
    public func organization(trustedBy account: String) -> String? {
        kind == .organization && organizationAccounts.contains(account) ? organizationID : nil
    }

    /// Whether a principal of `principalAccount` is inside the zone of a resource of `resourceAccount`.
    public func contains(principalAccount: String?, resourceAccount: String) -> Bool {
        guard let principalAccount else { return false }
        return accounts(trustedBy: resourceAccount).contains(principalAccount)
    }
}
