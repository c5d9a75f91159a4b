import Policy

/// Answers shared between escalation questions of one task: each request decided once per
/// caller and per match of the caller's resource-specific statements, each service trust once per
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
    let caller: String
    let action: String
    let passedToService: String?
    let statementMatches: [Int8]
    let resourceWithPolicy: String?
}
