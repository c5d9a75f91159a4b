/// A glob pattern with IAM's wildcards: `*` matches any run of characters
/// (including none) and `?` matches exactly one character.
///
/// Patterns are classified once so that the common shapes (`*`, a literal, a
/// literal followed by `*`) match without running the general algorithm.
public struct Wildcard: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as it was written (after any case folding by the caller).
    public let pattern: String
    let shape: Shape
    let bytes: [UInt8]

    enum Shape: Sendable, Hashable {
        case any
        case literal
        case prefix(Int)  // literal bytes[0..<n] followed by a single trailing `*`
        case general
    }

    public init(_ pattern: String) {
        self.pattern = pattern
        self.bytes = Array(pattern.utf8)
        let stars = bytes.lazy.filter { $0 == UInt8(ascii: "*") }.count
        let questions = bytes.contains(UInt8(ascii: "?"))
        if pattern == "*" {
            shape = .any
        } else if stars == 0 && !questions {
            shape = .literal
        } else if stars == 1 && !questions && bytes.last == UInt8(ascii: "*") {
            shape = .prefix(bytes.count - 1)
        } else {
            shape = .general
        }
    }

    public var description: String { pattern }

    /// True when the pattern has no wildcard character.
    public var isLiteral: Bool { shape == .literal }

    /// True when the pattern is exactly `*`.
    public var isAny: Bool { shape == .any }

    /// Whether `value` matches the whole pattern (case-sensitive).
    public func matches(_ value: String) -> Bool {
        switch shape {
        case .any: return true
        case .literal: return value == pattern
        default: break
        }
        var v = value
        return v.withUTF8 { matches(utf8: $0) }
    }

    /// Whether the UTF-8 bytes of a value match the whole pattern.
    public func matches(utf8 value: UnsafeBufferPointer<UInt8>) -> Bool {
        switch shape {
        case .any:
            return true
        case .literal:
            return value.count == bytes.count && bytes.withUnsafeBufferPointer { memEqual($0, value, count: value.count) }
        case .prefix(let n):
            return value.count >= n && bytes.withUnsafeBufferPointer { memEqual($0, value, count: n) }
        case .general:
            return bytes.withUnsafeBufferPointer { Self.globMatch(pattern: $0, value: value, allowValueEndEarly: false) }
        }
    }

    /// Whether some string that starts with `prefix` matches the pattern, that is
    /// the pattern and the prefix agree up to the end of the prefix. Used for
    /// "some object in this bucket" questions.
    public func matchesSomeExtension(of prefix: String) -> Bool {
        if shape == .any { return true }
        var p = prefix
        return p.withUTF8 { value in
            bytes.withUnsafeBufferPointer { Self.globMatch(pattern: $0, value: value, allowValueEndEarly: true) }
        }
    }

    /// Whether every string that starts with `prefix` matches the pattern:
    /// true when the pattern is the prefix (or a generalisation of it) followed by `*`.
    public func matchesEveryExtension(of prefix: String) -> Bool {
        if shape == .any { return true }
        // The pattern must end in `*`, and the part before that `*` must match some
        // beginning of the prefix: the `*` then absorbs the rest of every extension.
        guard bytes.last == UInt8(ascii: "*") else { return false }
        var p = prefix
        return p.withUTF8 { value in
            bytes.withUnsafeBufferPointer { pattern in
                let head = UnsafeBufferPointer(rebasing: pattern.dropLast())
                // A head without wildcards must be a beginning of the prefix.
                if !head.contains(UInt8(ascii: "*")) && !head.contains(UInt8(ascii: "?")) {
                    return value.count >= head.count && memEqual(head, value, count: head.count)
                }
                // Otherwise try every beginning that ends on a character boundary.
                for k in 0...value.count where k == value.count || value[k] & 0xC0 != 0x80 {
                    if Self.globMatch(pattern: head, value: UnsafeBufferPointer(rebasing: value[0..<k]), allowValueEndEarly: false) {
                        return true
                    }
                }
                return false
            }
        }
    }

    @inline(__always)
    private func memEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, count: Int) -> Bool {
        var i = 0
        while i < count {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }

    /// Iterative glob matching with single-star backtracking: linear in practice.
    static func globMatch(
        pattern: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>, allowValueEndEarly: Bool
    ) -> Bool {
        var p = 0
        var v = 0
        var starP = -1
        var starV = 0
        while v < value.count {
            if p < pattern.count && (pattern[p] == UInt8(ascii: "?") || pattern[p] == value[v]) {
                p += 1
                v += 1
                // `?` stands for one character: consume the rest of a multi-byte UTF-8 sequence.
                if p > 0 && pattern[p - 1] == UInt8(ascii: "?") {
                    while v < value.count && value[v] & 0xC0 == 0x80 { v += 1 }
                }
            } else if p < pattern.count && pattern[p] == UInt8(ascii: "*") {
                starP = p
                starV = v
                p += 1
            } else if starP >= 0 {
                p = starP + 1
                starV += 1
                v = starV
            } else {
                return false
            }
        }
        if allowValueEndEarly { return true }
        while p < pattern.count && pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.count
    }
}
