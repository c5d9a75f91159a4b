/// An account's IAM credential report (`aws iam get-credential-report`): one row per user and
/// one for the root user, with the documented columns
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html).
public struct CredentialReport: Sendable {
    /// The file it was read from, relative to the snapshot root.
    public var file: String
    /// `GeneratedTime` (epoch seconds), when the file has one.
    public var generatedAt: Double?
    /// The rows, in the report's order.
    public var rows: [CredentialReportRow]

    /// The root user's row (`<root_account>`).
    public var root: CredentialReportRow? { rows.first { $0.isRoot } }

    /// The row of the user with this ARN.
    public func row(arn: String) -> CredentialReportRow? { rows.first { $0.arn == arn } }
}

/// One user's credentials, as the credential report lists them.
public struct CredentialReportRow: Sendable {
    /// `user`: the user's name, `<root_account>` for the root user.
    public var user: String
    /// `arn`.
    public var arn: String
    /// `user_creation_time`.
    public var createdAt: Double?
    /// `password_enabled`: nil for the root user (`not_supported`).
    public var passwordEnabled: Bool?
    /// `password_last_used`: `never` for `N/A` (never signed in with it), nil when unknown (`no_information`).
    public var passwordLastUsed: LastUse?
    /// `password_last_changed`.
    public var passwordLastChanged: Double?
    /// `mfa_active`.
    public var mfaActive: Bool
    /// Access keys 1 and 2 (`access_key_N_*`), only those the user has (a rotation time is set).
    public var accessKeys: [AccessKeyState]
    /// The 1-based line of the row in the CSV (the header is line 1).
    public var line: Int

    /// Whether this is the root user's row.
    public var isRoot: Bool { user == "<root_account>" }
    /// Whether the user can sign in to the console (has a password).
    public var hasConsoleAccess: Bool { passwordEnabled == true }
}

/// One access key of a user, from the credential report's `access_key_N_*` columns.
public struct AccessKeyState: Sendable, Hashable {
    /// 1 or 2.
    public var slot: Int
    /// `access_key_N_active`.
    public var active: Bool
    /// `access_key_N_last_rotated`: when it was created or last changed.
    public var lastRotated: Double?
    /// `access_key_N_last_used_date`: `never` for `N/A` (never used), nil when unknown.
    public var lastUsed: LastUse?
    /// `access_key_N_last_used_service`, when used.
    public var lastUsedService: String?
}
