/// What an account's snapshot says about the use of its credentials and permissions, and its
/// password policy: the inputs of `unused`, `hygiene` and `policy-suggest`. Each is nil when its
/// file was not collected (unknown, not "none").
public struct AccountUsage: Sendable {
    /// The account's folder, relative to the snapshot root (empty for a single-account folder).
    public var directory: String = ""
    /// `iam/get-credential-report.json`.
    public var credentialReport: CredentialReport?
    /// `iam/get-account-password-policy.json`'s policy.
    public var passwordPolicy: PasswordPolicy?
    /// The password policy's file, when present.
    public var passwordPolicyFile: String?
    /// `iam/get-account-summary.json`'s `SummaryMap` (`AccountMFAEnabled`, `AccountAccessKeysPresent`, counts).
    public var summary: [String: Int]?
    /// The summary's file, when present.
    public var summaryFile: String?
    /// `iam/service-last-accessed/<principal-id>.json`, by principal id.
    public var lastAccessed: [String: ServiceLastAccessed] = [:]
    /// The newest modification time (epoch seconds) of the files read for this account.
    public var newestFileTime: Double?

    public init(directory: String = "") { self.directory = directory }

    /// The path of an IAM file of the account, relative to the snapshot root: `accounts/<id>/iam/<file>`.
    public func iamFile(_ name: String) -> String { directory.isEmpty ? "iam/\(name)" : "\(directory)/iam/\(name)" }

    /// Whether the account has no password policy: the summary was collected (by the same
    /// collection, which also asks for the policy) and the policy's file is absent, as the
    /// collector writes no file when AWS answers `NoSuchEntity`.
    public var lacksPasswordPolicy: Bool { passwordPolicyFile == nil && summary != nil }
}
