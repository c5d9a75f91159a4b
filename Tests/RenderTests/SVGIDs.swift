import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses SVG with XMLParser and collects the ids of node and edge groups.
final class SVGIDs: NSObject, XMLParserDelegate {
    var nodes: Set<String> = []
    var edges: Set<String> = []
    var titles: [String] = []
    /// The text of `<text>` elements (labels).
    var texts: [String] = []
    private var inTitle = false, inText = false
    private var title = "", text = ""

    /// Nil when the data is not well-formed XML.
    static func parse(_ data: [UInt8]) -> SVGIDs? {
        let collector = SVGIDs()
        let parser = XMLParser(data: Data(data))
        parser.shouldResolveExternalEntities = false
        parser.delegate = collector
        return parser.parse() ? collector : nil
    }

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        if element == "g", let id = attributes["id"] {
            if attributes["class"] == "node" { nodes.insert(id) }
            if attributes["class"] == "edge" { edges.insert(id) }
        }
        if element == "title" { inTitle = true; title = "" }
        if element == "text" { inText = true; text = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inTitle { title += string }
        if inText { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        if element == "title" { inTitle = false; titles.append(title) }
        if element == "text" { inText = false; texts.append(text) }
    }
}
