/// One argument of a command template: fixed text, or a value known only while collecting.
public enum CommandArgument: Sendable, Hashable, ExpressibleByStringLiteral {
    /// Fixed text, e.g. `"--key-id"`.
    case literal(String)
    /// The n-th value the list query returned for the resource, e.g. a key id.
    case field(Int)
    /// The id of the account being collected.
    case accountID
    /// Text with placeholders: `{account}`, `{region}`, `{partition}` and `{0}`, `{1}`, ... for the
    /// listed values, e.g. `arn:{partition}:dynamodb:{region}:{account}:table/{0}` (a command that
    /// wants an ARN where the listing gives a name).
    case format(String)

    /// A literal argument.
    public init(stringLiteral value: String) {
        self = .literal(value)
    }

    /// The argument's text for one resource, or nil when the listing had no such field.
    func resolve(fields: [String], account: String, region: String? = nil) -> String? {
        switch self {
        case .literal(let text): text
        case .field(let index): fields.indices.contains(index) && !fields[index].isEmpty ? fields[index] : nil
        case .accountID: account
        case .format(let text): Self.format(text, fields: fields, account: account, region: region)
        }
    }

    private static func format(_ text: String, fields: [String], account: String, region: String?) -> String? {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { return nil }
            let name = rest[rest.index(after: open)..<close]
            switch name {
            case "account": out += account
            case "region":
                guard let region else { return nil }
                out += region
            case "partition":
                out += region.map { $0.hasPrefix("cn-") ? "aws-cn" : $0.hasPrefix("us-gov-") ? "aws-us-gov" : "aws" } ?? "aws"
            default:
                guard let index = Int(name), fields.indices.contains(index), !fields[index].isEmpty else { return nil }
                out += fields[index]
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
