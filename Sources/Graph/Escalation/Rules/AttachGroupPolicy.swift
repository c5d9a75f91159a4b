/// iam:AttachGroupPolicy on a group the user is in: AdministratorAccess attached to the group reaches the user (IAM API_AttachGroupPolicy.html).
struct AttachGroupPolicy: EscalationRule {
    let technique = Technique(
        id: "iam-attach-group-policy", name: "iam:AttachGroupPolicy", kind: .selfGrant,
        reference: Reference.aws("IAM API Reference, API_AttachGroupPolicy.html") + "; " + Reference.rhino + "; " + Reference.pmapper)
    let keyAction = "iam:AttachGroupPolicy"

    func ways(into t: EscalationTarget, in env: EscalationEnvironment) -> [EscalationWay] {
        env.groups(of: t).compactMap { g in
            env.resource(g.arn).map { EscalationWay(needs: [EscalationNeed(keyAction, $0)], via: g.arn, grant: .anything, assumes: "a managed policy allowing everything (AdministratorAccess) may be attached") }
        }
    }
}
