/// glue:CreateJob with the role, then glue:StartJobRun (or glue:CreateTrigger): the job's script runs as the role (Glue create-an-iam-role.html).
struct GlueJob: EscalationRule {
    let technique = Technique(
        id: "glue-job", name: "iam:PassRole+glue:CreateJob+glue:StartJobRun", kind: .actAs,
        reference: Reference.aws("Glue Developer Guide, create-an-iam-role.html") + "; " + Reference.rhino + "; " + Reference.pmapper)
    let keyAction = "iam:PassRole"

    func ways(into t: EscalationTarget, in env: EscalationEnvironment) -> [EscalationWay] {
        let job = env.anyNew("glue", account: t.account.id, prefix: "job/")
        let trigger = env.anyNew("glue", account: t.account.id, prefix: "trigger/")
        return env.passRole(t, to: "glue.amazonaws.com", then: [EscalationNeed("glue:CreateJob", job), EscalationNeed("glue:StartJobRun", job)])
            + env.passRole(t, to: "glue.amazonaws.com", then: [EscalationNeed("glue:CreateJob", job), EscalationNeed("glue:CreateTrigger", trigger)])
    }
}
