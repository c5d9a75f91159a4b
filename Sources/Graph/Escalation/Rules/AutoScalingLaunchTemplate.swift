/// ec2:CreateLaunchTemplate naming the role's instance profile, then autoscaling:CreateAutoScalingGroup from it: the group's instances run as the role (EC2 Auto Scaling us-iam-role.html).
struct AutoScalingLaunchTemplate: EscalationRule {
    let technique = Technique(
        id: "autoscaling-launch-template", name: "iam:PassRole+ec2:CreateLaunchTemplate+autoscaling:CreateAutoScalingGroup", kind: .actAs,
        reference: Reference.aws("EC2 Auto Scaling User Guide, us-iam-role.html") + "; " + Reference.rhino + "; " + Reference.pmapper)
    let keyAction = "iam:PassRole"

    func ways(into t: EscalationTarget, in env: EscalationEnvironment) -> [EscalationWay] {
        guard let profile = t.role?.instanceProfileArns.first else { return [] }
        let template = env.anyNew("ec2", account: t.account.id, prefix: "launch-template/")
        let group = env.anyNew("autoscaling", account: t.account.id, prefix: "autoScalingGroup:")
        return env.passRole(
            t, to: "ec2.amazonaws.com",
            then: [EscalationNeed("ec2:CreateLaunchTemplate", template), EscalationNeed("autoscaling:CreateAutoScalingGroup", group)],
            via: profile)
    }
}
