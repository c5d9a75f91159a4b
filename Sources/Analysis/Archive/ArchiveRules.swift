import Foundation
import Yams

/// A file of archive rules (YAML, read with Yams):
///
/// ```yaml
/// rules:
///   - name: accepted-public-assets
///     reason: the public website bucket
///     resource: arn:aws:s3:::acme-public-assets
/// ```
///
/// Keys of a rule: `name` and `reason` (mandatory), and at least one filter of `resource`,
/// `resourceType`, `principal`, `account`, `action`, `condition` (each a string or a list of
/// strings) and `public` (true or false). Anything else is an error naming its line and column.
public struct ArchiveRules: Sendable, Hashable {
    public var rules: [ArchiveRule]

    public init(rules: [ArchiveRule]) { self.rules = rules }

    static let filterKeys = ["resource", "resourceType", "principal", "account", "action", "condition", "public"]

    /// Reads a rules file.
    public static func read(_ file: String) throws(ArchiveRulesError) -> ArchiveRules {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ArchiveRulesError(file: file, line: nil, column: nil, message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ArchiveRulesError(file: file, line: nil, column: nil, message: "the file is not UTF-8 text")
        }
        return try parse(text, file: file)
    }

    /// Parses the text of a rules file named `file`.
    public static func parse(_ text: String, file: String) throws(ArchiveRulesError) -> ArchiveRules {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw syntaxError(error, file: file)
        } catch {
            throw ArchiveRulesError(file: file, line: nil, column: nil, message: "\(error)")
        }
        guard let root, let mapping = root.mapping else {
            throw ArchiveRulesError(file: file, at: root?.mark, message: "expected a mapping with a 'rules' list")
        }
        for key in mapping.keys where key.string != "rules" {
            throw ArchiveRulesError(file: file, at: key.mark, message: "unknown key '\(key.string ?? "?")' (expected 'rules')")
        }
        guard let list = mapping["rules"] else {
            throw ArchiveRulesError(file: file, at: root.mark, message: "missing 'rules'")
        }
        guard let sequence = list.sequence else {
            throw ArchiveRulesError(file: file, at: list.mark, message: "'rules' must be a list of rules")
        }
        var rules: [ArchiveRule] = []
        for node in sequence {
            let rule = try ArchiveRuleReader(file: file).rule(node)
            if rules.contains(where: { $0.name == rule.name }) {
                throw ArchiveRulesError(file: file, at: node.mark, message: "a second rule named '\(rule.name)'")
            }
            rules.append(rule)
        }
        return ArchiveRules(rules: rules)
    }

    static func syntaxError(_ error: YamlError, file: String) -> ArchiveRulesError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let text = [context.map { "\($0.text)" }, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return ArchiveRulesError(file: file, line: mark.line, column: mark.column, message: "YAML syntax: \(text)")
        default:
            return ArchiveRulesError(file: file, line: nil, column: nil, message: "YAML: \(error)")
        }
    }

    /// The first rule matching a finding, if any.
    public func rule(for f: Finding, account: String?) -> ArchiveRule? { rules.first { $0.matches(f, account: account) } }

    /// The first rule matching an entry point, if any.
    public func rule(for e: EntryPoint, account: String?) -> ArchiveRule? { rules.first { $0.matches(e, account: account) } }
}

/// A rules file that cannot be used: the file, the line and column (1-based) when known, and why.
public struct ArchiveRulesError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int?, column: Int?, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    init(file: String, at mark: Mark?, message: String) {
        self.init(file: file, line: mark?.line, column: mark?.column, message: message)
    }

    public var description: String {
        guard let line else { return "\(file): \(message)" }
        return "\(file):\(line):\(column ?? 1): \(message)"
    }
}
