/// lambda:CreateFunction with the role, then lambda:CreateEventSourceMapping: an event (a DynamoDB stream, a queue) invokes the code as the role (Lambda invocation-eventsourcemapping.html).
struct LambdaCreateEventSource: EscalationRule {
    let technique = Technique(
        id: "lambda-create-event-source", name: "iam:PassRole+lambda:CreateFunction+lambda:CreateEventSourceMapping", kind: .actAs,
        reference: Reference.aws("Lambda Developer Guide, invocation-eventsourcemapping.html") + "; " + Reference.rhino + "; " + Reference.pmapper)
    let keyAction = "iam:PassRole"

    func ways(into t: EscalationTarget, in env: EscalationEnvironment) -> [EscalationWay] {
        let function = env.anyNew("lambda", account: t.account.id, prefix: "function:")
        return env.passRole(
            t, to: "lambda.amazonaws.com",
            then: [EscalationNeed("lambda:CreateFunction", function), EscalationNeed("lambda:CreateEventSourceMapping", nil)],
            assumes: "an event source (stream or queue) the caller can feed exists")
    }
}
