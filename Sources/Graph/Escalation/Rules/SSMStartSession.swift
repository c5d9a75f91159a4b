/// ssm:StartSession on an instance running with the role's instance profile: a shell with the role's credentials (Systems Manager session-manager.html). Instances are not collected: a managed instance with the profile is assumed.
struct SSMStartSession: EscalationRule {
    let technique = Technique(
        id: "ssm-start-session", name: "ssm:StartSession", kind: .actAs,
        reference: Reference.aws("Systems Manager User Guide, session-manager.html") + "; " + Reference.pmapper)
    let keyAction = "ssm:StartSession"

    func ways(into t: EscalationTarget, in env: EscalationEnvironment) -> [EscalationWay] {
        guard let role = t.role, !role.isServiceLinked, let profile = role.instanceProfileArns.first else { return [] }
        let instance = env.anyNew("ec2", account: t.account.id, prefix: "instance/")
        return [
            EscalationWay(
                needs: [EscalationNeed("ssm:StartSession", instance)], trustedService: "ec2.amazonaws.com", via: profile,
                assumes: "an instance running with the profile is managed by Systems Manager")
        ]
    }
}
