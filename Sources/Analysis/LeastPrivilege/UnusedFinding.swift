/// One unused-access finding, of IAM Access Analyzer's unused access finding types
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-findings.html).
public struct UnusedFinding: Sendable, Hashable, Codable {
    /// The finding type.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A role not used (assumed) within the window: Access Analyzer's `UnusedIAMRole`.
        case unusedRole = "unused-role"
        /// An active access key not used within the window: `UnusedIAMUserAccessKey`.
        case unusedAccessKey = "unused-access-key"
        /// A console password not used within the window: `UnusedIAMUserPassword`.
        case unusedPassword = "unused-password"
        /// A service a principal's policies allow and it did not use: `UnusedPermission` at service level.
        case unusedService = "unused-service"
        /// A tracked action of a used service the principal did not use: `UnusedPermission` at action level.
        case unusedAction = "unused-action"
    }

    public var kind: Kind
    /// The user's or role's ARN.
    public var principal: String
    public var account: String
    /// What is unused beyond the principal: `access key 1`, `s3`, `s3:PutObject`; nil for a role or password.
    public var detail: String?
    /// `YYYY-MM-DD` of the last use, or `never`.
    public var lastUsed: String
    /// The file that shows it, relative to the snapshot root.
    public var evidence: String
}

/// A principal (or one of its credentials) whose use the snapshot does not show: unknown, never "unused".
public struct UnknownUsage: Sendable, Hashable, Codable {
    public var principal: String
    public var account: String
    /// What is unknown: `role`, `access keys and password`, `permissions`.
    public var what: String
    /// Why: the file that is missing or says nothing.
    public var reason: String
}

/// The answer of `unused`.
public struct UnusedReport: Sendable, Codable {
    /// "Now", `YYYY-MM-DD` (the snapshot's time).
    public var now: String
    public var days: Int
    public var findings: [UnusedFinding]
    public var unknown: [UnknownUsage]
}
