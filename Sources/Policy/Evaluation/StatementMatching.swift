/// How a resource-policy statement names the requesting principal. The
/// evaluation rules differ by class (reference_policies_evaluation-logic_policy-eval-basics.html,
/// access_policies_boundaries.html).
public enum PrincipalMatchClass: String, Sendable, Hashable, Codable {
    /// The exact principal: a user ARN, a role session ARN, a service, a federated provider, a canonical user.
    case principal
    /// The role of a role session (the role ARN, not the session).
    case role
    /// The principal's account root: a delegation to the account's identity policies.
    case account
    /// `*`.
    case anyone
}

extension Statement {
    /// Whether the statement's Action/NotAction covers the (lowercased) action.
    @inline(__always)
    public func appliesTo(action lowered: String) -> Bool {
        switch self.action {
        case .action(let patterns):
            for p in patterns where p.matches(lowercased: lowered) { return true }
            return false
        case .notAction(let patterns):
            for p in patterns where p.matches(lowercased: lowered) { return false }
            return true
        }
    }

    private var action_: ActionClause { action }

    /// Whether the statement's actions could include some action of `service` (lowercased):
    /// a cheap test on the service prefixes before any action is matched.
    public func mayCover(service: String) -> Bool {
        switch action {
        case .notAction: return true
        case .action(let patterns):
            for p in patterns {
                guard let s = p.service else { return true }
                if s == service { return true }
            }
            return false
        }
    }

    /// Whether the statement's Resource/NotResource covers the request's resource.
    public func appliesTo(resource: RequestResource?, context: ConditionContext) -> Tri {
        guard let clause = self.resource else { return .yes }  // no Resource element: the policy's own resource
        guard let resource else {
            // An action that takes no resource is authorized against "*".
            switch clause {
            case .resource(let patterns): return Tri(patterns.contains { $0.isAny })
            case .notResource(let patterns): return Tri(!patterns.contains { $0.isAny })
            }
        }
        switch clause {
        case .resource(let patterns):
            var r = Tri.no
            for p in patterns {
                r = r || Self.pattern(p, covers: resource, forDeny: effect == .deny, context: context)
                if r == .yes { return .yes }
            }
            return r
        case .notResource(let patterns):
            // Allow: some resource of the set lies outside every pattern. Deny: all of them do.
            var r = Tri.no
            for p in patterns {
                r = r || Self.pattern(p, covers: resource, forDeny: effect != .deny, context: context)
                if r == .yes { return .no }
            }
            return !r
        }
    }

    /// Whether `pattern` covers the resource: some of it for an Allow, all of it for a Deny.
    static func pattern(_ pattern: ARNPattern, covers resource: RequestResource, forDeny: Bool, context: ConditionContext) -> Tri {
        guard pattern.hasVariables else { return Tri(matches(pattern, resource, forDeny: forDeny)) }
        var p = pattern
        var resource = resource
        if pattern.hasVariables {
            switch PolicyVariables.resolve(pattern.text, in: context, forPattern: true) {
            case .resolved(let s):
                p = ARNPattern(s)
                if PolicyVariables.hasLiteralWildcards(s) {
                    // `${*}`/`${?}` stand for literal characters: match them against the value's own.
                    guard let escaped = ARN(PolicyVariables.escapingWildcards(resource.text)) else { return .no }
                    resource = RequestResource(arn: escaped, anyUnderPrefix: resource.anyUnderPrefix.map(PolicyVariables.escapingWildcards))
                }
            case .unresolvable: return .no
            case .unknown: return .unknown
            }
        }
        return Tri(matches(p, resource, forDeny: forDeny))
    }

    @inline(__always)
    static func matches(_ p: ARNPattern, _ resource: RequestResource, forDeny: Bool) -> Bool {
        guard let prefix = resource.anyUnderPrefix else { return p.matches(resource.arn) }
        return forDeny ? p.matchesEvery(resource.arn, resourcePrefix: prefix) : p.matchesSome(resource.arn, resourcePrefix: prefix)
    }

    /// How the statement's Principal element names `principal`, as a resource policy reads it:
    /// `.no` when it does not, or when there is no Principal or NotPrincipal element (see
    /// `principalMatch(_:in:)`); for NotPrincipal, `.anyone` when the principal is not excluded.
    public func principalMatch(_ principal: RequestPrincipal) -> (Tri, PrincipalMatchClass?) {
        guard let clause = self.principal else { return (.no, nil) }
        switch clause {
        case .principal(let patterns):
            var best: PrincipalMatchClass?
            for p in patterns {
                guard let c = Self.classify(p, principal) else { continue }
                if best == nil || c.rank > best!.rank { best = c }
            }
            return best.map { (.yes, $0) } ?? (.no, nil)
        case .notPrincipal(let patterns):
            let excluded = Self.isExcluded(principal, by: patterns)
            return (!excluded, .anyone)
        }
    }

