/// iam:AttachRolePolicy on itself: a role's session attaches AdministratorAccess to the role (IAM API_AttachRolePolicy.html).
struct AttachRolePolicy: EscalationRule {
    let technique = Technique(
        id: "iam-attach-role-policy", name: "iam:AttachRolePolicy", kind: .selfGrant,
        reference: Reference.aws("IAM API Reference, API_AttachRolePolicy.html") + "; " + Reference.rhino + "; " + Reference.pmapper)
    let keyAction = "iam:AttachRolePolicy"

    func ways(into t: EscalationTarget, in env: EscalationEnvironment) -> [EscalationWay] {
        guard t.role != nil, let me = env.resource(t.arn) else { return [] }
        return [EscalationWay(needs: [EscalationNeed(keyAction, me)], grant: .anything, assumes: "a managed policy allowing everything (AdministratorAccess) may be attached")]
    }
}
