import Foundation
import Graph
import Render
import Testing

/// Writes the example images of docs/rendering.md when RENDER_WRITE_DOCS is set to a directory:
/// `RENDER_WRITE_DOCS=$PWD/docs swift test --filter DocsExamples`.
@Suite("Docs examples", .enabled(if: ProcessInfo.processInfo.environment["RENDER_WRITE_DOCS"] != nil))
struct DocsExamples {
    @Test func writeExamples() throws {
        let directory = URL(fileURLWithPath: ProcessInfo.processInfo.environment["RENDER_WRITE_DOCS"] ?? ".")
        var options = Fixtures.options
        for (name, view) in [("rendering-example-all", GraphView.all), ("rendering-example-external", .external)] {
            options.title = "AccessGraph example: \(view)"
            let renderer = GraphRenderer(options: options)
            for format in [OutputFormat.png, .svg] {
                let output = try renderer.render(Fixtures.graph, view: view, format: format)
                try Data(output.data).write(to: directory.appendingPathComponent("\(name).\(format.rawValue)"))
            }
        }
        var collapsed = RenderOptions(collapseAbove: 10, pruneAbove: 10, title: "14 interchangeable roles collapsed")
        collapsed.accountNames = options.accountNames
        let output = try GraphRenderer(options: collapsed).render(Fixtures.manyRoles(14), view: .all, format: .png)
        try Data(output.data).write(to: directory.appendingPathComponent("rendering-example-collapsed.png"))
        print(output.summary)
    }
}
