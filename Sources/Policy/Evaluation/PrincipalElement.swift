extension Statement {
    /// How the statement names `principal` in a policy of `type`:
    /// - identity-based policies, SCPs, permissions boundaries and session policies have no
    ///   Principal element: they apply to the caller (`(.yes, nil)`);
    /// - resource-based policies name their principals, and a statement without Principal or
    ///   NotPrincipal names nobody: "You must use the Principal element in resource-based
    ///   policies" (reference_policies_elements_principal.html), so it neither grants nor denies;
    /// - RCPs are written with `"Principal": "*"` (orgs_manage_policies_rcps_syntax.html); an RCP
    ///   statement without one is read as `*`, so a guardrail stays a guardrail.
    func principalMatch(_ principal: RequestPrincipal, in type: PolicyType) -> (Tri, PrincipalMatchClass?) {
        switch type {
        case .resource: return principalMatch(principal)
        case .rcp: return self.principal == nil ? (.yes, .anyone) : principalMatch(principal)
        case .identity, .scp, .permissionsBoundary, .session: return (.yes, nil)
        }
    }
}