    static func classify(_ pattern: PrincipalPattern, _ principal: RequestPrincipal) -> PrincipalMatchClass? {
        switch pattern {
        case .anyone:
            return .anyone
        case .aws(let arn):
            if principal.kind == .anonymous || principal.kind == .service || principal.kind == .federated { return nil }
            if arn == principal.id { return principal.kind == .role ? .role : .principal }
            if let s = principal.sessionArn, s == arn { return .principal }
            if principal.kind == .role, principal.sessionArn != nil, sameRoleIgnoringPath(arn, principal.id) { return .role }
            if let root = principal.accountRootArn, root == arn { return .account }
            return nil
        case .service(let name):
            return principal.kind == .service && principal.id.lowercased() == name.lowercased() ? .principal : nil
        case .federated(let provider):
            return principal.kind == .federated && principal.id == provider ? .principal : nil
        case .canonicalUser(let id):
            return principal.canonicalUserID == id ? .principal : nil
        }
    }

    /// A role named by a session ARN carries no path: compare account and name.
    static func sameRoleIgnoringPath(_ a: String, _ b: String) -> Bool {
        guard let x = ARN(a), let y = ARN(b), x.service == "iam", x.resource.hasPrefix("role/") else { return false }
        return x.account == y.account && x.shortName == y.shortName
    }

    /// NotPrincipal excludes a principal only when every identity AWS checks is listed:
    /// the account, then the role, then the session (reference_policies_elements_notprincipal.html).
    static func isExcluded(_ principal: RequestPrincipal, by patterns: [PrincipalPattern]) -> Tri {
        let listed = Set(patterns.map(\.description))
        if listed.contains("*") { return .yes }
        switch principal.kind {
        case .anonymous: return .no
        case .service, .federated: return Tri(listed.contains(principal.id))
        case .account: return Tri(listed.contains(principal.id))
        case .user, .federatedUser:
            return Tri(listed.contains(principal.id) && principal.accountRootArn.map(listed.contains) == true)
        case .role:
            guard principal.accountRootArn.map(listed.contains) == true, listed.contains(principal.id) else { return .no }
            if let s = principal.sessionArn { return Tri(listed.contains(s)) }
            // Any session of the role: excluded only for the sessions listed, so it depends on the session name.
            let role = principal.id.split(separator: "/").last.map(String.init) ?? ""
            return listed.contains { $0.contains(":assumed-role/\(role)/") } ? .unknown : .no
        }
    }

    /// How the statement of a policy of `type` applies to a request apart from its action: nil
    /// when its resource or (for resource policies and RCPs) its principal does not match;
    /// otherwise the outcome with the conditions, how the principal is named, and the conditions
    /// left undecided.
    func match(_ request: Request, as type: PolicyType) -> StatementMatch? {
        match(request, as: type, resourceMatch: appliesTo(resource: request.resource, context: request.context))
    }

    /// The same, with the Resource element's match already known.
    func match(_ request: Request, as type: PolicyType, resourceMatch: Tri) -> StatementMatch? {
        if resourceMatch == .no { return nil }
        let (principalMatch, matchClass) = principalMatch(request.principal, in: type)
        if principalMatch == .no { return nil }
        let (conditions, undecided) = conditionOutcome(in: request.context)
        let outcome = resourceMatch && principalMatch && conditions
        return StatementMatch(outcome: outcome, matchClass: matchClass, undecided: outcome == .unknown ? undecided : [])
    }

    /// The Condition element's result in `context`, and the conditions it could not decide (all
    /// of them up to the first that fails).
    public func conditionOutcome(in context: ConditionContext) -> (Tri, [Condition]) {
        var result = Tri.yes
        var undecided: [Condition] = []
        for c in conditions {
            let outcome = ConditionEvaluator.evaluate(c, in: context)
            if outcome == .unknown { undecided.append(c) }
            result = result && outcome
            if result == .no { break }
        }
        return (result, undecided)
    }
}

/// A statement matched against a request, all but its action.
struct StatementMatch {
    let outcome: Tri
    let matchClass: PrincipalMatchClass?
    /// The conditions that could not be decided, when `outcome` is unknown.
    let undecided: [Condition]
}

extension PrincipalMatchClass {
    /// A more specific naming wins when one statement names the principal several ways.
    var rank: Int {
        switch self {
        case .account: 0
        case .anyone: 1
        case .role: 2
        case .principal: 3
        }
    }
}
