import Concurrency
import Graph

/// Makes equal action lists one array. Answers computed apart (per class of roles, per role) carry
/// equal lists in separate arrays; once they share storage, comparing two lists is one pointer
/// test (Array's `==` checks identity first), and findings of one list share it.
enum ActionListInterning {
    /// Where an action list's elements live: one key per array storage while the arrays are alive.
    struct Storage: Hashable, Sendable {
        /// The address of the first element (0 for an empty list).
        let address: Int
        let count: Int

        init(_ actions: [String]) {
            address = actions.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) }
            count = actions.count
        }
    }

    /// `lists` with every action list replaced by the one array of its content: the storages of
    /// each list gathered on every core, made canonical in one pass, then replaced on every core.
    /// With `levels`, each answer also gets its list's access levels, worked out once per distinct list.
    static func canonical(
        _ lists: [[FindingsAnalyzer.Reached]], levels: (@Sendable ([String]) -> LevelMask)? = nil
    ) -> [[FindingsAnalyzer.Reached]] {
        // Each storage with one of its arrays, per list (a list's answers mostly share a few arrays).
        let perList = ParallelMap.map(lists) { list -> [(Storage, [String])] in
            var seen: [Storage: [String]] = [:]
            for r in list where seen[Storage(r.access.actions)] == nil {
                seen[Storage(r.access.actions)] = r.access.actions
            }
            return Array(seen)
        }
        var byStorage: [Storage: (actions: [String], levels: LevelMask)] = [:]
        var byContent: [[String]: (actions: [String], levels: LevelMask)] = [:]
        for pairs in perList {
            for (storage, actions) in pairs where byStorage[storage] == nil {
                if let known = byContent[actions] {
                    byStorage[storage] = known
                } else {
                    let value = (actions: actions, levels: levels?(actions) ?? .none)
                    byContent[actions] = value
                    byStorage[storage] = value
                }
            }
        }
        let canonical = byStorage
        return ParallelMap.map(lists) { list in
            list.map { r in
                var r = r
                let known = canonical[Storage(r.access.actions)]!
                r.access.actions = known.actions
                r.levels = known.levels
                return r
            }
        }
    }
}
