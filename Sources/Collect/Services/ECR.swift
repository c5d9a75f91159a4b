extension ResourceType {
    /// ECR repositories: the repository policy; one without answers `RepositoryPolicyNotFoundException`.
    static let ecrRepositories = ResourceType(
        directory: "ecr", scope: .regional,
        list: ["ecr", "describe-repositories"], query: "repositories[].repositoryName",
        folder: .field(0),
        details: [
            CommandTemplate(["ecr", "get-repository-policy", "--repository-name", .field(0)],
                            absent: ["RepositoryPolicyNotFoundException"]),
        ])
}
