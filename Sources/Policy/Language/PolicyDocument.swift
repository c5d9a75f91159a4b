/// A parsed IAM policy document (identity, resource, trust, boundary, SCP or RCP).
public struct PolicyDocument: Sendable, Hashable {
    public var version: String?
    public var id: String?
    public var statements: [Statement]

    public init(version: String? = "2012-10-17", id: String? = nil, statements: [Statement]) {
        self.version = version
        self.id = id
        self.statements = statements
    }
}

/// A policy with the name it is reported under (a managed policy ARN, `user/NAME inline POLICY`, a file name).
public struct NamedPolicy: Sendable, Hashable {
    public var name: String
    public var document: PolicyDocument

    public init(name: String, document: PolicyDocument) {
        self.name = name
        self.document = document
    }
}
