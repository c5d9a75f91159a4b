extension AccountCommand {
    /// IAM, account-wide: every user, group, role and policy with their documents
    /// (GAAD), and the OIDC and SAML identity providers that role trusts may name.
    static let iam: [AccountCommand] = [
        AccountCommand(directory: "iam", CommandTemplate(["iam", "get-account-authorization-details"])),
        AccountCommand(directory: "iam", CommandTemplate(["iam", "list-open-id-connect-providers"])),
        AccountCommand(directory: "iam", CommandTemplate(["iam", "list-saml-providers"])),
    ]
}
