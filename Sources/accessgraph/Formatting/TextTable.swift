/// A plain text table with left-aligned columns that fits a terminal's width: when the natural
/// widths are too wide, the widest columns shrink first and cells cut short end in `…`. Rows
/// never wrap.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []
    /// The widest a line may be, in characters.
    var maxWidth = TextTable.defaultWidth

    /// The width text output fits unless told otherwise: 120 columns.
    static let defaultWidth = 120
    /// The narrowest a shrunk column gets (its header may be cut too).
    static let minimumColumn = 6
    static let separator = "  "

    func render() -> String {
        let widths = fittedWidths()
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                let cell = c.truncated(to: widths[i])
                return i == cells.count - 1 ? cell : cell.padding(widths[i])
            }.joined(separator: Self.separator)
        }
        return ([line(header), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line)).joined(separator: "\n")
    }

    /// Each column's natural width (its widest cell), then the widest shrunk one at a time until
    /// the line fits `maxWidth` or every column is at `minimumColumn`.
    func fittedWidths() -> [Int] {
        var widths = header.map(\.count)
        for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
        let gaps = Self.separator.count * max(widths.count - 1, 0)
        var excess = widths.reduce(gaps, +) - maxWidth
        while excess > 0 {
            guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > Self.minimumColumn else { break }
            // Down to the next widest column (one character at a time once they tie), never below the minimum.
            let next = widths.indices.filter { $0 != widest }.map { widths[$0] }.max() ?? 0
            let cut = max(1, min(excess, widths[widest] - max(next, Self.minimumColumn)))
            widths[widest] -= cut
            excess -= cut
        }
        return widths
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }

    /// At most `width` characters: a longer string keeps its first `width - 1` and ends in `…`.
    func truncated(to width: Int) -> String {
        guard count > width else { return self }
        guard width > 1 else { return String(prefix(width)) }
        return String(prefix(width - 1)) + "…"
    }
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
        return String(parts[5])
    }
}
