/// The outcome of a policy check: PASS or FAIL, and for FAIL the statements responsible.
public struct PolicyCheckResult: Sendable, Codable {
    /// The check's name, e.g. `no-new-access`.
    public let check: String
    public let passed: Bool
    /// One sentence on what was checked and what came of it.
    public let summary: String
    /// Why the check failed, statement by statement; empty when it passed.
    public let problems: [CheckProblem]
    /// What the policy files hold that was understood only in part.
    public let warnings: [String]

    public init(check: String, passed: Bool, summary: String, problems: [CheckProblem], warnings: [String]) {
        self.check = check
        self.passed = passed
        self.summary = summary
        self.problems = problems
        self.warnings = warnings
    }

    /// `PASS` or `FAIL`.
    public var verdict: String { passed ? "PASS" : "FAIL" }
}

/// One reason a check failed: the statement responsible, others involved, and an explanation.
public struct CheckProblem: Sendable, Codable, Hashable {
    public let statement: StatementReference
    /// Statements of the other policy involved (a reference Deny that no longer applies, a
    /// reference Allow whose conditions the new statement loosens).
    public let related: [StatementReference]
    public let message: String

    public init(statement: StatementReference, related: [StatementReference] = [], message: String) {
        self.statement = statement
        self.related = related
        self.message = message
    }
}
