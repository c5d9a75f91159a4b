/// iam:CreatePolicyVersion on a customer managed policy the principal has (attached to it or to
/// one of its groups), with `--set-as-default`: the new version allows anything (IAM
/// API_CreatePolicyVersion.html; a policy holding five versions also needs iam:DeletePolicyVersion,
/// not checked). AWS managed policies cannot be changed (the evaluator denies it).
struct CreatePolicyVersion: EscalationRule {
    let technique = Technique(
        id: "iam-create-policy-version", name: "iam:CreatePolicyVersion", kind: .selfGrant,
        reference: Reference.aws("IAM API Reference, API_CreatePolicyVersion.html") + "; " + Reference.rhino + "; " + Reference.pmapper)
    let keyAction = "iam:CreatePolicyVersion"

    func ways(into t: EscalationTarget, in env: EscalationEnvironment) -> [EscalationWay] {
        env.customerManagedPolicies(of: t).compactMap { p in
            env.resource(p.arn).map { EscalationWay(needs: [EscalationNeed(keyAction, $0)], via: p.arn, grant: .anything) }
        }
    }
}
