/// iam:AddUserToGroup on a group of the user's account it is not in: the user adds itself and
/// gains the group's policies (IAM API_AddUserToGroup.html). Adding another user the caller can
/// act as is not followed.
struct AddUserToGroup: EscalationRule {
    let technique = Technique(
        id: "iam-add-user-to-group", name: "iam:AddUserToGroup", kind: .selfGrant,
        reference: Reference.aws("IAM API Reference, API_AddUserToGroup.html") + "; " + Reference.rhino)
    let keyAction = "iam:AddUserToGroup"

    func ways(into t: EscalationTarget, in env: EscalationEnvironment) -> [EscalationWay] {
        guard let user = t.user else { return [] }
        return t.account.groups.filter { !user.groupNames.contains($0.name) }.compactMap { g in
            env.resource(g.arn).map { EscalationWay(needs: [EscalationNeed(keyAction, $0)], via: g.arn, grant: .group(g.arn)) }
        }
    }
}
