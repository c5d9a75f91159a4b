/// A concrete request as `simulate` and `can` ask it: a principal, an action, an
/// optional resource and the condition keys given by the caller. Every key the
/// caller does not give is absent (`ConditionContext(missingKeys: .absent)`),
/// except the keys AWS itself sets from the principal and the resource
/// (reference_policies_condition-keys.html), which are filled in unless given.
public struct ConcreteRequest: Sendable {
    public var principal: RequestPrincipal
    public var action: String
    public var resource: RequestResource?
    public var resourceAccount: String?
    /// The caller's keys in the order given; a key given several times is multi-valued.
    public var givenKeys: [(key: String, values: [String])]
    /// The resource account as the caller gave it (nil: from the resource ARN, else the principal's).
    public var givenResourceAccount: String?
    /// Keys known from elsewhere (a snapshot's principal), under the derived and given keys.
    /// Values that are not concrete (unknown, "none of") count as absent.
    public var baseContext: ConditionContext?

    /// Reads the principal and resource text; throws a message naming what is wrong.
    public init(
        principal: String, action: String, resource: String? = nil, resourceAccount: String? = nil,
        context: [(key: String, values: [String])] = []
    ) throws(ConcreteRequestError) {
        guard let p = RequestPrincipal.parse(principal) else {
            throw ConcreteRequestError(
                message: "principal '\(principal)' is not a user, role, assumed-role session, federated user, account or service principal")
        }
        let parts = action.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw ConcreteRequestError(message: "action '\(action)' is not of the form service:Action")
        }
        var r: RequestResource?
        if let resource, resource != "*" {
            guard let parsed = RequestResource(resource) else {
                throw ConcreteRequestError(message: "resource '\(resource)' is not an ARN")
            }
            r = parsed
        }
        if let resourceAccount, resourceAccount.count != 12 || !resourceAccount.allSatisfy(\.isNumber) {
            throw ConcreteRequestError(message: "resource account '\(resourceAccount)' is not a 12-digit account id")
        }
        self.principal = p
        self.action = action
        self.resource = r
        self.resourceAccount = resourceAccount ?? r?.arn.account.nilIfEmpty ?? p.account
        self.givenKeys = context
        self.givenResourceAccount = resourceAccount
    }

    /// Groups `KEY=VALUE` pairs by key (case-insensitively, first spelling kept); a repeated key is multi-valued.
    public static func contextPairs(_ pairs: [(String, String)]) -> [(key: String, values: [String])] {
        var out: [(key: String, values: [String])] = []
        for (k, v) in pairs {
            if let i = out.firstIndex(where: { $0.key.lowercased() == k.lowercased() }) {
                out[i].values.append(v)
            } else {
                out.append((k, [v]))
            }
        }
        return out
    }

    /// Splits `KEY=VALUE` at the first `=`; nil when there is none or the key is empty.
    public static func splitPair(_ text: String) -> (String, String)? {
        guard let eq = text.firstIndex(of: "="), eq != text.startIndex else { return nil }
        return (String(text[..<eq]), String(text[text.index(after: eq)...]))
    }

    /// The keys AWS sets for this principal and resource.
    public var derivedKeys: [String: String] {
        var keys: [String: String] = [:]
        let p = principal
        switch p.kind {
        case .service:
            keys["aws:PrincipalIsAWSService"] = "true"
            keys["aws:PrincipalServiceName"] = p.id
        case .anonymous, .federated:
            break
        case .user:
            keys["aws:PrincipalType"] = "User"
            keys["aws:username"] = ARN(p.id)?.shortName
        case .role:
            keys["aws:PrincipalType"] = "AssumedRole"
        case .federatedUser:
            keys["aws:PrincipalType"] = "FederatedUser"
        case .account:
            keys["aws:PrincipalType"] = "Account"
        }
        if p.hasIdentityPolicies {
            // For a role session aws:PrincipalArn is the role's ARN, not the session's.
            keys["aws:PrincipalArn"] = p.id
            keys["aws:PrincipalAccount"] = p.account
            keys["aws:PrincipalIsAWSService"] = "false"
        }
        if resource != nil, let account = resourceAccount { keys["aws:ResourceAccount"] = account }
        return keys
    }

    /// The condition keys: the derived ones, then the given ones (which win); everything else absent.
    public var context: ConditionContext {
        var c = ConditionContext(missingKeys: .absent)
        for (k, v) in baseContext?.entries ?? [:] {
            if case .values = v { c[k] = v }
        }
        for (k, v) in derivedKeys where c.entries[k.lowercased()] == nil { c.set(k, v) }
        if resource != nil, let account = resourceAccount { c.set("aws:ResourceAccount", account) }
        for (k, values) in givenKeys { c[k] = .values(values) }
        return c
    }

    /// The request to evaluate.
    public var request: Request {
        Request(principal: principal, action: action, resource: resource, resourceAccount: resourceAccount, context: context)
    }

    /// Whether only the resource policy can grant access to this resource: KMS keys
    /// (key-policy-default.html) and roles as the target of an `sts:AssumeRole*` action
    /// (the trust policy, id_roles_compare-resource-policies.html).
    public var resourcePolicyRequiredByDefault: Bool {
        guard let arn = resource?.arn else { return false }
        if arn.service == "kms" && arn.resource.hasPrefix("key/") { return true }
        return arn.service == "iam" && arn.resource.hasPrefix("role/") && action.lowercased().hasPrefix("sts:assumerole")
    }
}

/// A principal, action, resource or account that cannot be read.
public struct ConcreteRequestError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
