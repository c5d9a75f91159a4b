/// cloudformation:CreateChangeSet then ExecuteChangeSet with the role as service role (CloudFormation using-cfn-updating-stacks-changesets.html).
struct CloudFormationChangeSet: EscalationRule {
    let technique = Technique(
        id: "cloudformation-change-set", name: "iam:PassRole+cloudformation:CreateChangeSet+cloudformation:ExecuteChangeSet", kind: .actAs,
        reference: Reference.aws("CloudFormation User Guide, using-iam-servicerole.html") + "; " + Reference.rhino + "; " + Reference.pmapper)
    let keyAction = "iam:PassRole"

    func ways(into t: EscalationTarget, in env: EscalationEnvironment) -> [EscalationWay] {
        let stack = env.anyNew("cloudformation", account: t.account.id, prefix: "stack/")
        return env.passRole(t, to: "cloudformation.amazonaws.com", then: [EscalationNeed("cloudformation:CreateChangeSet", stack), EscalationNeed("cloudformation:ExecuteChangeSet", stack)])
    }
}
