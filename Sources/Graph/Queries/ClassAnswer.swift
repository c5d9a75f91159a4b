import Concurrency
import Policy

/// Resources of a group's partition (indices into `AccessPlan.Group.resources`) that its
/// representative can access alike, and that access.
public struct ClassAnswer: Sendable {
    public let members: [Int32]
    public let access: Access
}

/// The classes of resources of one group, before they are decided: from `matchedAsMost` on,
/// each Resource element of the representative's policies matches every member as it matches
/// most of the partition's resources (the rest of a base class, `PlanClassing.Codes.dominant`).
struct GroupClasses {
    var members: [[Int32]] = []
    var matchedAsMost = 0
}

extension AccessModel {
    /// What the representative of `classing.plan.groups[index]` can access: the same answers as
    /// `access(of:)` over every resource of the group, one evaluation per class of resources that
    /// decide alike for it (`PlanClassing`).
    public func accessClasses(ofGroup index: Int, classing: PlanClassing) -> [ClassAnswer] {
        let group = classing.plan.groups[index]
        let memo = AccessMemo()
        memo.reset(for: group.representative, in: self)
        var allow: (service: String, statements: [Statement]) = ("", [])
        let classes = resourceClasses(ofGroup: index, classing: classing)
        return classes.members.compactMap { members in
            decide(group.resources[Int(members[0])], for: group.representative, memo: memo, allow: &allow)
                .map { ClassAnswer(members: members, access: $0) }
        }
    }

    /// The same for every group of the plan, by group, on every core: a class whose
    /// representative's sides, resource policy and RCPs prepare like those of a class decided
    /// already, with the same facts, takes its answer (`SharedAnswers`).
    public func accessClassesOfEveryGroup(classing: PlanClassing) -> [[ClassAnswer]] {
        accessClassesOfEveryGroup(classing: classing, sharing: SharedAnswers())
    }

    /// The same, sharing answers through `shared`.
    func accessClassesOfEveryGroup(classing: PlanClassing, sharing shared: SharedAnswers) -> [[ClassAnswer]] {
        let groups = classing.plan.groups
        let model = self
        return ParallelMap.map(Array(groups.indices)) { g -> [ClassAnswer] in
            let group = groups[g]
            let p = group.representative
            let memo = AccessMemo()
            memo.reset(for: p, in: model)
            memo.remembers = false
            var allow: (service: String, statements: [Statement]) = ("", [])
            let base = classing.bases[classing.baseOfGroup[g]]
            let classes = model.resourceClasses(ofGroup: g, classing: classing)
            var alike = AlikeNumbers(services: classing.plan.partitions[group.partition].services)
            return classes.members.indices.compactMap { i in
                let members = classes.members[i]
                let first = Int(members[0])
                let r = group.resources[first]
                let answer: Access?
                let c = base.classOf[first]
                if c < 0 {
                    answer = model.decide(r, for: p, memo: memo, allow: &allow)
                } else {
                    let numbers = i >= classes.matchedAsMost
                        ? alike.numbers(of: r) { model.targetNumbers(r, for: p, memo: memo, shared: shared) }
                        : model.targetNumbers(r, for: p, memo: memo, shared: shared)
                    let key = model.sharedKey(r, for: p, numbers: numbers, prepared: base.prepared[Int(c)])
                    if let known = shared.answer(key) {
                        answer = known
                    } else {
                        answer = model.decide(r, for: p, memo: memo, allow: &allow)
                        shared.store(answer, for: key)
                    }
                }
                return answer.map { ClassAnswer(members: members, access: $0) }
            }
        }
    }

    /// The classes of resources of `classing.plan.groups[index]` for its representative.
    func resourceClasses(ofGroup index: Int, classing: PlanClassing) -> GroupClasses {
        let group = classing.plan.groups[index]
        var out = GroupClasses()
        let positions = classing.positions[group.partition]
        let excluded = Set(group.namingRepresentative.compactMap { positions[$0] })
        let base = classing.bases[classing.baseOfGroup[index]]
        guard let clauses = classing.clausesOfGroup[index] else {
            for i in group.resources.indices where !excluded.contains(Int32(i)) { out.members.append([Int32(i)]) }
            out.matchedAsMost = out.members.count
            return out
        }
        // Resources one by one: those no class holds.
        for i in base.classOf.indices where base.classOf[i] < 0 && !excluded.contains(Int32(i)) { out.members.append([Int32(i)]) }
        // Resources some Resource element matches unlike the rest of the partition: by their codes.
        let codes = clauses.map { classing.codes[$0]! }
        let splitting = codes.indices.filter { !codes[$0].exceptions.isEmpty }
        let n = splitting.count
        var slotOf: [Int32: Int] = [:]
        var touched: [Int32] = []
        var signatures: [UInt32] = []
        for (j, c) in splitting.enumerated() {
            let split = codes[c]
            for (k, m) in split.exceptions.enumerated() where base.classOf[Int(m)] >= 0 && !excluded.contains(m) {
                let slot: Int
                if let known = slotOf[m] {
                    slot = known
                } else {
                    slot = touched.count
                    slotOf[m] = slot
                    touched.append(m)
                    signatures.append(UInt32(bitPattern: base.classOf[Int(m)]))
                    for c in splitting { signatures.append(codes[c].dominant) }
                }
                signatures[slot * (n + 1) + 1 + j] = split.exceptionCodes[k]
            }
        }
        // Resources touched by a splitting clause: by base class and the match of each splitting clause.
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
        out.members += touchedMembers
        // The rest of each class: every member matched by each Resource element as most are.
        out.matchedAsMost = out.members.count
        var excludedInBase: [Int32: Int] = [:]
        for m in excluded where base.classOf[Int(m)] >= 0 { excludedInBase[base.classOf[Int(m)], default: 0] += 1 }
        for (b, members) in base.members.enumerated() {
            let removed = (touchedInBase[Int32(b)] ?? 0) + (excludedInBase[Int32(b)] ?? 0)
            if removed == 0 {
                out.members.append(members)
            } else if removed < members.count {
                out.members.append(members.filter { slotOf[$0] == nil && !excluded.contains($0) })
            }
        }
        return out
    }
}

