/// The credential hygiene checks of `hygiene`, each following an AWS documentation page.
public enum HygieneCheck: String, Sendable, Hashable, Codable, CaseIterable {
    case rootAccessKey = "root-access-key"
    case rootWithoutMFA = "root-without-mfa"
    case consoleUserWithoutMFA = "console-user-without-mfa"
    case oldAccessKey = "old-access-key"
    case neverUsedAccessKey = "never-used-access-key"
    case twoActiveAccessKeys = "two-active-access-keys"
    case noPasswordPolicy = "no-password-policy"
    case weakPasswordPolicy = "weak-password-policy"
    case adminWithoutMFA = "admin-without-mfa"

    /// One line saying what the check finds.
    public var title: String {
        switch self {
        case .rootAccessKey: "The root user has an active access key"
        case .rootWithoutMFA: "The root user has no MFA device"
        case .consoleUserWithoutMFA: "A user with a console password has no MFA device"
        case .oldAccessKey: "An active access key is older than the rotation period"
        case .neverUsedAccessKey: "An active access key was never used"
        case .twoActiveAccessKeys: "A user has two active access keys"
        case .noPasswordPolicy: "The account has no password policy"
        case .weakPasswordPolicy: "The password policy is weaker than AWS's default policy"
        case .adminWithoutMFA: "An admin-equivalent principal's policies do not require MFA"
        }
    }

    /// The AWS page the check follows.
    public var source: String {
        switch self {
        case .rootAccessKey, .rootWithoutMFA:
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-best-practices.html"
        case .consoleUserWithoutMFA:
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#enable-mfa-for-privileged-users"
        case .oldAccessKey:
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#rotate-credentials"
        case .neverUsedAccessKey:
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#remove-credentials"
        case .twoActiveAccessKeys:
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/id-credentials-access-keys-update.html"
        case .noPasswordPolicy, .weakPasswordPolicy:
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html"
        case .adminWithoutMFA:
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html"
        }
    }

    /// SARIF level: root and admin problems are errors, the rest warnings.
    public var level: String {
        switch self {
        case .rootAccessKey, .rootWithoutMFA, .adminWithoutMFA: "error"
        default: "warning"
        }
    }

    /// GitHub code scanning's severity, 0.0 to 10.0.
    public var severity: String {
        switch self {
        case .rootAccessKey: "9.0"
        case .rootWithoutMFA, .adminWithoutMFA: "8.0"
        case .consoleUserWithoutMFA: "7.0"
        case .oldAccessKey, .twoActiveAccessKeys, .weakPasswordPolicy, .noPasswordPolicy: "5.0"
        case .neverUsedAccessKey: "4.0"
        }
    }
}

/// One failed hygiene check.
public struct HygieneFinding: Sendable, Hashable, Codable {
    public var check: HygieneCheck
    public var account: String
    /// The user, role or root ARN; the account's root ARN for account-wide checks.
    public var principal: String
    /// What was found, with dates where they matter.
    public var detail: String
    /// The file that shows it, relative to the snapshot root.
    public var evidence: String
    /// The AWS page the check follows.
    public var source: String
}

/// The answer of `hygiene`.
public struct HygieneReport: Sendable, Codable {
    /// "Now", `YYYY-MM-DD`.
    public var now: String
    public var keyDays: Int
    public var findings: [HygieneFinding]
    /// Checks that could not be made for an account, and why (a file not collected).
    public var notChecked: [String]
}
