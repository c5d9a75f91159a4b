#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#elseif canImport(ucrt)
    import ucrt
#endif

/// Splits catalog text into records and hands them to a ``CatalogBuilder``.
///
/// Lines are separated by `\n` (a trailing `\r` is dropped), fields by TAB and
/// list items by `,` (split when queried); empty lines and lines starting with `#` are skipped.
enum CatalogReader {
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let tab = UInt8(ascii: "\t")
    static let hash = UInt8(ascii: "#")

    static func read(_ bytes: [UInt8], into builder: inout CatalogBuilder) throws(ActionCatalogError) {
        try bytes.withUnsafeBufferPointer { (buffer) throws(ActionCatalogError) in
            var fields: [Range<Int>] = []
            fields.reserveCapacity(8)
            var lineNumber = 0
            var lineStart = 0
            while lineStart < buffer.count {
                lineNumber += 1
                let newlineAt = find(newline, in: buffer, lineStart..<buffer.count) ?? buffer.count
                var lineEnd = newlineAt
                if lineEnd > lineStart && buffer[lineEnd - 1] == carriageReturn { lineEnd -= 1 }
                if lineEnd > lineStart && buffer[lineStart] != hash {
                    fields.removeAll(keepingCapacity: true)
                    var fieldStart = lineStart
                    while let tabAt = find(tab, in: buffer, fieldStart..<lineEnd) {
                        fields.append(fieldStart..<tabAt)
                        fieldStart = tabAt + 1
                    }
                    fields.append(fieldStart..<lineEnd)
                    try record(Line(buffer: buffer, fields: fields, number: lineNumber), into: &builder)
                }
                lineStart = newlineAt + 1
            }
        }
    }

    /// The position of the first `byte` in `range` of `buffer` (memchr: lines are long).
    @inline(__always)
    private static func find(_ byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, let base = buffer.baseAddress,
            let found = memchr(base + range.lowerBound, Int32(byte), range.count)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private static func record(_ line: Line, into builder: inout CatalogBuilder) throws(ActionCatalogError) {
        let tagField = line.fields[0]
        let tag = tagField.count == 1 ? line.buffer[tagField.lowerBound] : 0
        switch tag {
        case UInt8(ascii: "S"):
            try line.expectFields(3)
            try builder.beginService(prefix: line.string(1), name: line.string(2), line: line.number)
        case UInt8(ascii: "R"):
            try line.expectFields(4)
            try builder.addResourceType(
                name: line.fields[1], format: line.fields[2], conditionKeys: line.fields[3], line: line.number)
        case UInt8(ascii: "A"):
            try line.expectFields(5)
            let levelField = line.fields[2]
            guard levelField.count == 1, let level = ActionCatalog.AccessLevel(code: line.buffer[levelField.lowerBound])
            else { throw .malformed(line: line.number, reason: "unknown access level '\(line.string(2))'") }
            try builder.addAction(
                name: line.fields[1], level: level, resourceTypes: line.fields[3], conditionKeys: line.fields[4],
                line: line.number)
        default:
            throw .malformed(line: line.number, reason: "unknown record type '\(line.string(0))'")
        }
    }

    /// One record: the whole buffer plus the byte ranges of its fields.
    struct Line {
        let buffer: UnsafeBufferPointer<UInt8>
        let fields: [Range<Int>]
        let number: Int

        func expectFields(_ count: Int) throws(ActionCatalogError) {
            guard fields.count == count else {
                throw .malformed(line: number, reason: "expected \(count) fields, found \(fields.count)")
            }
        }

        func string(_ field: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: buffer[fields[field]]), as: UTF8.self)
        }
    }
}

extension ActionCatalog.AccessLevel {
    /// The one-letter code used in the catalog file.
    init?(code: UInt8) {
        switch code {
        case UInt8(ascii: "L"): self = .list
        case UInt8(ascii: "R"): self = .read
        case UInt8(ascii: "W"): self = .write
        case UInt8(ascii: "P"): self = .permissionsManagement
        case UInt8(ascii: "T"): self = .tagging
        default: return nil
        }
    }
}
