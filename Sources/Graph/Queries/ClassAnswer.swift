import Concurrency
import Policy

/// Resources of a group's partition (indices into `AccessPlan.Group.resources`) that its
/// representative can access alike, and that access.
public struct ClassAnswer: Sendable {
    public let members: [Int32]
    public let access: Access
}

/// The classes of resources of one group, before they are decided: each class's members, and
/// what decides it when that can be shared with other groups' classes (nil: decided by this
/// group's representative).
struct GroupClasses: Sendable {
    var members: [[Int32]] = []
    var keys: [EvaluationKey?] = []

    mutating func append(_ members: [Int32], key: EvaluationKey?) {
        self.members.append(members)
        keys.append(key)
    }
}

/// Everything a class of resources' answer for a representative depends on (`PlanClassing`):
/// the partition and profile (`base`), the resources' static facts and prepared policies
/// (`baseClass`), the request context as far as it is read, and the representative's
/// statements for the partition's services that match the class's resources, each by shape and
/// match, in order, with the separators between policies, boundary and SCP levels.
struct EvaluationKey: Hashable, Sendable {
    let base: Int
    let baseClass: Int32
    let context: Int
    let statements: [Int64]
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

    /// The same for every group of the plan, by group, each class that decides like a class of
    /// another group (equal `EvaluationKey`) taking that one's answer: one evaluation per
    /// distinct key, on every core; and a class whose representative's sides and resources
    /// prepare like those of a class decided already takes its answer (`SharedAnswers`).
    public func accessClassesOfEveryGroup(classing: PlanClassing) -> [[ClassAnswer]] {
        accessClassesOfEveryGroup(classing: classing, sharing: SharedAnswers())
    }

    /// The same, sharing answers through `shared`.
    func accessClassesOfEveryGroup(classing: PlanClassing, sharing shared: SharedAnswers) -> [[ClassAnswer]] {
        let groups = classing.plan.groups
        let model = self
        var classes = ParallelMap.map(Array(groups.indices)) { model.resourceClasses(ofGroup: $0, classing: classing) }
        // The class that decides each key first, and each class's decider.
        var deciders: [[(group: Int, position: Int)]] = []
        var own: [[Int]] = Array(repeating: [], count: groups.count)
        do {
            var owners: [EvaluationKey: (group: Int, position: Int)] = [:]
            for (g, c) in classes.enumerated() {
                var mine: [(group: Int, position: Int)] = []
                mine.reserveCapacity(c.keys.count)
                for (i, key) in c.keys.enumerated() {
                    if let key, let known = owners[key] {
                        mine.append(known)
                        continue
                    }
                    if let key { owners[key] = (g, own[g].count) }
                    mine.append((g, own[g].count))
                    own[g].append(i)
                }
                deciders.append(mine)
            }
        }
        // The keys are needed no more (a large organization has millions).
        for g in classes.indices { classes[g].keys = [] }
        let owned = own
        let decided = classes
        let answers = ParallelMap.map(Array(groups.indices)) { g -> [Access?] in
            let group = groups[g]
            let memo = AccessMemo()
            memo.reset(for: group.representative, in: model)
            memo.remembers = false
            var allow: (service: String, statements: [Statement]) = ("", [])
            let base = classing.baseOfGroup[g]
            let classOf = classing.bases[base].classOf
            return owned[g].map { i in
                let first = Int(decided[g].members[i][0])
                let r = group.resources[first]
                guard classOf[first] >= 0 else { return model.decide(r, for: group.representative, memo: memo, allow: &allow) }
                let key = model.sharedKey(r, for: group.representative, base: base, baseClass: classOf[first], memo: memo, shared: shared)
                if let known = shared.answer(key) { return known }
                let answer = model.decide(r, for: group.representative, memo: memo, allow: &allow)
                shared.store(answer, for: key)
                return answer
            }
        }
        return groups.indices.map { g in
            decided[g].members.indices.compactMap { i in
                let d = deciders[g][i]
                return answers[d.group][d.position].map { ClassAnswer(members: decided[g].members[i], access: $0) }
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
            for i in group.resources.indices where !excluded.contains(Int32(i)) { out.append([Int32(i)], key: nil) }
            return out
        }
        // Resources one by one: those no class holds.
        for i in base.classOf.indices where base.classOf[i] < 0 && !excluded.contains(Int32(i)) { out.append([Int32(i)], key: nil) }
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
        var touchedClasses: [ArraySlice<UInt32>: Int] = [:]
        var touchedMembers: [[Int32]] = []
        var touchedSignatures: [ArraySlice<UInt32>] = []
        var touchedInBase: [Int32: Int] = [:]
        for (slot, m) in touched.enumerated() {
            touchedInBase[base.classOf[Int(m)], default: 0] += 1
            let signature = signatures[(slot * (n + 1))..<((slot + 1) * (n + 1))]
            if let c = touchedClasses[signature] {
                touchedMembers[c].append(m)
            } else {
                touchedClasses[signature] = touchedMembers.count
                touchedMembers.append([m])
                touchedSignatures.append(signature)
            }
        }
        // The match of each clause for a class: the dominant one, but for the splitting clauses of a touched class.
        let dominant = codes.map(\.dominant)
        for (c, members) in touchedMembers.enumerated() {
            var matches = dominant
            let signature = touchedSignatures[c]
            for (j, clause) in splitting.enumerated() { matches[clause] = signature[signature.startIndex + 1 + j] }
            out.append(members, key: evaluationKey(ofGroup: index, classing: classing, baseClass: base.classOf[Int(members[0])], matches: matches))
        }
        // The rest of each class: every member matched by each Resource element as most are.
        var excludedInBase: [Int32: Int] = [:]
        for m in excluded where base.classOf[Int(m)] >= 0 { excludedInBase[base.classOf[Int(m)], default: 0] += 1 }
        for (b, members) in base.members.enumerated() {
            let removed = (touchedInBase[Int32(b)] ?? 0) + (excludedInBase[Int32(b)] ?? 0)
            let key = evaluationKey(ofGroup: index, classing: classing, baseClass: Int32(b), matches: dominant)
            if removed == 0 {
                out.append(members, key: key)
            } else if removed < members.count {
                out.append(members.filter { slotOf[$0] == nil && !excluded.contains($0) }, key: key)
            }
        }
        return out
    }

    /// The key of a class of `classing.plan.groups[index]` whose resources each clause matches as `matches` says.
    func evaluationKey(ofGroup index: Int, classing: PlanClassing, baseClass: Int32, matches: [UInt32]) -> EvaluationKey {
        var statements: [Int64] = []
        for ref in classing.statementsOfGroup[index] {
            if ref.shape < 0 {
                statements.append(Int64(ref.shape))
                continue
            }
            let match = ref.clause < 0 ? UInt32.max : matches[Int(ref.clause)]
            if match == 0 { continue }  // matches no target of the class: takes no part
            statements.append(Int64(ref.shape) << 32 | Int64(match))
        }
        return EvaluationKey(
            base: classing.baseOfGroup[index], baseClass: baseClass, context: classing.contextOfGroup[index], statements: statements)
    }
}
