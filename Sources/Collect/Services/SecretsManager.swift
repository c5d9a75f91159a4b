import SnapshotLayout

extension ResourceType {
    /// Secrets Manager secrets, addressed by ARN; the folder is the name with `/` as `%2F`.
    /// A secret without a policy still answers (name and ARN, no `ResourcePolicy`).
    static let secrets = ResourceType(
        service: .secretsManager,
        list: ["secretsmanager", "list-secrets"], query: "SecretList[].[Name,ARN]",
        folder: .field(0),
        details: [
            CommandTemplate("secretsmanager", .getResourcePolicy, ["--secret-id", .field(1)]),
        ])
}
