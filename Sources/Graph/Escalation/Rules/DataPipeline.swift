/// datapipeline:CreatePipeline, PutPipelineDefinition with a shell command activity and the role, ActivatePipeline: the command runs as the role (Data Pipeline dp-iam-roles.html).
struct DataPipeline: EscalationRule {
    let technique = Technique(
        id: "datapipeline", name: "iam:PassRole+datapipeline:CreatePipeline+datapipeline:PutPipelineDefinition+datapipeline:ActivatePipeline", kind: .actAs,
        reference: Reference.aws("Data Pipeline Developer Guide, dp-iam-roles.html") + "; " + Reference.rhino + "; " + Reference.pmapper)
    let keyAction = "iam:PassRole"

    func ways(into t: EscalationTarget, in env: EscalationEnvironment) -> [EscalationWay] {
        let pipeline = env.anyNew("datapipeline", account: t.account.id, prefix: "pipeline/")
        return env.passRole(
            t, to: "datapipeline.amazonaws.com",
            then: [
                EscalationNeed("datapipeline:CreatePipeline", nil), EscalationNeed("datapipeline:PutPipelineDefinition", pipeline),
                EscalationNeed("datapipeline:ActivatePipeline", pipeline),
            ])
    }
}
