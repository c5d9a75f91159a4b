/// autoscaling:CreateLaunchConfiguration with the role's instance profile, then CreateAutoScalingGroup: the group's instances run as the role (EC2 Auto Scaling us-iam-role.html).
struct AutoScalingLaunchConfiguration: EscalationRule {
    let technique = Technique(
        id: "autoscaling-launch-configuration", name: "iam:PassRole+autoscaling:CreateLaunchConfiguration+autoscaling:CreateAutoScalingGroup", kind: .actAs,
        reference: Reference.aws("EC2 Auto Scaling User Guide, us-iam-role.html") + "; " + Reference.rhino + "; " + Reference.pmapper)
    let keyAction = "iam:PassRole"

    func ways(into t: EscalationTarget, in env: EscalationEnvironment) -> [EscalationWay] {
        guard let profile = t.role?.instanceProfileArns.first else { return [] }
        let configuration = env.anyNew("autoscaling", account: t.account.id, prefix: "launchConfiguration:")
        let group = env.anyNew("autoscaling", account: t.account.id, prefix: "autoScalingGroup:")
        return env.passRole(
            t, to: "ec2.amazonaws.com",
            then: [EscalationNeed("autoscaling:CreateLaunchConfiguration", configuration), EscalationNeed("autoscaling:CreateAutoScalingGroup", group)],
            via: profile)
    }
}
