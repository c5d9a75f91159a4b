import Testing
@testable import accessgraph

/// Text tables fit a 120-column terminal: cells are cut with `…`, rows never wrap (issue 14).
@Suite struct TextTableTests {
    @Test func narrowTablesKeepTheirNaturalWidths() {
        let t = TextTable(header: ["A", "BB"], rows: [["xyz", "1"]])
        #expect(t.render() == "A    BB\n---  --\nxyz  1")
    }

    @Test func wideTablesFitTheWidthAndCutTheWidestColumnFirst() {
        let long = String(repeating: "r", count: 200)
        let t = TextTable(header: ["NAME", "PATH"], rows: [["short", long], ["tiny", "p"]])
        let lines = t.render().split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.count <= 120 })
        #expect(lines[2] == "short  " + String(repeating: "r", count: 112) + "…")
        #expect(lines[3].hasPrefix("tiny   p"))
    }

    @Test func severalWideColumnsShareTheCut() {
        let a = String(repeating: "a", count: 90)
        let b = String(repeating: "b", count: 90)
        let widths = TextTable(header: ["X", "Y"], rows: [[a, b]]).fittedWidths()
        #expect(widths.reduce(2, +) == 120)
        #expect(abs(widths[0] - widths[1]) <= 1)
    }

    @Test func truncationMarksTheCut() {
        #expect("abcdef".truncated(to: 4) == "abc…")
        #expect("abc".truncated(to: 4) == "abc")
    }
}
