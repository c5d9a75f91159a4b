/// Turns JSON into a `PolicyDocument`, following the grammar of
/// reference_policies_grammar.html: single values or arrays wherever the
/// grammar allows a list, `Statement` as one object or an array.
///
/// A shape that cannot be understood is an error (the whole document is
/// rejected: dropping one statement could drop a Deny). Parts that are
/// understood in part become warnings.
public struct PolicyParser: Sendable {
    /// Whether a `Principal` or `NotPrincipal` given as a bare ARN or account id string
    /// (`"Principal": "arn:aws:iam::111122223333:root"`) is read as `{"AWS": ...}` with a warning
    /// instead of refusing the policy. AWS accepts only `"*"` in that form
    /// (reference_policies_elements_principal.html), so stored policies never need it; policies
    /// a person wrote for `simulate` may.
    public var readsBareAWSPrincipals: Bool

    public init(readsBareAWSPrincipals: Bool = false) {
        self.readsBareAWSPrincipals = readsBareAWSPrincipals
    }

    /// The result of parsing: the document and what was only partly understood.
    public struct Output: Sendable {
        public var document: PolicyDocument
        public var warnings: [PolicyWarning]
    }

    /// Parses policy text (a JSON object).
    public func parse(text: String) throws(PolicyParseError) -> Output {
        let json: JSONValue
        do {
            json = try JSONParser.parse(text)
        } catch {
            throw PolicyParseError(path: .root, message: error.description)
        }
        return try parse(json: json)
    }

    /// Parses an already decoded policy object.
    public func parse(json: JSONValue) throws(PolicyParseError) -> Output {
        var warnings: [PolicyWarning] = []
        guard case .object(let object) = json else {
            throw PolicyParseError(path: .root, message: "a policy must be a JSON object, found \(json.typeName)")
        }
        let version = object["Version"]?.stringValue
        let id = object["Id"]?.stringValue
        let statementPath = JSONPath.root.appending("Statement")
        let rawStatements: [JSONValue]
        switch object["Statement"] {
        case .array(let a)?: rawStatements = a
        case .object?: rawStatements = [object["Statement"]!]
        case nil: throw PolicyParseError(path: .root, message: "the policy has no Statement")
        case let other?:
            throw PolicyParseError(path: statementPath, message: "Statement must be an object or an array, found \(other.typeName)")
        }
        var statements: [Statement] = []
        statements.reserveCapacity(rawStatements.count)
        let arrayForm = object["Statement"]?.arrayValue != nil
        for (i, raw) in rawStatements.enumerated() {
            let path = arrayForm ? statementPath.appending(i) : statementPath
            statements.append(try parseStatement(raw, index: i, path: path, warnings: &warnings))
        }
        return Output(document: PolicyDocument(version: version, id: id, statements: statements), warnings: warnings)
    }

    func parseStatement(
        _ json: JSONValue, index: Int, path: JSONPath, warnings: inout [PolicyWarning]
    ) throws(PolicyParseError) -> Statement {
        guard case .object(let o) = json else {
            throw PolicyParseError(path: path, message: "a statement must be an object, found \(json.typeName)")
        }
        let effect: Effect
        switch o["Effect"] {
        case .string("Allow")?: effect = .allow
        case .string("Deny")?: effect = .deny
        case nil: throw PolicyParseError(path: path, message: "the statement has no Effect")
        case let other?:
            throw PolicyParseError(path: path.appending("Effect"), message: "Effect must be \"Allow\" or \"Deny\", found \(describe(other))")
        }
        let sid = o["Sid"]?.scalarText

        let action: ActionClause
        switch (o["Action"], o["NotAction"]) {
        case (let a?, nil): action = .action(try strings(a, path: path.appending("Action")).map(ActionPattern.init))
        case (nil, let a?): action = .notAction(try strings(a, path: path.appending("NotAction")).map(ActionPattern.init))
        case (nil, nil): throw PolicyParseError(path: path, message: "the statement has neither Action nor NotAction")
        case (_?, _?): throw PolicyParseError(path: path, message: "the statement has both Action and NotAction")
        }

        var resource: ResourceClause?
        switch (o["Resource"], o["NotResource"]) {
        case (let r?, nil): resource = .resource(try strings(r, path: path.appending("Resource")).map(ARNPattern.init))
        case (nil, let r?): resource = .notResource(try strings(r, path: path.appending("NotResource")).map(ARNPattern.init))
        case (nil, nil): resource = nil
        case (_?, _?): throw PolicyParseError(path: path, message: "the statement has both Resource and NotResource")
        }

        var principal: PrincipalClause?
        switch (o["Principal"], o["NotPrincipal"]) {
        case (let p?, nil):
            principal = .principal(try principals(p, path: path.appending("Principal"), warnings: &warnings))
        case (nil, let p?):
            principal = .notPrincipal(try principals(p, path: path.appending("NotPrincipal"), warnings: &warnings))
        case (nil, nil): principal = nil
        case (_?, _?): throw PolicyParseError(path: path, message: "the statement has both Principal and NotPrincipal")
        }

        var conditions: [Condition] = []
        if let c = o["Condition"] {
            conditions = try parseConditions(c, path: path.appending("Condition"), warnings: &warnings)
        }
        return Statement(
            sid: sid, index: index, effect: effect, principal: principal, action: action, resource: resource,
            conditions: conditions)
    }

