/// ec2:AssociateIamInstanceProfile: the role's instance profile attached to a running instance the caller controls (EC2 API_AssociateIamInstanceProfile.html). Instances are not collected: an instance of the account is assumed.
struct EC2AssociateInstanceProfile: EscalationRule {
    let technique = Technique(
        id: "ec2-associate-instance-profile", name: "iam:PassRole+ec2:AssociateIamInstanceProfile", kind: .actAs,
        reference: Reference.aws("EC2 API Reference, API_AssociateIamInstanceProfile.html") + "; " + Reference.rhino + "; " + Reference.pmapper)
    let keyAction = "iam:PassRole"

    func ways(into t: EscalationTarget, in env: EscalationEnvironment) -> [EscalationWay] {
        guard let role = t.role, let profile = role.instanceProfileArns.first else { return [] }
        let instance = env.anyNew("ec2", account: t.account.id, prefix: "instance/")
        return env.passRole(
            t, to: "ec2.amazonaws.com", then: [EscalationNeed("ec2:AssociateIamInstanceProfile", instance)], via: profile,
            assumes: "an instance the caller can run code on exists in the account")
    }
}
