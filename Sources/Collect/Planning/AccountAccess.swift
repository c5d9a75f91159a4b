/// Whose credentials a command runs with: the caller's own (the `--profile` or default
/// credentials), or a member account's assumed-role credentials.
public struct AccountAccess: Sendable, Hashable {
    /// The account the commands read.
    public let account: String
    /// Set in each command's environment (the assumed role's keys); never written anywhere.
    let environment: EnvironmentChanges
    /// Whether commands get `--profile`: the caller's do; a member's must not, since an
    /// explicit profile would take precedence over the environment's keys.
    let usesProfile: Bool

    /// The caller's own credentials, for `account`.
    public static func caller(_ account: String) -> AccountAccess {
        AccountAccess(account: account, environment: [:], usesProfile: true)
    }

    /// A member's temporary credentials: the keys set, and any profile variable removed so
    /// that the CLI takes the keys from the environment.
    static func member(_ account: String, _ credentials: MemberCredentials) -> AccountAccess {
        AccountAccess(account: account, environment: [
            "AWS_ACCESS_KEY_ID": credentials.accessKeyID,
            "AWS_SECRET_ACCESS_KEY": credentials.secretAccessKey,
            "AWS_SESSION_TOKEN": credentials.sessionToken,
            "AWS_PROFILE": nil,
            "AWS_DEFAULT_PROFILE": nil,
        ], usesProfile: false)
    }
}

extension AccountAccess: CustomStringConvertible {
    /// The account id only: the credentials never appear in a description.
    public var description: String { "AccountAccess(\(account))" }
}
