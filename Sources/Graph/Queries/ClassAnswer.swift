import Policy

/// Resources of a group's partition (indices into `AccessPlan.Group.resources`) that its
/// representative can access alike, and that access.
public struct ClassAnswer: Sendable {
    public let members: [Int32]
    public let access: Access
}

extension AccessModel {
    /// What the representative of `classing.plan.groups[index]` can access: the same answers as
    /// `access(of:)` over every resource of the group, one evaluation per class of resources that
    /// decide alike for it (`PlanClassing`).
    public func accessClasses(ofGroup index: Int, classing: PlanClassing) -> [ClassAnswer] {
        let group = classing.plan.groups[index]
        let p = group.representative
        let memo = AccessMemo()
        memo.reset(for: p, in: self)
        var allow: (service: String, statements: [Statement]) = ("", [])
        var out: [ClassAnswer] = []
        func decide(_ members: [Int32]) {
            if let a = self.decide(group.resources[Int(members[0])], for: p, memo: memo, allow: &allow) {
                out.append(ClassAnswer(members: members, access: a))
            }
        }
        let positions = classing.positions[group.partition]
        let excluded = Set(group.namingRepresentative.compactMap { positions[$0] })
        let base = classing.bases[classing.baseOfGroup[index]]
        guard let clauses = classing.clausesOfGroup[index] else {
            for i in group.resources.indices where !excluded.contains(Int32(i)) { decide([Int32(i)]) }
            return out
        }
        // Resources one by one: those no class holds.
        for i in base.classOf.indices where base.classOf[i] < 0 && !excluded.contains(Int32(i)) { decide([Int32(i)]) }
        // Resources some Resource element matches unlike the rest of the partition: by their codes.
        let splitting = clauses.compactMap { classing.codes[$0] }.filter { !$0.exceptions.isEmpty }
        let n = splitting.count
        var slotOf: [Int32: Int] = [:]
        var touched: [Int32] = []
        var signatures: [UInt32] = []
        for (j, codes) in splitting.enumerated() {
            for (k, m) in codes.exceptions.enumerated() where base.classOf[Int(m)] >= 0 && !excluded.contains(m) {
                let slot: Int
                if let known = slotOf[m] {
                    slot = known
                } else {
                    slot = touched.count
                    slotOf[m] = slot
                    touched.append(m)
                    signatures.append(UInt32(bitPattern: base.classOf[Int(m)]))
                    signatures += splitting.map(\.dominant)
                }
                signatures[slot * (n + 1) + 1 + j] = codes.exceptionCodes[k]
            }
        }
        var touchedClasses: [ArraySlice<UInt32>: Int] = [:]
        var touchedMembers: [[Int32]] = []
        var touchedInBase: [Int32: Int] = [:]
        for (slot, m) in touched.enumerated() {
            touchedInBase[base.classOf[Int(m)], default: 0] += 1
            let signature = signatures[(slot * (n + 1))..<((slot + 1) * (n + 1))]
            if let c = touchedClasses[signature] {
                touchedMembers[c].append(m)
            } else {
                touchedClasses[signature] = touchedMembers.count
                touchedMembers.append([m])
            }
        }
        for members in touchedMembers { decide(members) }
        // The rest of each class: every member matched by each Resource element as most are.
        var excludedInBase: [Int32: Int] = [:]
        for m in excluded where base.classOf[Int(m)] >= 0 { excludedInBase[base.classOf[Int(m)], default: 0] += 1 }
        for (b, members) in base.members.enumerated() {
            let removed = (touchedInBase[Int32(b)] ?? 0) + (excludedInBase[Int32(b)] ?? 0)
            if removed == 0 {
                decide(members)
            } else if removed < members.count {
                decide(members.filter { slotOf[$0] == nil && !excluded.contains($0) })
            }
        }
        return out
    }
}
