/// cloudformation:CreateStack with the role as the stack's service role: the template's resources are created as the role (CloudFormation using-iam-servicerole.html).
struct CloudFormationCreateStack: EscalationRule {
    let technique = Technique(
        id: "cloudformation-create-stack", name: "iam:PassRole+cloudformation:CreateStack", kind: .actAs,
        reference: Reference.aws("CloudFormation User Guide, using-iam-servicerole.html") + "; " + Reference.rhino + "; " + Reference.pmapper)
    let keyAction = "iam:PassRole"

    func ways(into t: EscalationTarget, in env: EscalationEnvironment) -> [EscalationWay] {
        let stack = env.anyNew("cloudformation", account: t.account.id, prefix: "stack/")
        return env.passRole(t, to: "cloudformation.amazonaws.com", then: [EscalationNeed("cloudformation:CreateStack", stack)])
    }
}
