import Analysis
import Concurrency
import Foundation
import Snapshot

/// Writes the JSON contracts of `findings` and `who-can` into a byte buffer: keys sorted,
/// two-space indentation, stable across runs. (Foundation's JSONEncoder took seconds on large
/// outputs.) Keys of the fixed contracts are written in sorted order by hand.
struct JSONWriter {
    var bytes: [UInt8] = []
    var indent = 0
    /// One line: no newlines or indentation between values (NDJSON).
    var compact = false
    /// The bytes of action lists already written, by the address and length of their storage.
    /// Findings share one array per list (see `ActionListInterning`), and every finding stays alive
    /// while its answer is written, so one address stands for one list here.
    private var writtenLists: [ListStorage: [UInt8]] = [:]

    struct ListStorage: Hashable {
        let address: Int
        let count: Int
        let indent: Int
    }

    mutating func raw(_ s: StaticString) { s.withUTF8Buffer { bytes.append(contentsOf: $0) } }

    mutating func string(_ s: String) {
        bytes.append(0x22)
        // Most strings (ARNs, action names) need no escaping: copy them whole.
        var s = s
        let copied: Bool = s.withUTF8 { utf8 in
            guard !utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if copied { bytes.append(0x22); return }
        for b in s.utf8 {
            switch b {
            case 0x22: raw(#"\""#)
            case 0x5C: raw(#"\\"#)
            case 0x0A: raw(#"\n"#)
            case 0x0D: raw(#"\r"#)
            case 0x09: raw(#"\t"#)
            case 0..<0x20:
                raw(#"\u00"#)
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(hex[Int(b >> 4)])
                bytes.append(hex[Int(b & 0xF)])
            default: bytes.append(b)  // UTF-8 passes through: valid JSON
            }
        }
        bytes.append(0x22)
    }

    mutating func newline() {
        if compact { return }
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: 2 * indent))
    }

    /// `{`, then for each key: `"key": ` (after a comma when not first), the value by `value`, then `}`.
    mutating func object(_ keys: [String], _ value: (inout JSONWriter, Int) -> Void) {
        guard !keys.isEmpty else { raw("{}"); return }
        raw("{")
        indent += 1
        for (i, k) in keys.enumerated() {
            if i > 0 { raw(",") }
            newline()
            string(k)
            raw(": ")
            value(&self, i)
        }
        indent -= 1
        newline()
        raw("}")
    }

    mutating func array<T>(_ items: [T], _ write: (inout JSONWriter, T) -> Void) {
        guard !items.isEmpty else { raw("[]"); return }
        raw("[")
        indent += 1
        for (i, item) in items.enumerated() {
            if i > 0 { raw(",") }
            newline()
            write(&self, item)
        }
        indent -= 1
        newline()
        raw("]")
    }

    /// `array`, with slices of the items written on every core and joined in order (the same bytes).
    mutating func parallelArray<T: Sendable>(_ items: [T], slice: Int = 2048, _ write: @escaping @Sendable (inout JSONWriter, T) -> Void) {
        guard items.count > slice else { array(items, write); return }
        raw("[")
        indent += 1
        let starts = Array(stride(from: 0, to: items.count, by: slice))
        let indent = self.indent
        let parts = ParallelMap.map(starts) { start -> [UInt8] in
            var w = JSONWriter()
            w.indent = indent
            for i in start..<min(start + slice, items.count) {
                if i > 0 { w.raw(",") }
                w.newline()
                write(&w, items[i])
            }
            return w.bytes
        }
        for part in parts { bytes += part }
        self.indent -= 1
        newline()
        raw("]")
    }

    mutating func strings(_ items: [String]) { array(items) { $0.string($1) } }

    /// `strings` for a list of a value that outlives the writer, whose bytes are kept for its
    /// next occurrence.
    mutating func sharedStrings(_ items: [String]) {
        let key = ListStorage(address: items.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) }, count: items.count, indent: indent)
        if let known = writtenLists[key] {
            bytes.append(contentsOf: known)
            return
        }
        let start = bytes.count
        strings(items)
        writtenLists[key] = Array(bytes[start...])
    }

    mutating func bool(_ b: Bool) { b ? raw("true") : raw("false") }

    mutating func conditions(_ c: [String: [String: [String]]]) {
        let ops = c.keys.sorted()
        object(ops) { w, i in
            let keys = c[ops[i]]!
            let names = keys.keys.sorted()
            w.object(names) { w, j in w.strings(keys[names[j]]!) }
        }
    }

    // MARK: - Contracts

    static func whoCan(_ result: WhoCanResult, warnings: [String]) -> [UInt8] {
        var w = JSONWriter()
        w.object(["principals", "resource", "warnings"]) { w, i in
            switch i {
            case 0: w.array(result.principals) { w, p in w.reach(p) }
            case 1: w.string(result.resource)
            default: w.strings(warnings)
            }
        }
        w.bytes.append(0x0A)
        return w.bytes
    }

    mutating func reach(_ r: Reach) {
        let keys = r.deniedWhen.isEmpty ? Self.reachKeys : Self.reachKeysWithDenials
        object(keys) { w, i in
            switch keys[i] {
            case "actions": w.strings(r.actions)
            case "conditional": w.bool(r.conditional)
            case "conditions": w.conditions(r.conditions)
            case "deniedWhen": w.conditions(r.deniedWhen)
            case "path": w.strings(r.path)
            default: w.string(r.principal)
            }
        }
    }

    static let reachKeys = ["actions", "conditional", "conditions", "path", "principal"]
    static let reachKeysWithDenials = ["actions", "conditional", "conditions", "deniedWhen", "path", "principal"]

    /// Writes bytes to standard output.
    static func emit(_ bytes: [UInt8]) { FileHandle.standardOutput.write(Data(bytes)) }
}
