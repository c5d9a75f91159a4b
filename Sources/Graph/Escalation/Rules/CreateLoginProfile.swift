/// iam:CreateLoginProfile on another user: a console password chosen by the caller
/// (IAM id_credentials_passwords_admin-change-user.html; PMapper iam_edges).
struct CreateLoginProfile: EscalationRule {
    let technique = Technique(
        id: "iam-create-login-profile", name: "iam:CreateLoginProfile", kind: .actAs,
        reference: Reference.aws("IAM User Guide, id_credentials_passwords_admin-change-user.html") + "; " + Reference.rhino + "; " + Reference.pmapper)
    let keyAction = "iam:CreateLoginProfile"

    func ways(into t: EscalationTarget, in env: EscalationEnvironment) -> [EscalationWay] {
        guard t.user != nil, let user = env.resource(t.arn) else { return [] }
        return [EscalationWay(needs: [EscalationNeed(keyAction, user)], assumes: "the user has no console password yet")]
    }
}
