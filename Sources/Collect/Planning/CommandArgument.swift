/// One argument of a command template: fixed text, or a value known only while collecting.
public enum CommandArgument: Sendable, Hashable, ExpressibleByStringLiteral {
    /// Fixed text, e.g. `"--key-id"`.
    case literal(String)
    /// The n-th value the list query returned for the resource, e.g. a key id.
    case field(Int)
    /// The id of the account being collected.
    case accountID

    /// A literal argument.
    public init(stringLiteral value: String) {
        self = .literal(value)
    }

    /// The argument's text for one resource, or nil when the listing had no such field.
    func resolve(fields: [String], account: String) -> String? {
        switch self {
        case .literal(let text): text
        case .field(let index): fields.indices.contains(index) && !fields[index].isEmpty ? fields[index] : nil
        case .accountID: account
        }
    }
}
