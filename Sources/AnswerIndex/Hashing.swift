/// FNV-1a: the offset basis, and one step mixing `value` into `h`.
let fnvBasis: UInt64 = 0xcbf2_9ce4_8422_2325

@inline(__always)
func fnvStep(_ h: UInt64, _ value: UInt64) -> UInt64 { (h ^ value) &* 0x100_0000_01b3 }

/// splitmix64's finalizer: spreads every input bit over the output.
func mix(_ x: UInt64) -> UInt64 {
    var z = x &+ 0x9e37_79b9_7f4a_7c15
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
}

/// `v` as 16 hexadecimal digits.
func hex(_ v: UInt64) -> String {
    let s = String(v, radix: 16)
    return String(repeating: "0", count: 16 - s.count) + s
}
