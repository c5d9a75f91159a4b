/// lambda:UpdateFunctionCode on an existing function whose execution role is the target: the new code runs as the role when the function is next invoked (Lambda API_UpdateFunctionCode.html). No iam:PassRole is needed.
struct LambdaUpdateFunctionCode: EscalationRule {
    let technique = Technique(
        id: "lambda-update-function-code", name: "lambda:UpdateFunctionCode", kind: .actAs,
        reference: Reference.aws("Lambda API Reference, API_UpdateFunctionCode.html") + "; " + Reference.rhino + "; " + Reference.pmapper)
    let keyAction = "lambda:UpdateFunctionCode"

    func ways(into t: EscalationTarget, in env: EscalationEnvironment) -> [EscalationWay] {
        env.functionsByRole[t.arn, default: []].compactMap { f in
            env.resource(f.arn).map {
                EscalationWay(needs: [EscalationNeed(keyAction, $0)], via: f.arn, assumes: "the function is invoked after the change")
            }
        }
    }
}
