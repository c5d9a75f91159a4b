import Foundation
import Graph
import Render
import Testing

/// Compares the DOT text with checked-in expectations. Set RENDER_UPDATE_EXPECTED=1 to rewrite them.
@Suite("DOT text")
struct DOTExpectationTests {
    @Test(arguments: [
        ("all.dot", GraphView.all),
        ("external.dot", GraphView.external),
        ("focus-prod-data.dot", GraphView.focus(Fixtures.prodData)),
    ])
    func matchesExpectation(name: String, view: GraphView) throws {
        let (text, _) = try GraphRenderer(options: Fixtures.options).dot(Fixtures.graph, view: view)
        let url = Fixtures.expected(name)
        if ProcessInfo.processInfo.environment["RENDER_UPDATE_EXPECTED"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected)
    }

    // That the text is the same from one process to the next is tested on the built binary
    // (CLITests, GraphCommandTests.dotIsTheSameFromTwoProcesses): within one process, hashing
    // and so any order taken from a Set or Dictionary is the same every time.

    @Test func graphvizReadsIt() throws {
        let (text, _) = try GraphRenderer(options: Fixtures.options).dot(Fixtures.graph, view: .all)
        let canon = try GraphvizContext.shared().render(dot: text, engine: "dot", format: "canon")
        #expect(String(decoding: canon.data, as: UTF8.self).contains("VendorReader"))
    }
}
