/// A least-privilege identity policy suggested from what a principal used, and its check.
public struct PolicySuggestion: Sendable {
    /// The principal's ARN.
    public var principal: String
    /// The policy, as JSON text.
    public var policy: String
    /// The actions it allows, sorted (`s3:GetObject`).
    public var actions: [String]
    /// Services the current policies allow that were not used in the window (left out).
    public var droppedServices: [String]
    /// Services used whose actions have no action-level data: every action of theirs the current
    /// policies allow is kept.
    public var untrackedServices: [String]
    /// The evidence file.
    public var evidence: String
    /// `check no-new-access` of the suggestion against the current identity policies.
    public var noNewAccess: PolicyCheckResult
    /// Requests (action, resource) the evaluator decided with the current and the suggested
    /// policies; `widened` lists those the suggestion allows and the current policies do not (empty when sound).
    public var requestsCompared: Int
    public var widened: [String]

    /// Whether both checks show that the suggestion grants nothing the current policies do not.
    public var grantsNothingNew: Bool { noNewAccess.passed && widened.isEmpty }
}

/// Why no policy can be suggested.
public enum PolicySuggestError: Error, Sendable, CustomStringConvertible, Equatable {
    case unknownPrincipal(String)
    case noData(principal: String, file: String)

    public var description: String {
        switch self {
        case .unknownPrincipal(let p): "no user or role '\(p)' in the snapshot (give its ARN)"
        case .noData(let p, let file): "no service last-accessed data for \(p): \(file) is missing, so what it uses is unknown"
        }
    }
}