    func principals(
        _ json: JSONValue, path: JSONPath, warnings: inout [PolicyWarning]
    ) throws(PolicyParseError) -> [PrincipalPattern] {
        if case .string("*") = json { return [.anyone] }
        if readsBareAWSPrincipals, case .string(let s) = json, s.hasPrefix("arn:") || PrincipalPattern.normalizeAWS(s) != .aws(s) {
            warnings.append(PolicyWarning(
                path: path, message: "a principal must be \"*\" or an object; \"\(s)\" is read as {\"AWS\": \"\(s)\"}"))
            return [PrincipalPattern.normalizeAWS(s)]
        }
        guard case .object(let o) = json else {
            throw PolicyParseError(path: path, message: "a principal must be \"*\" or an object, found \(describe(json))")
        }
        var out: [PrincipalPattern] = []
        for member in o.members {
            let values = try strings(member.value, path: path.appending(member.key))
            switch member.key {
            case "AWS": out += values.map(PrincipalPattern.normalizeAWS)
            case "Service": out += values.map { $0 == "*" ? .anyone : .service($0) }
            case "Federated": out += values.map { .federated($0) }
            case "CanonicalUser": out += values.map { .canonicalUser($0) }
            default:
                warnings.append(PolicyWarning(
                    path: path.appending(member.key),
                    message: "unknown principal type \"\(member.key)\" (expected AWS, Service, Federated or CanonicalUser); ignored"))
            }
        }
        return out
    }

    func parseConditions(
        _ json: JSONValue, path: JSONPath, warnings: inout [PolicyWarning]
    ) throws(PolicyParseError) -> [Condition] {
        guard case .object(let block) = json else {
            throw PolicyParseError(path: path, message: "Condition must be an object, found \(json.typeName)")
        }
        var out: [Condition] = []
        for opMember in block.members {
            let op = ConditionOperator(opMember.key)
            let opPath = path.appending(opMember.key)
            if op.base == nil {
                warnings.append(PolicyWarning(
                    path: opPath, message: "unknown condition operator \"\(opMember.key)\"; the statement is treated as conditional"))
            }
            guard case .object(let keys) = opMember.value else {
                throw PolicyParseError(path: opPath, message: "a condition operator takes an object of keys, found \(opMember.value.typeName)")
            }
            for keyMember in keys.members {
                let values = try strings(keyMember.value, path: opPath.appending(keyMember.key), allowScalars: true)
                out.append(Condition(op: op, key: keyMember.key, values: values))
            }
        }
        return out
    }

    /// A string or an array of strings (condition values may also be numbers or booleans).
    func strings(_ json: JSONValue, path: JSONPath, allowScalars: Bool = false) throws(PolicyParseError) -> [String] {
        switch json {
        case .string(let s): return [s]
        case .number, .bool:
            if allowScalars, let t = json.scalarText { return [t] }
        case .array(let a):
            var out: [String] = []
            out.reserveCapacity(a.count)
            for (i, v) in a.enumerated() {
                if case .string(let s) = v {
                    out.append(s)
                } else if allowScalars, let t = v.scalarText {
                    out.append(t)
                } else {
                    throw PolicyParseError(path: path.appending(i), message: "expected a string, found \(v.typeName)")
                }
            }
            return out
        default: break
        }
        throw PolicyParseError(path: path, message: "expected a string or an array of strings, found \(json.typeName)")
    }

    func describe(_ v: JSONValue) -> String {
        if case .string(let s) = v { return "\"\(s)\"" }
        return v.typeName
    }
}
