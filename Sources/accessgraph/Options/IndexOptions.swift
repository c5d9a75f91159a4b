import AnswerIndex
import ArgumentParser
import Foundation

/// The on-disk answer index of the query commands (`findings`, `who-can`).
struct IndexOptions: ParsableArguments {
    @Flag(name: .customLong("no-index"), help: "Neither read nor write the on-disk answer index.")
    var noIndex = false

    @Option(
        name: .customLong("index-dir"),
        help: "Where answers to earlier queries are kept (default: $XDG_CACHE_HOME/accessgraph/index or ~/.cache/accessgraph/index).")
    var indexDirectory: String?

    /// Answers `query` on `snapshot` from the index when it holds the answer; otherwise runs
    /// `compute`, prints its answer, stores it in the index and ends the process (the model it
    /// opened is kept until then: `ProcessLifetime`).
    func respond(to query: [String], on snapshot: String, compute: () async throws -> StoredAnswer) async throws {
        let start = ContinuousClock.now
        let index = index(for: snapshot)
        if let index, Answered.replay(query, from: index) {
            Timings.note("answer from the index", since: start)
            return
        }
        let answer = try await compute()
        let written = ContinuousClock.now
        Answered.emit(answer)
        Timings.note("write answer", since: written)
        let stored = ContinuousClock.now
        index?.store(answer, for: query)
        Timings.note("store answer in the index", since: stored)
        Answered.finish()
    }

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
