import Analysis

/// The text form of a policy check's result: the verdict and summary, then one block per problem.
enum CheckText {
    static func render(_ result: PolicyCheckResult) -> String {
        var lines = ["\(result.verdict) \(result.check): \(result.summary)"]
        for p in result.problems {
            lines.append("  \(p.statement)")
            lines.append("    \(p.message)")
            for r in p.related { lines.append("    see \(r)") }
        }
        return lines.joined(separator: "\n")
    }
}
