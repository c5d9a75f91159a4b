/// A plain text table with left-aligned columns.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []

    func render() -> String {
        var widths = header.map(\.count)
        for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in i == cells.count - 1 ? c : c.padding(widths[i]) }.joined(separator: "  ")
        }
        return ([line(header), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line)).joined(separator: "\n")
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}

/// Short forms for text output.
enum Short {
    /// Actions listed, or "N actions (first, ...)" when many.
    static func actions(_ a: [String], max: Int = 4) -> String {
        a.count <= max ? a.joined(separator: ", ") : "\(a.count) actions (\(a.prefix(max).joined(separator: ", ")), ...)"
    }

    static func conditions(_ c: [String: [String: [String]]]) -> String {
        c.keys.sorted().flatMap { op in c[op]!.keys.sorted().map { k in "\(op) \(k)=\(c[op]![k]!.joined(separator: "|"))" } }
            .joined(separator: "; ")
    }

    /// The conditions an access holds under, then "unless" the undecided Deny conditions; "-" when none.
    static func conditions(_ c: [String: [String: [String]]], deniedWhen d: [String: [String: [String]]]) -> String {
        if c.isEmpty && d.isEmpty { return "-" }
        if d.isEmpty { return conditions(c) }
        return (c.isEmpty ? "" : conditions(c) + " ") + "unless " + conditions(d)
    }

    static func path(_ p: [String]) -> String { p.map(name).joined(separator: " -> ") }

    /// An ARN's readable tail: `role/AnalyticsRole`, `s3:::bucket` becomes the bucket name.
    static func name(_ id: String) -> String {
        let parts = id.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6 else { return id }
        if parts[5] == "root" { return "account \(parts[4])" }
        return parts[2] == "s3" ? String(parts[5]) : String(parts[5])
    }
}
