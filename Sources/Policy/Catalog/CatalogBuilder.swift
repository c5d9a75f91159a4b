#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#elseif canImport(ucrt)
    import ucrt
#endif

/// Turns catalog records into the indexes of an ``ActionCatalog``, checking
/// that they are consistent. It keeps byte ranges, not strings, so that
/// loading allocates little.
struct CatalogBuilder {
    let text: [UInt8]
    var services: [ActionCatalog.Service] = []
    var actionRecords: [ActionRecord] = []
    var typeRecords: [TypeRecord] = []
    /// `text` with ASCII letters lowercased.
    let lowercasedText: [UInt8]
    var matchText: [UInt8] = []
    var serviceIndexByPrefix: [String: Int] = [:]
    var typeIndicesByARNService: [String: [Int]] = [:]

    /// The service being read: prefix, name, where its actions and types start.
    private var current: (prefix: String, name: String, firstAction: Int, firstType: Int)?

    init(text: [UInt8]) {
        self.text = text
        actionRecords.reserveCapacity(text.count / 64)
        lowercasedText = [UInt8](unsafeUninitializedCapacity: text.count) { output, count in
            text.withUnsafeBufferPointer { input in
                for i in 0..<input.count { output[i] = asciiLowercased(input[i]) }
            }
            count = text.count
        }
    }

    mutating func beginService(prefix: String, name: String, line: Int) throws(ActionCatalogError) {
        closeService()
        guard !prefix.isEmpty else { throw .malformed(line: line, reason: "empty service prefix") }
        let lowercased = asciiLowercased(prefix)
        guard serviceIndexByPrefix[lowercased] == nil else {
            throw .malformed(line: line, reason: "duplicate service '\(prefix)'")
        }
        serviceIndexByPrefix[lowercased] = services.count  // where `closeService` will append it
        current = (prefix, name, actionRecords.count, typeRecords.count)
    }

    mutating func addResourceType(
        name: Range<Int>, format: Range<Int>, conditionKeys: Range<Int>, line: Int
    ) throws(ActionCatalogError) {
        guard let service = current else { throw .malformed(line: line, reason: "resource type before any service") }
        guard actionRecords.count == service.firstAction else {
            throw .malformed(line: line, reason: "resource type after the service's actions")
        }
        guard !name.isEmpty, !isDeclaredType(name) else {
            throw .malformed(line: line, reason: "empty or duplicate resource type '\(string(name))'")
        }
        let compiled = text.withUnsafeBufferPointer {
            FormatMatching.compile(UnsafeBufferPointer(rebasing: $0[format]), into: &matchText)
        }
        typeIndicesByARNService[compiled.arnService ?? service.prefix, default: []].append(typeRecords.count)
        typeRecords.append(
            TypeRecord(
                service: Int32(services.count), name: ByteSpan(name), format: ByteSpan(format),
                conditionKeys: ByteSpan(conditionKeys), matchText: ByteSpan(compiled.match),
                specificity: Int32(compiled.specificity)))
    }

    mutating func addAction(
        name: Range<Int>, level: ActionCatalog.AccessLevel, resourceTypes: Range<Int>, conditionKeys: Range<Int>,
        line: Int
    ) throws(ActionCatalogError) {
        guard let service = current else { throw .malformed(line: line, reason: "action before any service") }
        guard !name.isEmpty else { throw .malformed(line: line, reason: "empty action name") }
        try checkResourceTypes(resourceTypes, line: line)
        if actionRecords.count > service.firstAction {
            let previous = actionRecords[actionRecords.count - 1].name.range
            guard lowercasedText[previous].lexicographicallyPrecedes(lowercasedText[name]) else {
                throw .malformed(line: line, reason: "action '\(string(name))' is a duplicate or out of order")
            }
        }
        actionRecords.append(
            ActionRecord(
                service: Int32(services.count), name: ByteSpan(name), level: level,
                resourceTypes: ByteSpan(resourceTypes), conditionKeys: ByteSpan(conditionKeys)))
    }

    mutating func finish() throws(ActionCatalogError) {
        closeService()
        guard !services.isEmpty else { throw .malformed(line: 0, reason: "no services") }
    }

    /// Every item of an action's resource type field names a type of the current service.
    private func checkResourceTypes(_ field: Range<Int>, line: Int) throws(ActionCatalogError) {
        guard !field.isEmpty else { return }
        var start = field.lowerBound
        for end in field.lowerBound...field.upperBound where end == field.upperBound || text[end] == UInt8(ascii: ",") {
            var nameEnd = end
            if nameEnd > start && text[nameEnd - 1] == UInt8(ascii: "*") { nameEnd -= 1 }
            guard isDeclaredType(start..<nameEnd) else {
                throw .malformed(line: line, reason: "undeclared resource type '\(string(start..<nameEnd))'")
            }
            start = end + 1
        }
    }

    /// Whether the current service has declared a resource type named by the bytes at `name`.
    /// A linear scan: most services declare few types, and this runs once per reference.
    private func isDeclaredType(_ name: Range<Int>) -> Bool {
        guard let service = current else { return false }
        return text.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return false }
            let first = name.isEmpty ? 0 : bytes[name.lowerBound]
            for index in service.firstType..<typeRecords.count {
                let declared = typeRecords[index].name
                if Int(declared.end - declared.start) == name.count && bytes[Int(declared.start)] == first
                    && memcmp(base + Int(declared.start), base + name.lowerBound, name.count) == 0
                {
                    return true
                }
            }
            return false
        }
    }

    private func string(_ range: Range<Int>) -> String { String(decoding: text[range], as: UTF8.self) }

    private mutating func closeService() {
        guard let service = current else { return }
        services.append(
            ActionCatalog.Service(
                prefix: service.prefix, name: service.name,
                actionIndices: service.firstAction..<actionRecords.count,
                resourceTypeIndices: service.firstType..<typeRecords.count))
        current = nil
    }
}

@inline(__always)
func asciiLowercased(_ byte: UInt8) -> UInt8 {
    byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
}

/// Lowercases ASCII letters, leaving every other byte alone (catalog names are ASCII).
func asciiLowercased(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else { return text }
    return String(decoding: text.utf8.map(asciiLowercased), as: UTF8.self)
}
