import Foundation

extension ActionCatalog {
    /// Loads the catalog bundled with this module (`Resources/action-catalog.txt`).
    /// Each call reads and parses the file again; keep the result if you need it twice.
    public static func bundled() throws(ActionCatalogError) -> ActionCatalog {
        guard let url = Bundle.module.url(forResource: "action-catalog", withExtension: "txt") else {
            throw .resourceNotFound("action-catalog.txt")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable("\(url.path): \(error)")
        }
        return try ActionCatalog(parsing: [UInt8](data))
    }
}
