import Foundation

/// Finds an executable the way a shell would: a name with a `/` is taken as a path,
/// any other name is looked up in each folder of `PATH`.
public struct ExecutableLocator: Sendable {
    /// The `PATH` value searched.
    public let searchPath: String

    /// Creates a locator searching `searchPath` (a `:`-separated list of folders).
    public init(searchPath: String) {
        self.searchPath = searchPath
    }

    /// The path of the executable called `name`, or nil when there is none.
    public func locate(_ name: String) -> String? {
        let fileManager = FileManager.default
        if name.contains("/") {
            return fileManager.isExecutableFile(atPath: name) ? name : nil
        }
        for folder in searchPath.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(name)"
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
               fileManager.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }
}
