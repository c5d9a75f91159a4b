import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses XML with Foundation's XMLParser and keeps the attributes of every element.
final class XMLCheck: NSObject, XMLParserDelegate {
    private(set) var elements: [(name: String, attributes: [String: String])] = []
    private(set) var error: String?

    /// Parses `text`; `error` is set when it is not well-formed.
    init(_ text: String) {
        super.init()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = self
        if !parser.parse() {
            error = parser.parserError.map { "\($0)" } ?? "not well-formed (line \(parser.lineNumber))"
        }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append((name, attributes))
    }

    /// The `id`s of the `<g class="node">` groups Graphviz draws for nodes.
    var nodeIDs: Set<String> {
        Set(elements.filter { $0.name == "g" && $0.attributes["class"] == "node" }.compactMap { $0.attributes["id"] })
    }
}

/// The `<svg>...</svg>` blocks of an HTML page.
func svgBlocks(_ html: String) -> [String] {
    var blocks: [String] = []
    var rest = html[...]
    while let open = rest.range(of: "<svg"), let close = rest[open.lowerBound...].range(of: "</svg>") {
        blocks.append(String(rest[open.lowerBound..<close.upperBound]))
        rest = rest[close.upperBound...]
    }
    return blocks
}
