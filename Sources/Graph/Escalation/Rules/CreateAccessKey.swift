/// iam:CreateAccessKey on another user: new long-term keys act as that user
/// (IAM id_credentials_access-keys.html; PMapper iam_edges).
struct CreateAccessKey: EscalationRule {
    let technique = Technique(
        id: "iam-create-access-key", name: "iam:CreateAccessKey", kind: .actAs,
        reference: Reference.aws("IAM User Guide, id_credentials_access-keys.html") + "; " + Reference.rhino + "; " + Reference.pmapper)
    let keyAction = "iam:CreateAccessKey"

    func ways(into t: EscalationTarget, in env: EscalationEnvironment) -> [EscalationWay] {
        guard t.user != nil, let user = env.resource(t.arn) else { return [] }
        return [EscalationWay(needs: [EscalationNeed(keyAction, user)], assumes: "the user has fewer than two access keys")]
    }
}
