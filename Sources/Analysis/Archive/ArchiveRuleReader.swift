import Foundation
import Yams

/// Reads one rule of an archive rules file from its YAML node, with line and column in every error.
struct ArchiveRuleReader {
    let file: String

    func rule(_ node: Node) throws(ArchiveRulesError) -> ArchiveRule {
        guard let mapping = node.mapping else {
            throw ArchiveRulesError(file: file, at: node.mark, message: "a rule must be a mapping with name, reason and filters")
        }
        let known = ["name", "reason"] + ArchiveRules.filterKeys
        for key in mapping.keys where !known.contains(key.string ?? "") {
            throw ArchiveRulesError(
                file: file, at: key.mark,
                message: "unknown key '\(key.string ?? "?")' (expected one of \(known.joined(separator: ", ")))")
        }
        let name = try scalar(mapping, "name", rule: node)
        let reason = try scalar(mapping, "reason", rule: node)
        var rule = ArchiveRule(name: name, reason: reason, line: node.mark?.line ?? 0)
        rule.resource = try strings(mapping, "resource")
        rule.resourceType = try strings(mapping, "resourceType")
        rule.principal = try strings(mapping, "principal")
        rule.account = try strings(mapping, "account")
        rule.action = try strings(mapping, "action")
        rule.condition = try strings(mapping, "condition")
        if let value = mapping["public"] {
            guard let flag = value.bool else {
                throw ArchiveRulesError(file: file, at: value.mark, message: "'public' must be true or false")
            }
            rule.isPublic = flag
        }
        if !ArchiveRules.filterKeys.contains(where: { mapping[$0] != nil }) {
            throw ArchiveRulesError(
                file: file, at: node.mark,
                message: "rule '\(name)' has no filter (give at least one of \(ArchiveRules.filterKeys.joined(separator: ", ")))")
        }
        return rule
    }

    /// A mandatory non-empty text value.
    func scalar(_ mapping: Node.Mapping, _ key: String, rule: Node) throws(ArchiveRulesError) -> String {
        guard let value = mapping[key] else {
            throw ArchiveRulesError(file: file, at: rule.mark, message: "the rule has no '\(key)' (name and reason are mandatory)")
        }
        guard let text = value.scalar?.string, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ArchiveRulesError(file: file, at: value.mark, message: "'\(key)' must be a non-empty text")
        }
        return text
    }

    /// A string or a non-empty list of strings.
    func strings(_ mapping: Node.Mapping, _ key: String) throws(ArchiveRulesError) -> [String]? {
        guard let value = mapping[key] else { return nil }
        if let s = value.scalar?.string, !s.isEmpty { return [s] }
        if let list = value.sequence, !list.isEmpty {
            var out: [String] = []
            for item in list {
                guard let s = item.scalar?.string, !s.isEmpty else {
                    throw ArchiveRulesError(file: file, at: item.mark, message: "'\(key)' items must be non-empty texts")
                }
                out.append(s)
            }
            return out
        }
        throw ArchiveRulesError(file: file, at: value.mark, message: "'\(key)' must be a text or a list of texts")
    }
}
