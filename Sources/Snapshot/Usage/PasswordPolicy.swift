import Policy

/// The account's password policy (`aws iam get-account-password-policy`'s `PasswordPolicy`).
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
public struct PasswordPolicy: Sendable, Hashable, Codable {
    public var minimumPasswordLength: Int?
    public var requireSymbols: Bool
    public var requireNumbers: Bool
    public var requireUppercaseCharacters: Bool
    public var requireLowercaseCharacters: Bool
    public var maxPasswordAge: Int?
    public var passwordReusePrevention: Int?

    public init(
        minimumPasswordLength: Int?, requireSymbols: Bool, requireNumbers: Bool, requireUppercaseCharacters: Bool,
        requireLowercaseCharacters: Bool, maxPasswordAge: Int? = nil, passwordReusePrevention: Int? = nil
    ) {
        self.minimumPasswordLength = minimumPasswordLength
        self.requireSymbols = requireSymbols
        self.requireNumbers = requireNumbers
        self.requireUppercaseCharacters = requireUppercaseCharacters
        self.requireLowercaseCharacters = requireLowercaseCharacters
        self.maxPasswordAge = maxPasswordAge
        self.passwordReusePrevention = passwordReusePrevention
    }

    /// How many of the four character types it requires.
    public var characterTypesRequired: Int {
        [requireSymbols, requireNumbers, requireUppercaseCharacters, requireLowercaseCharacters].filter { $0 }.count
    }

    /// The policy of a get-account-password-policy output, or nil with a warning.
    static func parse(_ json: JSONValue, file: String, warnings: inout [SnapshotWarning]) -> PasswordPolicy? {
        guard case .object(let p)? = json["PasswordPolicy"] else {
            warnings.append(SnapshotWarning(file: file, jsonPath: "$.PasswordPolicy", message: "missing or not an object; the password policy is unknown"))
            return nil
        }
        func bool(_ key: String) -> Bool { if case .bool(true)? = p[key] { return true }; return false }
        func int(_ key: String) -> Int? { p[key]?.scalarText.flatMap { Int($0) } }
        return PasswordPolicy(
            minimumPasswordLength: int("MinimumPasswordLength"), requireSymbols: bool("RequireSymbols"),
            requireNumbers: bool("RequireNumbers"), requireUppercaseCharacters: bool("RequireUppercaseCharacters"),
            requireLowercaseCharacters: bool("RequireLowercaseCharacters"), maxPasswordAge: int("MaxPasswordAge"),
            passwordReusePrevention: int("PasswordReusePrevention"))
    }
}
