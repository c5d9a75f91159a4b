import Policy

/// The answer to one simulated request and why: the JSON contract of `simulate` and `can`.
public struct SimulationReport: Sendable, Encodable {
    public var decision: Decision
    /// The rule that settled the decision, in words.
    public var rule: DecidingRule
    public var principal: String
    public var action: String
    public var resource: String?
    public var resourceAccount: String?
    /// One entry per policy type (each SCP and RCP level apart) that took part, in evaluation order.
    public var explanation: [PolicyGroupReport]

    /// The statements that settled the decision (explicit denies, or the allows the rule rests on).
    public var decidingStatements: [StatementReport] { explanation.flatMap { $0.statements.filter(\.decisive) } }
}

/// The policies of one type (or one SCP/RCP level) and the statements of them that matched.
public struct PolicyGroupReport: Sendable, Encodable {
    /// `scp`, `rcp`, `resource`, `permissions_boundary`, `session` or `identity`.
    public var policyType: String
    /// The level of an SCP or RCP, from 0 for the root.
    public var level: Int?
    /// A readable name, e.g. `SCP level 1`.
    public var label: String
    public var policies: [String]
    /// `denies` (an explicit deny matched), `allows` (an allow matched) or `no allow`.
    public var result: String
    /// Whether this group settled the decision (the one without an allow, for an implicit deny).
    public var decisive: Bool
    /// Statements whose action, resource and principal match the request, with their conditions.
    public var statements: [StatementReport]
}

/// One statement whose Action, Resource and Principal match the request.
public struct StatementReport: Sendable, Encodable {
    /// The policy's name: a file, `FILE[i]` for a document of an array, or a snapshot policy name.
    public var policy: String
    /// The file the policy came from, when it came from a file.
    public var file: String?
    /// The document's index in its file, when the file holds an array.
    public var policyIndex: Int?
    /// The Sid, or `#INDEX` when the statement has none.
    public var statement: String
    public var sid: String?
    public var index: Int
    public var effect: Effect
    /// Whether the statement applies once its conditions are decided: `yes`, `no` or `unknown`.
    public var matched: String
    /// How a resource policy's Principal element names the principal.
    public var principalMatch: PrincipalMatchClass?
    public var conditions: [ConditionReport]
    /// Whether this statement settled the decision.
    public var decisive: Bool
}

/// One condition of a matched statement and how it was decided.
public struct ConditionReport: Sendable, Encodable {
    public var `operator`: String
    public var key: String
    public var values: [String]
    /// `yes`, `no` or `unknown`.
    public var result: String
}

/// Where a policy given as a file came from.
public struct PolicySource: Sendable, Hashable {
    public var file: String
    public var index: Int?

    public init(file: String, index: Int?) {
        self.file = file
        self.index = index
    }
}
