/// codebuild:CreateProject with the role as service role, then codebuild:StartBuild (or StartBuildBatch): the buildspec runs as the role (CodeBuild setting-up-service-role.html).
struct CodeBuildProject: EscalationRule {
    let technique = Technique(
        id: "codebuild-project", name: "iam:PassRole+codebuild:CreateProject+codebuild:StartBuild", kind: .actAs,
        reference: Reference.aws("CodeBuild User Guide, setting-up-service-role.html") + "; " + Reference.rhino + "; " + Reference.pmapper)
    let keyAction = "iam:PassRole"

    func ways(into t: EscalationTarget, in env: EscalationEnvironment) -> [EscalationWay] {
        let project = env.anyNew("codebuild", account: t.account.id, prefix: "project/")
        return env.passRole(t, to: "codebuild.amazonaws.com", then: [EscalationNeed("codebuild:CreateProject", project), EscalationNeed("codebuild:StartBuild", project)])
            + env.passRole(t, to: "codebuild.amazonaws.com", then: [EscalationNeed("codebuild:CreateProject", project), EscalationNeed("codebuild:StartBuildBatch", project)])
    }
}
