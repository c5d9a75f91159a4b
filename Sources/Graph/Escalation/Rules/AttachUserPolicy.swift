/// iam:AttachUserPolicy on itself: a user attaches AdministratorAccess (or any managed policy) to itself (IAM API_AttachUserPolicy.html).
struct AttachUserPolicy: EscalationRule {
    let technique = Technique(
        id: "iam-attach-user-policy", name: "iam:AttachUserPolicy", kind: .selfGrant,
        reference: Reference.aws("IAM API Reference, API_AttachUserPolicy.html") + "; " + Reference.rhino + "; " + Reference.pmapper)
    let keyAction = "iam:AttachUserPolicy"

    func ways(into t: EscalationTarget, in env: EscalationEnvironment) -> [EscalationWay] {
        guard t.user != nil, let me = env.resource(t.arn) else { return [] }
        return [EscalationWay(needs: [EscalationNeed(keyAction, me)], grant: .anything, assumes: "a managed policy allowing everything (AdministratorAccess) may be attached")]
    }
}
