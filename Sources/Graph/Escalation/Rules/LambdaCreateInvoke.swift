/// lambda:CreateFunction with the role as execution role, then lambda:InvokeFunction: the code runs as the role (Lambda lambda-intro-execution-role.html).
struct LambdaCreateInvoke: EscalationRule {
    let technique = Technique(
        id: "lambda-create-invoke", name: "iam:PassRole+lambda:CreateFunction+lambda:InvokeFunction", kind: .actAs,
        reference: Reference.aws("Lambda Developer Guide, lambda-intro-execution-role.html") + "; " + Reference.rhino + "; " + Reference.pmapper)
    let keyAction = "iam:PassRole"

    func ways(into t: EscalationTarget, in env: EscalationEnvironment) -> [EscalationWay] {
        let function = env.anyNew("lambda", account: t.account.id, prefix: "function:")
        return env.passRole(
            t, to: "lambda.amazonaws.com",
            then: [EscalationNeed("lambda:CreateFunction", function), EscalationNeed("lambda:InvokeFunction", function)])
    }
}
