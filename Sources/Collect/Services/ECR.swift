import SnapshotLayout

extension ResourceType {
    /// ECR repositories: the repository policy; one without answers `RepositoryPolicyNotFoundException`.
    static let ecrRepositories = ResourceType(
        service: .ecr,
        list: ["ecr", "describe-repositories"], query: "repositories[].repositoryName",
        folder: .field(0),
        details: [
            CommandTemplate("ecr", .getRepositoryPolicy, ["--repository-name", .field(0)],
                            absent: ["RepositoryPolicyNotFoundException"]),
        ])
}
