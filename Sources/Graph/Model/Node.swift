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
        self.label = label ?? Node.defaultLabel(for: id, kind: kind, resourceType: resourceType)
    }

    /// A label that says what the node is: "S3 bucket acme-payroll", "Lambda layer acme-common-libs:3",
    /// "role/Deployer", "account 999999999999", "OIDC provider token.actions.githubusercontent.com".
    /// The kind comes from `resourceType` (else from the ARN's shape, `ResourceKind.table`), the
    /// name from the ARN. A principal outside the snapshot also names its account:
    /// "role/VendorSync (999999999999)".
    public static func defaultLabel(for id: String, kind: NodeKind = .resource, resourceType: String? = nil) -> String {
        switch kind {
        case .everyone: return "everyone (*)"
        case .service: return "service \(id)"
        case .federated where ARN(id) == nil: return "identity provider \(id)"
        default: break
        }
        guard let arn = ARN(id) else { return id }
        if arn.service == "iam" && arn.resource == "root" { return "account \(arn.account)" }
        if arn.service == "iam", let provider = Self.providerLabel(arn) { return provider }
        if arn.service == "sts", arn.resource.hasPrefix("assumed-role/") {
            return arn.resource + (arn.account.isEmpty ? "" : " (\(arn.account))")
        }
        guard let known = resourceType.flatMap(ResourceKind.of(type:)) ?? ResourceKind.inferred(from: arn) else {
            return arn.service + " " + (arn.resource.isEmpty ? id : arn.resource)
        }
        let label = known.label(of: arn)
        return kind == .externalPrincipal && !arn.account.isEmpty ? "\(label) (\(arn.account))" : label
    }

    /// "OIDC provider HOST", "SAML provider NAME" for an identity provider's ARN.
    static func providerLabel(_ arn: ARN) -> String? {
        if arn.resource.hasPrefix("oidc-provider/") { return "OIDC provider " + arn.resource.dropFirst("oidc-provider/".count) }
        if arn.resource.hasPrefix("saml-provider/") { return "SAML provider " + arn.resource.dropFirst("saml-provider/".count) }
        return nil
    }
}
