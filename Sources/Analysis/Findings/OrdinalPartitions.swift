/// The partitions of a `RoleAccessTable` each resource (by ordinal) belongs to, the reverse of
/// `RoleAccessTable.ordinals`, stored flat: a resource is in one partition per account whose
/// principals may reach it.
struct OrdinalPartitions: Sendable {
    private let starts: [Int32]
    private let list: [Int32]

    init(ordinals: [[Int32]], count: Int) {
        var sizes = [Int32](repeating: 0, count: count + 1)
        for partition in ordinals { for o in partition { sizes[Int(o) + 1] += 1 } }
        for i in 0..<count { sizes[i + 1] += sizes[i] }
        var next = sizes
        var list = [Int32](repeating: 0, count: Int(sizes[count]))
        for (p, partition) in ordinals.enumerated() {
            for o in partition {
                list[Int(next[Int(o)])] = Int32(p)
                next[Int(o)] += 1
            }
        }
        starts = sizes
        self.list = list
    }

    /// The partitions resource `ordinal` belongs to.
    func of(_ ordinal: Int) -> ArraySlice<Int32> { list[Int(starts[ordinal])..<Int(starts[ordinal + 1])] }
}
