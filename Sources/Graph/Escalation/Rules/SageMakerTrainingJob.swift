/// sagemaker:CreateTrainingJob with the role: the caller's training container runs as the role (SageMaker sagemaker-roles.html).
struct SageMakerTrainingJob: EscalationRule {
    let technique = Technique(
        id: "sagemaker-training-job", name: "iam:PassRole+sagemaker:CreateTrainingJob", kind: .actAs,
        reference: Reference.aws("SageMaker Developer Guide, sagemaker-roles.html") + "; " + Reference.rhino + "; " + Reference.pmapper)
    let keyAction = "iam:PassRole"

    func ways(into t: EscalationTarget, in env: EscalationEnvironment) -> [EscalationWay] {
        let job = env.anyNew("sagemaker", account: t.account.id, prefix: "training-job/")
        return env.passRole(t, to: "sagemaker.amazonaws.com", then: [EscalationNeed("sagemaker:CreateTrainingJob", job)])
    }
}
