/// sagemaker:CreateProcessingJob with the role: the caller's processing container runs as the role (SageMaker sagemaker-roles.html).
struct SageMakerProcessingJob: EscalationRule {
    let technique = Technique(
        id: "sagemaker-processing-job", name: "iam:PassRole+sagemaker:CreateProcessingJob", kind: .actAs,
        reference: Reference.aws("SageMaker Developer Guide, sagemaker-roles.html") + "; " + Reference.rhino + "; " + Reference.pmapper)
    let keyAction = "iam:PassRole"

    func ways(into t: EscalationTarget, in env: EscalationEnvironment) -> [EscalationWay] {
        let job = env.anyNew("sagemaker", account: t.account.id, prefix: "processing-job/")
        return env.passRole(t, to: "sagemaker.amazonaws.com", then: [EscalationNeed("sagemaker:CreateProcessingJob", job)])
    }
}
