/// sagemaker:CreateNotebookInstance with the role, then CreatePresignedNotebookInstanceUrl: the notebook's terminal runs as the role (SageMaker sagemaker-roles.html).
struct SageMakerNotebook: EscalationRule {
    let technique = Technique(
        id: "sagemaker-notebook", name: "iam:PassRole+sagemaker:CreateNotebookInstance+sagemaker:CreatePresignedNotebookInstanceUrl", kind: .actAs,
        reference: Reference.aws("SageMaker Developer Guide, sagemaker-roles.html") + "; " + Reference.rhino + "; " + Reference.pmapper)
    let keyAction = "iam:PassRole"

    func ways(into t: EscalationTarget, in env: EscalationEnvironment) -> [EscalationWay] {
        let notebook = env.anyNew("sagemaker", account: t.account.id, prefix: "notebook-instance/")
        return env.passRole(
            t, to: "sagemaker.amazonaws.com",
            then: [EscalationNeed("sagemaker:CreateNotebookInstance", notebook), EscalationNeed("sagemaker:CreatePresignedNotebookInstanceUrl", notebook)])
    }
}
