/// A parsed JSON value. Numbers keep their source text so that `1` and `1.0`
/// stay distinguishable and no precision is lost (policy condition values are
/// compared as text or parsed by the operator that needs them).
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
    /// A value left unparsed (`JSONParser.parse(_:deferring:)`): its bytes, parsed on demand.
    case deferred(JSONDeferred)

    /// The member `key` of an object, or nil.
    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// A short name of the value's JSON type, for error messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        case .deferred: "unparsed value"
        }
    }

    /// The value as condition text: strings as is, numbers by their source text,
    /// booleans as `true`/`false` (IAM compares condition values as strings).
    public var scalarText: String? {
        switch self {
        case .string(let s): s
        case .number(let n): n
        case .bool(let b): b ? "true" : "false"
        default: nil
        }
    }
}

/// A JSON object with its members in source order. Lookups scan linearly:
/// the objects of AWS outputs and policies are small.
public struct JSONObject: Sendable, Equatable {
    public var members: [Member]

    public struct Member: Sendable, Equatable {
        public var key: String
        public var value: JSONValue
        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    public init(_ members: [Member] = []) { self.members = members }

    /// The value of the first member named exactly `key`.
    public subscript(key: String) -> JSONValue? {
        for m in members where m.key == key { return m.value }
        return nil
    }

    public var keys: [String] { members.map(\.key) }
}

/// A value the parser skipped over (checked only for balanced brackets and strings): the
/// document's bytes and the value's place in them. `parse()` reads it when it is needed; its
/// errors give the line and column in the whole document.
public struct JSONDeferred: Sendable, Equatable {
    let source: [UInt8]
    let range: Range<Int>

    public func parse() throws(JSONSyntaxError) -> JSONValue {
        try JSONParser.parseValue(in: source, range: range)
    }
}
