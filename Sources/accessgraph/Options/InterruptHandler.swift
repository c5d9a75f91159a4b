import Dispatch
import Foundation

/// Ctrl-C for a long command: the first SIGINT calls `first` (stop gracefully), the second
/// calls `second` (which exits at once). Handled on a dispatch queue, not in signal context.
final class InterruptHandler: @unchecked Sendable {
    // `count` is only touched by `source`'s handler, which runs serially on its queue.
    private let source: DispatchSourceSignal
    private var count = 0

    /// Starts handling SIGINT (its default action is ignored while this lives).
    init(first: @escaping @Sendable () -> Void, second: @escaping @Sendable () -> Void) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue(label: "accessgraph.interrupt"))
        source.setEventHandler { [unowned self] in
            count += 1
            if count == 1 { first() } else { second() }
        }
        source.resume()
    }

    /// Stops handling SIGINT and restores its default action.
    func cancel() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
