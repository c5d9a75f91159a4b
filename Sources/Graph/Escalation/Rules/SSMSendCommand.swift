import Policy

/// ssm:SendCommand (AWS-RunShellScript) to an instance running with the role's instance profile: the command runs with the role's credentials (Systems Manager run-command.html). Instances are not collected: a managed instance with the profile is assumed.
struct SSMSendCommand: EscalationRule {
    let technique = Technique(
        id: "ssm-send-command", name: "ssm:SendCommand", kind: .actAs,
        reference: Reference.aws("Systems Manager User Guide, run-command.html") + "; " + Reference.pmapper)
    let keyAction = "ssm:SendCommand"

    func ways(into t: EscalationTarget, in env: EscalationEnvironment) -> [EscalationWay] {
        guard let role = t.role, !role.isServiceLinked, let profile = role.instanceProfileArns.first else { return [] }
        let instance = env.anyNew("ec2", account: t.account.id, prefix: "instance/")
        return [
            EscalationWay(
                needs: [EscalationNeed("ssm:SendCommand", instance), EscalationNeed("ssm:SendCommand", RequestResource("arn:aws:ssm:\(env.region(of: t.account.id))::document/AWS-RunShellScript"))], trustedService: "ec2.amazonaws.com", via: profile,
                assumes: "an instance running with the profile is managed by Systems Manager")
        ]
    }
}
