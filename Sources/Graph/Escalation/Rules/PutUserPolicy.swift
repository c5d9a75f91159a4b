/// iam:PutUserPolicy on itself: a user writes an inline policy allowing anything into its own policies (IAM API_PutUserPolicy.html).
struct PutUserPolicy: EscalationRule {
    let technique = Technique(
        id: "iam-put-user-policy", name: "iam:PutUserPolicy", kind: .selfGrant,
        reference: Reference.aws("IAM API Reference, API_PutUserPolicy.html") + "; " + Reference.rhino + "; " + Reference.pmapper)
    let keyAction = "iam:PutUserPolicy"

    func ways(into t: EscalationTarget, in env: EscalationEnvironment) -> [EscalationWay] {
        guard t.user != nil, let me = env.resource(t.arn) else { return [] }
        return [EscalationWay(needs: [EscalationNeed(keyAction, me)], grant: .anything)]
    }
}
