/// ecs:RegisterTaskDefinition with the role as task role, then ecs:RunTask (or ecs:StartTask): the container gets the role's credentials (ECS task-iam-roles.html). A cluster of the account is assumed.
struct ECSTask: EscalationRule {
    let technique = Technique(
        id: "ecs-task", name: "iam:PassRole+ecs:RegisterTaskDefinition+ecs:RunTask", kind: .actAs,
        reference: Reference.aws("ECS Developer Guide, task-iam-roles.html") + "; " + Reference.rhino + "; " + Reference.pmapper)
    let keyAction = "iam:PassRole"

    func ways(into t: EscalationTarget, in env: EscalationEnvironment) -> [EscalationWay] {
        let definition = env.anyNew("ecs", account: t.account.id, prefix: "task-definition/")
        let register = EscalationNeed("ecs:RegisterTaskDefinition", definition)
        let assumes = "a cluster of the account can run the task"
        return env.passRole(t, to: "ecs-tasks.amazonaws.com", then: [register, EscalationNeed("ecs:RunTask", definition)], assumes: assumes)
            + env.passRole(t, to: "ecs-tasks.amazonaws.com", then: [register, EscalationNeed("ecs:StartTask", definition)], assumes: assumes)
    }
}
