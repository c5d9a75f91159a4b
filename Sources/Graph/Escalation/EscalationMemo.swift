import Policy

/// Answers shared between escalation questions of one task: each request decided once per
/// caller (entry) and per match of the caller's resource-specific statements, each service trust once per
/// role. Used by one task at a time.
public final class EscalationMemo {
    var evaluations: [NeedKey: Evaluation] = [:]
    var trust: [String: Evaluation?] = [:]

    public init() {}
}

/// What decides a caller's answer for one need besides the caller: the action, the service a
/// role is passed to, how each resource-specific statement matches the resource, and the
/// resource's own policy when it has one.
struct NeedKey: Hashable {
    let caller: CallerIdentity
    let action: String
    let passedToService: String?
    let statementMatches: [Int8]
    let resourceWithPolicy: String?
}

/// A caller as a memo key: the entry itself (held, so its identity is not reused while the memo
/// lives), compared and hashed by identity, cheaper than its ARN.
struct CallerIdentity: Hashable {
    let entry: PrincipalEntry

    static func == (a: Self, b: Self) -> Bool { a.entry === b.entry }
    func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(entry)) }
}
