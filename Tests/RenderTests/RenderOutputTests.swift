import Foundation
import Graph
import Render
import Testing

@Suite("Rendering through libgvc")
struct RenderOutputTests {
    @Test func svgIsValidXMLWithNodeAndEdgeIDs() throws {
        let output = try GraphRenderer(options: Fixtures.options).render(Fixtures.graph, view: .all, format: .svg)
        let svg = try #require(SVGIDs.parse(output.data), "SVG is not well-formed XML")
        for id in [Fixtures.vendorRoot, Fixtures.vendorReader, Fixtures.prodData, Fixtures.publicAssets, "*",
                   Fixtures.alice, Fixtures.deployer, Fixtures.key, Fixtures.queue] {
            #expect(svg.nodes.contains(id), "no node \(id)")
            #expect(svg.titles.contains(id), "no <title> \(id)")
        }
        #expect(svg.edges.contains("canAssume:\(Fixtures.vendorRoot)->\(Fixtures.vendorReader)"))
        #expect(svg.edges.contains("canAccess:\(Fixtures.vendorReader)->\(Fixtures.prodData)"))
        #expect(svg.edges.contains("canAccess:*->\(Fixtures.publicAssets)"))
        #expect(svg.edges.contains("memberOf:\(Fixtures.alice)->\(Fixtures.devs)"))
        #expect(output.summary.layoutEngine == "dot")
        for label in ["organization o-example", "prod (111111111111)", "account 333333333333", "legend", "role/VendorReader", "S3 bucket prod-data"] {
            #expect(svg.texts.contains(label), "no label \(label)")
        }
    }

    @Test func externalViewShowsOnlyPathsFromOutside() throws {
        let output = try GraphRenderer(options: Fixtures.options).render(Fixtures.graph, format: .svg)
        let svg = try #require(SVGIDs.parse(output.data))
        #expect(svg.nodes.filter { !$0.hasPrefix("legend:") } == Set([
            Fixtures.vendorRoot, Fixtures.vendorReader, Fixtures.prodData, "*", Fixtures.publicAssets,
        ]))
        #expect(svg.edges.filter { !$0.hasPrefix("legend:") }.count == 3)
        #expect(output.summary.view == "external and public access")
    }

    @Test func pngStartsWithMagicBytes() throws {
        let output = try GraphRenderer(options: Fixtures.options).render(Fixtures.graph, view: .external, format: .png)
        #expect(Array(output.data.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    @Test func pdfWhereThePluginExists() throws {
        let context = try GraphvizContext.shared()
        let renderer = GraphRenderer(options: Fixtures.options, context: context)
        if context.outputFormats.contains("pdf") {
            let output = try renderer.render(Fixtures.graph, format: .pdf)
            #expect(Array(output.data.prefix(5)) == Array("%PDF-".utf8))
        } else {
            #expect(throws: RenderError.self) { try renderer.render(Fixtures.graph, format: .pdf) }
        }
    }

    @Test func largeViewsUseSFDPWhenInstalled() throws {
        let context = try GraphvizContext.shared()
        let options = RenderOptions(collapseAbove: 1000, pruneAbove: 1000, sfdpAbove: 10)
        let output = try GraphRenderer(options: options, context: context).render(Fixtures.manyRoles(20), view: .all, format: .svg)
        let expected = context.layoutEngines.contains("sfdp") ? "sfdp" : "dot"
        #expect(output.summary.layoutEngine == expected)
        let svg = try #require(SVGIDs.parse(output.data))
        #expect(svg.nodes.contains { $0.hasPrefix("legend:") } == (expected == "dot"))
        #expect(svg.nodes.count >= 22)
    }

    @Test func concurrentRendersShareTheLibrarySafely() async throws {
        let context = try GraphvizContext.shared()
        let renderer = GraphRenderer(options: Fixtures.options, context: context)
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask { try renderer.render(Fixtures.graph, view: .all, format: .svg).data.count }
            }
            for try await size in group { #expect(size > 1000) }
        }
    }
}
