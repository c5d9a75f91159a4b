/// iam:UpdateLoginProfile on another user: resets its console password
/// (IAM id_credentials_passwords_admin-change-user.html; PMapper iam_edges).
struct UpdateLoginProfile: EscalationRule {
    let technique = Technique(
        id: "iam-update-login-profile", name: "iam:UpdateLoginProfile", kind: .actAs,
        reference: Reference.aws("IAM User Guide, id_credentials_passwords_admin-change-user.html") + "; " + Reference.rhino + "; " + Reference.pmapper)
    let keyAction = "iam:UpdateLoginProfile"

    func ways(into t: EscalationTarget, in env: EscalationEnvironment) -> [EscalationWay] {
        guard t.user != nil, let user = env.resource(t.arn) else { return [] }
        return [EscalationWay(needs: [EscalationNeed(keyAction, user)], assumes: "the user has a console password")]
    }
}
