/// ec2:RunInstances with an instance profile holding the role (iam:PassRole to ec2.amazonaws.com): code on the instance gets the role's credentials from the instance metadata (IAM id_roles_use_switch-role-ec2.html). A role without a profile also needs iam:CreateInstanceProfile and iam:AddRoleToInstanceProfile.
struct EC2RunInstances: EscalationRule {
    let technique = Technique(
        id: "ec2-run-instances", name: "iam:PassRole+ec2:RunInstances", kind: .actAs,
        reference: Reference.aws("IAM User Guide, id_roles_use_switch-role-ec2.html") + "; " + Reference.rhino + "; " + Reference.pmapper)
    let keyAction = "iam:PassRole"

    func ways(into t: EscalationTarget, in env: EscalationEnvironment) -> [EscalationWay] {
        guard let role = t.role else { return [] }
        let account = t.account.id
        let instance = EscalationNeed("ec2:RunInstances", env.anyNew("ec2", account: account, prefix: "instance/"))
        if let profile = role.instanceProfileArns.first {
            return env.passRole(t, to: "ec2.amazonaws.com", then: [instance], via: profile)
        }
        let profiles = env.anyNew("iam", account: account, prefix: "instance-profile/", regional: false)
        return env.passRole(
            t, to: "ec2.amazonaws.com",
            then: [instance, EscalationNeed("iam:CreateInstanceProfile", profiles), EscalationNeed("iam:AddRoleToInstanceProfile", profiles)])
    }
}
