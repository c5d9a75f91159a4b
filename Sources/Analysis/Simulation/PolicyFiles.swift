import Foundation
import Policy

/// A policy file that cannot be read or understood: names the file and, for a
/// policy that does not parse, the JSON path of the problem.
public struct PolicyFileError: Error, Sendable, CustomStringConvertible {
    public var file: String
    /// Where in the file; nil when the file cannot be read at all.
    public var path: JSONPath?
    public var message: String

    public init(file: String, path: JSONPath?, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    public var description: String {
        if let path { return "\(file): \(path): \(message)" }
        return "\(file): \(message)"
    }
}

/// Something in a policy file that was understood only in part (an unknown principal type or
/// condition operator, a bare ARN as a principal): names the file and the JSON path.
public struct PolicyFileWarning: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var path: JSONPath
    public var message: String

    public init(file: String, path: JSONPath, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    public var description: String { "\(file): \(path): \(message)" }
}

/// Reads policy files: one policy document (a JSON object) or a JSON array of documents.
/// A single document is named after the file; the documents of an array are
/// named `FILE[i]`. Policies written by hand are read leniently where the intent is clear: a
/// bare ARN or account id as `Principal` is read as `{"AWS": ...}`, with a warning.
public enum PolicyFiles {
    public static func read(_ file: String) throws(PolicyFileError) -> [NamedPolicy] {
        var warnings: [PolicyFileWarning] = []
        return try read(file, warnings: &warnings)
    }

    /// Reads a policy file, adding to `warnings` what was understood only in part.
    public static func read(_ file: String, warnings: inout [PolicyFileWarning]) throws(PolicyFileError) -> [NamedPolicy] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw PolicyFileError(file: file, path: nil, message: "cannot read the file (\(reason(error)))")
        }
        return try parse(Array(data), file: file, warnings: &warnings)
    }

    /// Parses the bytes of a policy file named `file`.
    public static func parse(_ bytes: [UInt8], file: String) throws(PolicyFileError) -> [NamedPolicy] {
        var warnings: [PolicyFileWarning] = []
        return try parse(bytes, file: file, warnings: &warnings)
    }

    /// Parses the bytes of a policy file named `file`, adding its warnings to `warnings`.
    public static func parse(_ bytes: [UInt8], file: String, warnings: inout [PolicyFileWarning]) throws(PolicyFileError) -> [NamedPolicy] {
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw PolicyFileError(file: file, path: nil, message: error.description)
        }
        return try parse(json: json, file: file, warnings: &warnings)
    }

    /// Parses an already decoded file: an object or an array of objects.
    public static func parse(json: JSONValue, file: String) throws(PolicyFileError) -> [NamedPolicy] {
        var warnings: [PolicyFileWarning] = []
        return try parse(json: json, file: file, warnings: &warnings)
    }

    /// Parses an already decoded file, adding its warnings (with the file and JSON path) to `warnings`.
    public static func parse(json: JSONValue, file: String, warnings: inout [PolicyFileWarning]) throws(PolicyFileError) -> [NamedPolicy] {
        let parser = PolicyParser(readsBareAWSPrincipals: true)
        func document(_ item: JSONValue, at prefix: JSONPath) throws(PolicyParseError) -> PolicyDocument {
            let out = try parser.parse(json: item)
            warnings += out.warnings.map { PolicyFileWarning(file: file, path: prefix.appending($0.path), message: $0.message) }
            return out.document
        }
        switch json {
        case .array(let items):
            var out: [NamedPolicy] = []
            for (i, item) in items.enumerated() {
                let prefix = JSONPath([.index(i)])
                do {
                    out.append(NamedPolicy(name: "\(file)[\(i)]", document: try document(item, at: prefix)))
                } catch {
                    throw PolicyFileError(file: file, path: prefix.appending(error.path), message: error.message)
                }
            }
            return out
        default:
            do {
                return [NamedPolicy(name: file, document: try document(json, at: .root))]
            } catch {
                throw PolicyFileError(file: file, path: error.path, message: error.message)
            }
        }
    }

    /// Reads a file that must hold exactly one policy (a resource policy).
    public static func readOne(_ file: String) throws(PolicyFileError) -> NamedPolicy {
        var warnings: [PolicyFileWarning] = []
        return try readOne(file, warnings: &warnings)
    }

    /// The same, adding the file's warnings to `warnings`.
    public static func readOne(_ file: String, warnings: inout [PolicyFileWarning]) throws(PolicyFileError) -> NamedPolicy {
        let policies = try read(file, warnings: &warnings)
        guard policies.count == 1 else {
            throw PolicyFileError(
                file: file, path: .root, message: "a resource has one policy: expected one document, found \(policies.count)")
        }
        return policies[0]
    }

    static func reason(_ error: any Error) -> String {
        let e = error as NSError
        if e.domain == NSCocoaErrorDomain && (e.code == NSFileReadNoSuchFileError || e.code == 260) { return "no such file" }
        return e.localizedDescription
    }
}
