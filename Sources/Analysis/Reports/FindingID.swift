/// Stable identities of findings and entry points, shared by SARIF fingerprints and `diff`: the
/// resource (or entry role), the outside principal and the public flag. Actions and conditions are
/// not part of the identity, so a finding that gains actions or loses conditions keeps its id.
public enum FindingID {
    /// `finding|RESOURCE|PRINCIPAL|public` or `...|external`.
    public static func of(_ f: Finding) -> String {
        "finding|\(f.resource)|\(f.principal)|\(f.isPublic ? "public" : "external")"
    }

    /// `entry|ROLE|PRINCIPAL|public` or `...|external`.
    public static func of(_ e: EntryPoint) -> String {
        "entry|\(e.role)|\(e.principal)|\(e.isPublic ? "public" : "external")"
    }

    /// A short stable hash of an id (FNV-1a, 64 bits, hex), the same on every platform and run.
    public static func fingerprint(_ id: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
