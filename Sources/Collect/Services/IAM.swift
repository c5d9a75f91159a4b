import SnapshotLayout

extension AccountCommand {
    /// IAM, account-wide: every user, group, role and policy with their documents
    /// (GAAD), and the OIDC and SAML identity providers that role trusts may name.
    static let iam: [AccountCommand] = [
        AccountCommand(.iam, CommandTemplate("iam", .getAccountAuthorizationDetails)),
        AccountCommand(.iam, CommandTemplate("iam", .listOpenIDConnectProviders)),
        AccountCommand(.iam, CommandTemplate("iam", .listSAMLProviders)),
    ]
}
