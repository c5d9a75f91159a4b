/// What taking an escalation step gives its source.
public enum EscalationKind: String, Sendable, Hashable, Codable {
    /// The source can act as the target principal (get its credentials, run code as it).
    case actAs
    /// The source can change its own identity-side permissions (a new policy, a group, a policy version).
    case selfGrant
}

/// One privilege-escalation technique: what it is called, what it gives and where it is documented.
public struct Technique: Sendable, Hashable, Codable {
    /// A stable identifier, e.g. `iam-create-access-key`.
    public let id: String
    /// The actions it uses, as people name the technique, e.g. `iam:PassRole+lambda:CreateFunction+lambda:InvokeFunction`.
    public let name: String
    public let kind: EscalationKind
    /// The AWS documentation page or public research that describes it.
    public let reference: String

    public init(id: String, name: String, kind: EscalationKind, reference: String) {
        self.id = id
        self.name = name
        self.kind = kind
        self.reference = reference
    }
}
