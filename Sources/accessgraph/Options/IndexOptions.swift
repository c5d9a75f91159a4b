import ArgumentParser
import Foundation
import Snapshot

/// The on-disk answer index of the query commands (`findings`, `who-can`).
struct IndexOptions: ParsableArguments {
    @Flag(name: .customLong("no-index"), help: "Neither read nor write the on-disk answer index.")
    var noIndex = false

    @Option(
        name: .customLong("index-dir"),
        help: "Where answers to earlier queries are kept (default: $XDG_CACHE_HOME/accessgraph/index or ~/.cache/accessgraph/index).")
    var indexDirectory: String?

    /// The index for `snapshot`, or nil when turned off or unavailable (the query is then computed).
    func index(for snapshot: String) -> AnswerIndex? {
        guard !noIndex, let root = indexDirectory ?? AnswerIndex.defaultRoot() else { return nil }
        return try? AnswerIndex(snapshot: snapshot, root: root, tool: Self.toolIdentity)
    }

    /// The version and the executable's size and modification time: a rebuilt tool does not reuse
    /// answers an older build computed.
    static let toolIdentity: String = {
        var identity = "accessgraph " + AccessGraphCommand.configuration.version
        if let path = Bundle.main.executablePath, let attributes = try? FileManager.default.attributesOfItem(atPath: path) {
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            identity += " \(size) \(modified)"
        }
        return identity
    }()
}

/// Writing an answer: stdout's bytes, then stderr's.
enum Answered {
    static func emit(_ answer: StoredAnswer) {
        fflush(nil)  // anything `print` buffered goes first
        answer.write()
    }

    /// Writes the index's answer to `query`, if it has one.
    static func replay(_ query: [String], from index: AnswerIndex) -> Bool {
        fflush(nil)
        return index.replay(query)
    }

    /// Ends the process once the answer is out, without tearing down `model` object by object
    /// (hundreds of milliseconds on large snapshots; the system reclaims the memory at once).
    static func finish(keeping model: some Any) -> Never {
        fflush(nil)
        withExtendedLifetime(model) { exit(0) }
    }
}
