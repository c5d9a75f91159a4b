/// Values the command keeps until the process exits: the system reclaims their memory at once,
/// where freeing a large snapshot's model object by object took most of a second (seen on large
/// who-can: 0.75 s of 3.1 s). Held through a reference that is never released, so no copy's
/// release along the way can be the last one.
enum ProcessLifetime {
    private final class Box<T> {
        let value: T
        init(_ value: T) { self.value = value }
    }

    static func keep<T>(_ value: T) { _ = Unmanaged.passRetained(Box(value)) }
}
