/// A statement's `Effect`.
public enum Effect: String, Sendable, Hashable, Codable {
    case allow = "Allow"
    case deny = "Deny"
}
