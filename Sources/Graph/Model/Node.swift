import Policy

/// What a node of the access graph stands for.
public enum NodeKind: String, Sendable, Hashable, Codable, CaseIterable {
    case user
    case role
    /// An AWS account as a principal (`arn:aws:iam::ID:root`): any principal of that account its admins allow.
    case account
    /// A principal in another account named by ARN but not in the snapshot.
    case externalPrincipal
    case service
    case federated
    /// Everyone: `"Principal": "*"`, ACL AllUsers/AuthenticatedUsers.
    case everyone
    case resource

    /// Whether the node can act (everything but resources; roles are both).
    public var isPrincipal: Bool { self != .resource }
}

/// A node of the access graph: a principal or a resource, keyed by its normalized id
/// (an ARN, a service or provider name, `*`).
public struct Node: Sendable, Hashable, Identifiable {
    /// The normalized principal or resource identifier; unique in a graph.
    public var id: String
    public var kind: NodeKind
    /// The account the node belongs to, when known.
    public var account: String?
    /// For resources (and roles), the resource type, e.g. `AWS::S3::Bucket`, `AWS::IAM::Role`.
    public var resourceType: String?
    /// A short readable label: a role or bucket name, a service name.
    public var label: String

    public init(id: String, kind: NodeKind, account: String? = nil, resourceType: String? = nil, label: String? = nil) {
        self.id = id
        self.kind = kind
        self.account = account
        self.resourceType = resourceType
        self.label = label ?? Node.defaultLabel(for: id)
    }

    static func defaultLabel(for id: String) -> String {
        guard let arn = ARN(id) else { return id }
        if arn.resource == "root" { return "account \(arn.account)" }
        return arn.shortName.isEmpty ? arn.resource : arn.shortName
    }
}
