/// Graphviz's SVG made fit to sit inside an HTML page.
enum InlineSVG {
    /// Drops the XML prolog, the DOCTYPE and comments, prefixes every `id` with `idPrefix` (so
    /// several drawings of the same nodes on one page keep ids unique), and adds `attributes`
    /// (already escaped, each starting with a space) to the root `<svg>` element.
    static func inline(_ svg: String, idPrefix: String, attributes: String) -> String? {
        guard let start = svg.range(of: "<svg"), let end = svg.range(of: "</svg>", options: .backwards) else { return nil }
        var body = String(svg[start.lowerBound..<end.upperBound])
        body = removingComments(body)
        body = body.replacingOccurrences(of: " id=\"", with: " id=\"\(idPrefix)")
        body.insert(contentsOf: attributes, at: body.index(body.startIndex, offsetBy: 4))
        return body
    }

    static func removingComments(_ text: String) -> String {
        var out = ""
        var rest = text[...]
        while let open = rest.range(of: "<!--") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "-->") else { return out }
            rest = rest[close.upperBound...]
        }
        out += rest
        // Graphviz puts each comment on a line of its own; drop the blank lines left behind.
        return out.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.allSatisfy(\.isWhitespace) }.joined(separator: "\n")
    }
}
