/// The registry of escalation techniques: every rule, in the order docs/escalation.md lists them.
public enum EscalationRules {
    /// Every rule.
    public static let all: [any EscalationRule] = [
        // IAM: another principal's credentials or trust.
        CreateAccessKey(), CreateLoginProfile(), UpdateLoginProfile(), UpdateAssumeRolePolicy(),
        // IAM: widening its own permissions.
        PutUserPolicy(), PutGroupPolicy(), PutRolePolicy(), AttachUserPolicy(), AttachGroupPolicy(), AttachRolePolicy(),
        CreatePolicyVersion(), SetDefaultPolicyVersion(), AddUserToGroup(),
        // iam:PassRole to a service that runs the caller's code as the role.
        EC2RunInstances(), EC2AssociateInstanceProfile(), LambdaCreateInvoke(), LambdaCreateEventSource(), LambdaUpdateFunctionCode(),
        CloudFormationCreateStack(), CloudFormationUpdateStack(), CloudFormationChangeSet(), GlueDevEndpoint(), GlueJob(),
        SageMakerNotebook(), SageMakerTrainingJob(), SageMakerProcessingJob(), CodeBuildProject(), ECSTask(), DataPipeline(),
        AutoScalingLaunchConfiguration(), AutoScalingLaunchTemplate(),
        // Commands on an instance that runs with a role's profile.
        SSMSendCommand(), SSMStartSession(),
    ]

    /// The rules without the one whose technique is `id` (tests check each rule is needed).
    public static func all(except id: String) -> [any EscalationRule] { all.filter { $0.technique.id != id } }
}
