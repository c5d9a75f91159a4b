/// A range of bytes in one of the catalog's byte buffers, kept small.
struct ByteSpan: Sendable, Hashable {
    let start: Int32
    let end: Int32

    init(_ range: Range<Int>) {
        start = Int32(truncatingIfNeeded: range.lowerBound)
        end = Int32(truncatingIfNeeded: range.upperBound)
    }

    var range: Range<Int> { Int(start)..<Int(end) }
}

/// An `A` record: where its fields are in the catalog text.
struct ActionRecord: Sendable {
    let service: Int32
    let name: ByteSpan
    let level: ActionCatalog.AccessLevel
    /// The comma-separated resource type names, `*` markers included.
    let resourceTypes: ByteSpan
    let conditionKeys: ByteSpan
}

/// An `R` record: where its fields are in the catalog text, plus what matching needs.
struct TypeRecord: Sendable {
    let service: Int32
    let name: ByteSpan
    let format: ByteSpan
    let conditionKeys: ByteSpan
    /// The format with placeholders replaced by `?*`, in `ActionCatalog.matchText`.
    let matchText: ByteSpan
    /// Literal characters in the format; more means more specific.
    let specificity: Int32
}

extension ActionCatalog {
    /// The text of `span` in the catalog text.
    func string(_ span: ByteSpan) -> String { string(span.range) }

    func string(_ range: Range<Int>) -> String {
        String(decoding: text[range], as: UTF8.self)
    }

    /// The items of a comma-separated field.
    func list(_ span: ByteSpan) -> [String] {
        var items: [String] = []
        forEachItem(span) { items.append(string($0)) }
        return items
    }

    /// Calls `body` with the byte range of each item of a comma-separated field.
    func forEachItem(_ span: ByteSpan, _ body: (Range<Int>) -> Void) {
        let range = span.range
        guard !range.isEmpty else { return }
        var start = range.lowerBound
        for i in range where text[i] == UInt8(ascii: ",") {
            body(start..<i)
            start = i + 1
        }
        body(start..<range.upperBound)
    }

    /// The action of record `index`, built from the text.
    func makeAction(_ index: Int) -> Action {
        let record = actionRecords[index]
        var types: [String] = []
        var required: [String] = []
        forEachItem(record.resourceTypes) { item in
            if text[item.upperBound - 1] == UInt8(ascii: "*") {
                let name = string(item.lowerBound..<item.upperBound - 1)
                types.append(name)
                required.append(name)
            } else {
                types.append(string(item))
            }
        }
        return Action(
            service: services[Int(record.service)].prefix, name: string(record.name), accessLevel: record.level,
            resourceTypes: types, requiredResourceTypes: required, conditionKeys: list(record.conditionKeys))
    }

    /// The resource type of record `index`, built from the text.
    func makeResourceType(_ index: Int) -> ResourceType {
        let record = typeRecords[index]
        let format = string(record.format)
        return ResourceType(
            service: services[Int(record.service)].prefix, name: string(record.name), arnFormat: format,
            arnPattern: ARNPattern(FormatMatching.replacingPlaceholders(in: format, with: "*")),
            conditionKeys: list(record.conditionKeys))
    }

    /// Whether the resource type field of action record `action` names the type whose name is at `name`.
    func action(_ action: Int, listsTypeNamed name: Range<Int>) -> Bool {
        var found = false
        forEachItem(actionRecords[action].resourceTypes) { item in
            var end = item.upperBound
            if text[end - 1] == UInt8(ascii: "*") { end -= 1 }
            if !found && text[item.lowerBound..<end].elementsEqual(text[name]) { found = true }
        }
        return found
    }
}
