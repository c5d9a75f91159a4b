/// iam:SetDefaultPolicyVersion on a customer managed policy the principal has: any of the
/// policy's other versions (from the snapshot's PolicyVersionList) becomes its permissions
/// (IAM API_SetDefaultPolicyVersion.html).
struct SetDefaultPolicyVersion: EscalationRule {
    let technique = Technique(
        id: "iam-set-default-policy-version", name: "iam:SetDefaultPolicyVersion", kind: .selfGrant,
        reference: Reference.aws("IAM API Reference, API_SetDefaultPolicyVersion.html") + "; " + Reference.rhino)
    let keyAction = "iam:SetDefaultPolicyVersion"

    func ways(into t: EscalationTarget, in env: EscalationEnvironment) -> [EscalationWay] {
        env.customerManagedPolicies(of: t).flatMap { p -> [EscalationWay] in
            guard let resource = env.resource(p.arn) else { return [] }
            return p.otherVersions.keys.sorted().map { version in
                EscalationWay(needs: [EscalationNeed(keyAction, resource)], via: p.arn, grant: .policyVersion(policy: p.arn, version: version))
            }
        }
    }
}
