import Foundation

extension ActionCatalog {
    /// Loads the catalog shipped with this module (`Resources/action-catalog.txt`).
    /// Each call reads and parses the file again; keep the result if you need it twice.
    ///
    /// The file is looked up without `Bundle.module`, which stops the process when the
    /// resource bundle is missing: in `ACCESSGRAPH_CATALOG`, in the resource bundle next to
    /// the executable (`AccessGraph_Policy.resources` on Linux, `.bundle` on macOS), and in
    /// the source tree the module was built from.
    public static func bundled() throws(ActionCatalogError) -> ActionCatalog {
        guard let url = bundledFileURL() else { throw .resourceNotFound("action-catalog.txt") }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable("\(url.path): \(error)")
        }
        return try ActionCatalog(parsing: [UInt8](data))
    }

    static func bundledFileURL() -> URL? {
        let name = "action-catalog.txt"
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["ACCESSGRAPH_CATALOG"] { candidates.append(URL(fileURLWithPath: env)) }
        var dirs: [URL] = []
        if let exe = Bundle.main.executableURL?.resolvingSymlinksInPath() { dirs.append(exe.deletingLastPathComponent()) }
        dirs.append(Bundle.main.bundleURL)
        dirs.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for dir in dirs {
            candidates.append(dir.appendingPathComponent("AccessGraph_Policy.resources").appendingPathComponent(name))
            candidates.append(dir.appendingPathComponent("AccessGraph_Policy.bundle").appendingPathComponent(name))
            candidates.append(dir.appendingPathComponent("AccessGraph_Policy.bundle/Contents/Resources").appendingPathComponent(name))
        }
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources").appendingPathComponent(name))
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }
}
