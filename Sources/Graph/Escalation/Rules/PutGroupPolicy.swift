/// iam:PutGroupPolicy on a group the user is in: an inline policy allowing anything reaches the user through the group (IAM API_PutGroupPolicy.html).
struct PutGroupPolicy: EscalationRule {
    let technique = Technique(
        id: "iam-put-group-policy", name: "iam:PutGroupPolicy", kind: .selfGrant,
        reference: Reference.aws("IAM API Reference, API_PutGroupPolicy.html") + "; " + Reference.rhino + "; " + Reference.pmapper)
    let keyAction = "iam:PutGroupPolicy"

    func ways(into t: EscalationTarget, in env: EscalationEnvironment) -> [EscalationWay] {
        env.groups(of: t).compactMap { g in
            env.resource(g.arn).map { EscalationWay(needs: [EscalationNeed(keyAction, $0)], via: g.arn, grant: .anything) }
        }
    }
}
