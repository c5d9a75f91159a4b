/// An IPv4 or IPv6 address or CIDR block, for the `IpAddress` condition operators.
struct IPAddressRange: Sendable, Hashable {
    let bytes: [UInt8]  // 4 or 16
    let prefixLength: Int

    /// Parses `203.0.113.0/24`, `203.0.113.7`, `2001:db8::/32`.
    init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let addr = Self.parseAddress(String(parts[0])) else { return nil }
        bytes = addr
        if parts.count == 2 {
            guard let n = Int(parts[1]), n >= 0, n <= addr.count * 8 else { return nil }
            prefixLength = n
        } else {
            prefixLength = addr.count * 8
        }
    }

    /// Whether `other` (an address or block) lies inside this block.
    func contains(_ other: IPAddressRange) -> Bool {
        guard other.bytes.count == bytes.count, other.prefixLength >= prefixLength else { return false }
        var remaining = prefixLength
        var i = 0
        while remaining > 0 {
            let mask: UInt8 = remaining >= 8 ? 0xFF : ~(0xFF >> UInt8(remaining))
            if bytes[i] & mask != other.bytes[i] & mask { return false }
            remaining -= 8
            i += 1
        }
        return true
    }

    static func parseAddress(_ s: String) -> [UInt8]? {
        if s.contains(":") { return parseIPv6(s) }
        let octets = s.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var out: [UInt8] = []
        for o in octets {
            guard let v = UInt8(o) else { return nil }
            out.append(v)
        }
        return out
    }

    static func parseIPv6(_ s: String) -> [UInt8]? {
        let halves = s.split(separator: "::", omittingEmptySubsequences: false).map(String.init)
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt16]? {
            if part.isEmpty { return [] }
            var out: [UInt16] = []
            for g in part.split(separator: ":", omittingEmptySubsequences: false) {
                guard g.count <= 4, let v = UInt16(g, radix: 16) else { return nil }
                out.append(v)
            }
            return out
        }
        guard let head = groups(halves[0]) else { return nil }
        var all = head
        if halves.count == 2 {
            guard let tail = groups(halves[1]), head.count + tail.count < 8 else { return nil }
            all += Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        guard all.count == 8 else { return nil }
        return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }
}
