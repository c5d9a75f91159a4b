import Foundation
import Policy

/// One policy document read for a policy check, with its file name, so that each statement can
/// be reported by `Sid` or index and its JSON path in the file.
public struct CheckedPolicy: Sendable {
    /// The file as named on the command line.
    public let file: String
    public let document: PolicyDocument
    /// What was understood only in part (an unknown condition operator...).
    public let warnings: [PolicyFileWarning]
    /// Whether `Statement` is an array (paths `$.Statement[i]`) or one object (`$.Statement`).
    let statementArray: Bool

    public init(file: String, document: PolicyDocument, warnings: [PolicyFileWarning] = [], statementArray: Bool = true) {
        self.file = file
        self.document = document
        self.warnings = warnings
        self.statementArray = statementArray
    }

    /// Reads a file holding one policy document (a JSON object with `Statement`).
    public static func read(_ file: String) throws(PolicyFileError) -> CheckedPolicy {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw PolicyFileError(file: file, path: nil, message: "cannot read the file (\(error.localizedDescription))")
        }
        return try parse(Array(data), file: file)
    }

    /// Parses the bytes of a policy file named `file`.
    public static func parse(_ bytes: [UInt8], file: String) throws(PolicyFileError) -> CheckedPolicy {
        var json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw PolicyFileError(file: file, path: nil, message: error.description)
        }
        guard case .object(var object) = json else {
            throw PolicyFileError(file: file, path: .root, message: "expected one policy document (a JSON object), found \(json.typeName)")
        }
        // The AWS CLI prints resource policies as {"Policy": "<document text>"}: read the document.
        if object["Statement"] == nil, case .string(let text)? = object["Policy"] {
            do {
                json = try JSONParser.parse(text)
            } catch {
                throw PolicyFileError(file: file, path: JSONPath.root.appending("Policy"), message: error.description)
            }
            object = json.objectValue ?? JSONObject()
        }
        let output: PolicyParser.Output
        do {
            output = try PolicyParser().parse(json: json)
        } catch {
            throw PolicyFileError(file: file, path: error.path, message: error.message)
        }
        return CheckedPolicy(
            file: file, document: output.document,
            warnings: output.warnings.map { PolicyFileWarning(file: file, path: $0.path, message: $0.message) },
            statementArray: object["Statement"]?.arrayValue != nil)
    }

    /// Where `statement` is in the file.
    public func reference(to statement: Statement) -> StatementReference {
        let base = JSONPath.root.appending("Statement")
        return StatementReference(
            file: file, sid: statement.sid, index: statement.index,
            path: statementArray ? base.appending(statement.index) : base)
    }
}

/// A statement as a check reports it: its file, `Sid` (when it has one), position and JSON path.
public struct StatementReference: Sendable, Hashable, Codable, CustomStringConvertible {
    public let file: String
    public let sid: String?
    public let index: Int
    /// The JSON path, e.g. `$.Statement[2]`.
    public let path: String

    public init(file: String, sid: String?, index: Int, path: JSONPath) {
        self.file = file
        self.sid = sid
        self.index = index
        self.path = path.description
    }

    public var description: String {
        let name = sid.map { $0.isEmpty ? "#\(index)" : "Sid \"\($0)\"" } ?? "#\(index)"
        return "\(file) \(path) (\(name))"
    }
}
