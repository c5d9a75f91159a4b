/// iam:PutRolePolicy on itself: a role's session writes an inline policy allowing anything into the role (IAM API_PutRolePolicy.html).
struct PutRolePolicy: EscalationRule {
    let technique = Technique(
        id: "iam-put-role-policy", name: "iam:PutRolePolicy", kind: .selfGrant,
        reference: Reference.aws("IAM API Reference, API_PutRolePolicy.html") + "; " + Reference.rhino + "; " + Reference.pmapper)
    let keyAction = "iam:PutRolePolicy"

    func ways(into t: EscalationTarget, in env: EscalationEnvironment) -> [EscalationWay] {
        guard t.role != nil, let me = env.resource(t.arn) else { return [] }
        return [EscalationWay(needs: [EscalationNeed(keyAction, me)], grant: .anything)]
    }
}
