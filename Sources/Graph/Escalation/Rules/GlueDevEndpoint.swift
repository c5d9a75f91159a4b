/// glue:CreateDevEndpoint with the role: the caller logs in to the endpoint over SSH and uses the role's credentials (Glue dev-endpoint.html).
struct GlueDevEndpoint: EscalationRule {
    let technique = Technique(
        id: "glue-dev-endpoint", name: "iam:PassRole+glue:CreateDevEndpoint", kind: .actAs,
        reference: Reference.aws("Glue Developer Guide, dev-endpoint.html") + "; " + Reference.rhino + "; " + Reference.pmapper)
    let keyAction = "iam:PassRole"

    func ways(into t: EscalationTarget, in env: EscalationEnvironment) -> [EscalationWay] {
        env.passRole(t, to: "glue.amazonaws.com", then: [EscalationNeed("glue:CreateDevEndpoint", nil)])
    }
}
