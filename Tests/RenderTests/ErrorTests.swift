import Graph
import Render
import Testing

@Suite("Errors surface as Swift errors")
struct ErrorTests {
    @Test func unknownFormat() throws {
        #expect {
            try GraphRenderer().render(Fixtures.graph, format: OutputFormat(rawValue: "nope"))
        } throws: { error in
            guard case RenderError.graphviz(.unsupportedFormat("nope", let available)) = error else { return false }
            return available.contains("svg")
        }
    }

    @Test func unknownLayoutEngine() throws {
        let renderer = GraphRenderer(options: RenderOptions(layoutEngine: .named("bogus")))
        #expect {
            try renderer.render(Fixtures.graph, format: .svg)
        } throws: { error in
            guard case RenderError.graphviz(.unknownLayoutEngine("bogus", let available)) = error else { return false }
            return available.contains("dot")
        }
    }

    @Test func unknownViewAnchor() throws {
        #expect(throws: RenderError.unknownNode("arn:aws:s3:::missing")) {
            try GraphRenderer().render(Fixtures.graph, view: .focus("arn:aws:s3:::missing"))
        }
    }

    @Test func libraryMessageOfInvalidDOT() throws {
        let context = try GraphvizContext.shared()
        #expect {
            try context.render(dot: "digraph { a -> ; }", engine: "dot", format: "svg")
        } throws: { error in
            guard case GraphvizError.invalidGraph(let message) = error else { return false }
            return message.contains("syntax error")
        }
        // The parser's line count restarts with each graph, even after one ending in a newline.
        _ = try context.render(dot: "digraph { a -> b }\n\n", engine: "dot", format: "svg")
        #expect {
            try context.render(dot: "digraph {\n a -> b\n c -> }", engine: "dot", format: "svg")
        } throws: { error in
            (error as? GraphvizError) == .invalidGraph(message: "syntax error in line 3 near '}'")
        }
        // The context and parser are usable again afterwards.
        let output = try context.render(dot: "digraph { a -> b }", engine: "dot", format: "svg")
        #expect(SVGIDs.parse(output.data)?.titles.contains("a->b") == true)
    }

    @Test func errorDescriptionsCarryTheDetails() {
        let error = RenderError.graphviz(.layoutFailed(engine: "dot", message: "trouble in paradise"))
        #expect(error.description.contains("trouble in paradise"))
        #expect(GraphvizError.unsupportedFormat("pdf", available: ["svg"]).description.contains("no plugin"))
    }
}

@Suite("Context lifecycle")
struct ContextTests {
    @Test func pluginListsAreReadOnce() throws {
        let context = try GraphvizContext.shared()
        #expect(context.layoutEngines.contains("dot"))
        #expect(context.outputFormats.contains("svg"))
        #expect(context === (try GraphvizContext.shared()))
    }
}
