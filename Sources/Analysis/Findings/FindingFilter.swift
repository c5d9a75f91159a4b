import Snapshot

/// Which findings and entry points to report, applied before any output is built: by the
/// resource's type and account, by the outside principal, and to public access only. An empty
/// set admits everything. Direct findings, entry points (their reach) and transitive findings
/// are filtered alike: an entry point whose reach is left empty is dropped.
public struct FindingFilter: Sendable, Hashable {
    /// Access Analyzer type names (`AWS::S3::Bucket`), as `ResourceTypeNames.all` spells them.
    public var resourceTypes: Set<String>
    /// Twelve-digit account ids: the resource's account.
    public var accounts: Set<String>
    /// Outside principals, normalized as `Finding.principal` (`arn:aws:iam::ID:root`, `*`, ...).
    public var principals: Set<String>
    /// Only public findings and entry points.
    public var publicOnly: Bool

    public init(resourceTypes: Set<String> = [], accounts: Set<String> = [], principals: Set<String> = [], publicOnly: Bool = false) {
        self.resourceTypes = resourceTypes
        self.accounts = accounts
        self.principals = principals
        self.publicOnly = publicOnly
    }

    /// The filter of command-line values, checked: types must be known (any case), accounts
    /// twelve digits, principals `*`, an account id (made `arn:aws:iam::ID:root`), an IAM or STS
    /// ARN, or a service or identity provider name.
    public static func validated(
        resourceTypes: [String], accounts: [String], principals: [String], publicOnly: Bool
    ) throws(FindingFilterError) -> FindingFilter {
        var filter = FindingFilter(publicOnly: publicOnly)
        for t in resourceTypes {
            guard let known = ResourceTypeNames.known(t) else { throw .unknownResourceType(t) }
            filter.resourceTypes.insert(known)
        }
        for a in accounts {
            guard Self.isAccountID(a) else { throw .malformedAccount(a) }
            filter.accounts.insert(a)
        }
        for p in principals {
            guard let normalized = Self.normalizedPrincipal(p) else { throw .malformedPrincipal(p) }
            filter.principals.insert(normalized)
        }
        return filter
    }

    /// Whether nothing is filtered out.
    public var isEmpty: Bool { resourceTypes.isEmpty && accounts.isEmpty && principals.isEmpty && !publicOnly }

    /// Whether an outside principal's access, public or not, is reported.
    public func admits(principal: String, isPublic: Bool) -> Bool {
        (!publicOnly || isPublic) && (principals.isEmpty || principals.contains(principal))
    }

    /// Whether access to resources of this type and account is reported.
    public func admits(resourceType: String, account: String) -> Bool {
        (resourceTypes.isEmpty || resourceTypes.contains(resourceType)) && (accounts.isEmpty || accounts.contains(account))
    }

    /// The filter as words of a query key (the on-disk answer index keys answers by them).
    public var queryKey: [String] {
        guard !isEmpty else { return [] }
        return resourceTypes.sorted().map { "type=" + $0 } + accounts.sorted().map { "account=" + $0 }
            + principals.sorted().map { "principal=" + $0 } + (publicOnly ? ["public-only"] : [])
    }

    static func isAccountID(_ s: String) -> Bool { s.utf8.count == 12 && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }

    /// `p` as findings name principals, or nil when it is none of the accepted forms.
    static func normalizedPrincipal(_ p: String) -> String? {
        if p == "*" { return p }
        if isAccountID(p) { return "arn:aws:iam::\(p):root" }
        let parts = p.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        if parts.count == 6, parts[0] == "arn", !parts[1].isEmpty, parts[2] == "iam" || parts[2] == "sts", parts[3].isEmpty,
            isAccountID(String(parts[4])), !parts[5].isEmpty
        {
            return p
        }
        // A service (`lambda.amazonaws.com`) or an identity provider (`accounts.google.com`).
        let allowed = p.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D }
        if allowed, p.contains("."), !p.hasPrefix("."), !p.hasSuffix(".") { return p }
        return nil
    }
}

/// A filter value that is not accepted; the message lists what is.
public enum FindingFilterError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownResourceType(String)
    case malformedAccount(String)
    case malformedPrincipal(String)

    public var description: String {
        switch self {
        case .unknownResourceType(let t):
            "unknown resource type \"\(t)\"; accepted (any case): \(ResourceTypeNames.all.joined(separator: ", "))"
        case .malformedAccount(let a):
            "malformed account \"\(a)\"; accepted: a twelve-digit account id, e.g. 123456789012"
        case .malformedPrincipal(let p):
            "malformed principal \"\(p)\"; accepted: *, a twelve-digit account id, an IAM or STS ARN "
                + "(arn:aws:iam::123456789012:root, arn:aws:iam::123456789012:role/Name, "
                + "arn:aws:iam::123456789012:oidc-provider/host), or a service or provider name (lambda.amazonaws.com)"
        }
    }
}
