/// cloudformation:UpdateStack of an existing stack with the role as its service role (CloudFormation using-iam-servicerole.html). Stacks are not collected: a stack of the account is assumed.
struct CloudFormationUpdateStack: EscalationRule {
    let technique = Technique(
        id: "cloudformation-update-stack", name: "iam:PassRole+cloudformation:UpdateStack", kind: .actAs,
        reference: Reference.aws("CloudFormation User Guide, using-iam-servicerole.html") + "; " + Reference.rhino + "; " + Reference.pmapper)
    let keyAction = "iam:PassRole"

    func ways(into t: EscalationTarget, in env: EscalationEnvironment) -> [EscalationWay] {
        let stack = env.anyNew("cloudformation", account: t.account.id, prefix: "stack/")
        return env.passRole(t, to: "cloudformation.amazonaws.com", then: [EscalationNeed("cloudformation:UpdateStack", stack)], assumes: "a stack of the account exists")
    }
}
