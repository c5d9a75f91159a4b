/// iam:UpdateAssumeRolePolicy on a role: the caller rewrites the trust policy to name itself, and a
/// same-account trust naming the caller's ARN needs no identity grant to assume
/// (IAM roles-managingrole-editing-cli.html, id_roles_compare-resource-policies.html; PMapper iam_edges).
struct UpdateAssumeRolePolicy: EscalationRule {
    let technique = Technique(
        id: "iam-update-assume-role-policy", name: "iam:UpdateAssumeRolePolicy", kind: .actAs,
        reference: Reference.aws("IAM User Guide, id_roles_update-role-trust-policy.html") + "; " + Reference.rhino + "; " + Reference.pmapper)
    let keyAction = "iam:UpdateAssumeRolePolicy"

    func ways(into t: EscalationTarget, in env: EscalationEnvironment) -> [EscalationWay] {
        guard t.role != nil, let role = env.resource(t.arn) else { return [] }
        return [EscalationWay(needs: [EscalationNeed(keyAction, role)])]
    }
}
