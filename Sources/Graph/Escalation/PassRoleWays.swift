extension EscalationEnvironment {
    /// The way of a technique that passes the target role to `service`: iam:PassRole on the role
    /// (`iam:PassedToService` = the service), then `needs`, and the role's trust letting the
    /// service in (id_roles_use_passrole.html). Service-linked roles are left out.
    public func passRole(
        _ t: EscalationTarget, to service: String, then needs: [EscalationNeed], via: String? = nil, assumes: String? = nil
    ) -> [EscalationWay] {
        guard let role = t.role, !role.isServiceLinked else { return [] }
        return [EscalationWay(needs: [t.resource.map { .passRole($0, to: service) } ?? .passRole(t.arn, to: service)] + needs, trustedService: service, via: via, assumes: assumes)]
    }
}
