import Foundation
import Graph
import Policy
import Snapshot
import Testing
@testable import Analysis

/// Findings and who-can decide through the batch evaluator behind shortcuts (classes of alike
/// principals, memoized answers, role-assumption edges built on demand); `AccessModel.decide`
/// asks one request through the scalar evaluator with the same context and policies. These
/// tests hold every answer to that reference, both ways: what the answers list is allowed by
/// one request, with the same undecided conditions, and what they leave out is denied.
@Suite("Differential: findings and who-can agree with single requests", .generatedSnapshots)
struct DifferentialTests {
    // MARK: What the answers list

    @Test("Every finding is allowed by single requests, hop by hop, with the same conditions", arguments: DifferentialSnapshot.allCases)
    func findingsAreAllowed(_ s: DifferentialSnapshot) async throws {
        let p = try await DifferentialFixtures.shared.prepared(s)
        // `report` builds every edge first, `findings` builds them on demand: the same answer.
        #expect(p.findings == p.findingsWithAllEdges)
        #expect(!p.findings.isEmpty)
        var chains = ChainChecker(reference: SingleRequests(model: p.model))
        for f in p.findings {
            chains.check(
                "finding", path: f.path, actions: f.actions, conditions: f.conditions, deniedWhen: f.deniedWhen,
                conditional: !f.conditions.isEmpty || !f.deniedWhen.isEmpty,
                // A transitive finding merges the actions of every chain from its principal into the
                // resource but shows the shortest; the others' actions come from other roles.
                lastHopListsAll: f.path.count == 2)
        }
        chains.disagreements.report("findings on \(s) (\(p.findings.count) findings, \(p.findings.filter { $0.path.count > 2 }.count) through roles)")
    }

    @Test("Every who-can row is allowed by single requests, hop by hop, with the same conditions", arguments: DifferentialSnapshot.allCases)
    func whoCanRowsAreAllowed(_ s: DifferentialSnapshot) async throws {
        let p = try await DifferentialFixtures.shared.prepared(s)
        let answers = try await DifferentialFixtures.shared.whoCanAnswers(s)
        var chains = ChainChecker(reference: SingleRequests(model: p.model))
        var rows = 0
        for arn in answers.keys.sorted() {
            for row in answers[arn]!.principals {
                rows += 1
                // A row through roles carries the actions of the last role, all of them.
                chains.check(
                    "who-can \(arn)", path: row.path, actions: row.actions, conditions: row.conditions, deniedWhen: row.deniedWhen,
                    conditional: row.conditional, lastHopListsAll: true)
            }
        }
        #expect(rows > 0)
        chains.disagreements.report("who-can on \(s) (\(answers.count) resources, \(rows) rows)")
    }

    // MARK: What the answers leave out

    @Test("Findings leave out only requests of outside principals that single requests deny", arguments: DifferentialSnapshot.allCases)
    func findingsLeaveOutOnlyDenied(_ s: DifferentialSnapshot) async throws {
        let p = try await DifferentialFixtures.shared.prepared(s)
        let model = p.model
        let reference = SingleRequests(model: model)
        // Direct findings: resource -> principal -> actions (over every condition split).
        var listed: [String: [String: Set<String>]] = [:]
        for f in p.findings where f.path.count == 2 { listed[f.resource, default: [:]][f.principal, default: []].formUnion(f.actions) }
        // Every (outside principal, resource, action) triple; on the generated snapshots those whose
        // resource policy names the principal, its account or everyone (where grants to outside
        // principals come from) and a seeded draw of the others.
        var named: [(PrincipalEntry, ResourceEntry, String)] = []
        var others: [(PrincipalEntry, ResourceEntry, String)] = []
        for id in model.outsideOrder {
            let principal = model.outsidePrincipals[id]!
            for arn in model.resourceOrder {
                let r = model.resources[arn]!
                guard !model.isInsideZone(principal, resourceAccount: r.account, resourceIsRole: r.isRole) else { continue }
                let names = Self.allowNamedPrincipals(r)
                let isNamed = names.contains(principal.id) || names.contains("*") || principal.request.accountRootArn.map(names.contains) == true
                for a in reference.actions(of: r, for: principal) {
                    if isNamed { named.append((principal, r, a)) } else { others.append((principal, r, a)) }
                }
            }
        }
        let total = named.count + others.count
        let sample = named + Self.sample(others, exhaustive: s.exhaustive)
        var d = Disagreements()
        var allowed = 0
        var unlisted = 0
        // The batch path asked the same triple directly (`access(of:to:)`, no classes or memo): one
        // evaluation per principal and resource.
        var batch: [String: Access?] = [:]
        for (principal, r, a) in sample {
            let pair = principal.id + "\u{0}" + r.arn
            if batch[pair] == nil { batch[pair] = .some(model.access(of: principal, to: r)) }
            let e = model.decide(principal, a, on: r)
            let result = e?.result ?? .no
            let batchAllows = batch[pair]!.map { $0.actions.contains(a) } ?? false
            d.check(batchAllows == (result != .no),
                "\(principal.id) \(a) on \(r.arn): the batch evaluator \(batchAllows ? "allows" : "denies"), one request says \(result) (\(e.map { $0.rule.rawValue } ?? "-"))")
            let mine = listed[r.arn]?[principal.id]?.contains(a) == true
            // Findings name the principals a policy names (as Access Analyzer does): a principal the
            // policy does not name reaches the resource through the finding of `*` or of its account.
            let isNamed = Self.allowNamedPrincipals(r).contains(principal.id)
            let covering = ["*", principal.request.accountRootArn].compactMap { $0 }.filter { $0 != principal.id }
            let covered = !isNamed && covering.contains { listed[r.arn]?[$0]?.contains(a) == true }
            if result != .no { allowed += 1 }
            if mine || covered { continue }
            unlisted += 1
            let message = "one request allows \(principal.id) \(a) on \(r.arn) (\(result), \(e.map { $0.rule.rawValue } ?? "-"), "
                + "undecided \(ConditionSet(e?.undecidedConditions ?? []))), no direct finding lists it"
                + (isNamed ? "" : " (the policy does not name the principal; no finding of \(covering) lists it either)")
            d.check(result == .no, message)
        }
        #expect(sample.count >= (s.exhaustive ? total : 600), "\(sample.count) of \(total) (outside principal, resource, action) triples checked")
        #expect(allowed > 0, "\(allowed) allowed and \(unlisted) unlisted of \(sample.count) triples checked on \(s)")
        d.report("findings' omissions on \(s): \(sample.count) of \(total) triples checked, \(allowed) allowed, \(unlisted) unlisted")
    }

    @Test("Findings through roles leave out nothing the roles reached from outside can access", arguments: DifferentialSnapshot.allCases)
    func findingsThroughRolesLeaveOutNothing(_ s: DifferentialSnapshot) async throws {
        let p = try await DifferentialFixtures.shared.prepared(s)
        let model = p.model
        let reference = SingleRequests(model: model)
        let roles = model.resourceOrder.filter { model.resources[$0]!.isRole }
        // Where each outside principal enters (its direct findings on roles), and every finding's
        // actions by principal and resource.
        var entries: [String: Set<String>] = [:]
        var actions: [String: Set<String>] = [:]
        var directPairs: Set<String> = []
        for f in p.findings {
            let pair = f.principal + "\u{0}" + f.resource
            actions[pair, default: []].formUnion(f.actions)
            guard f.path.count == 2 else { continue }
            directPairs.insert(pair)
            if model.resources[f.resource]?.isRole == true { entries[f.principal, default: []].insert(f.resource) }
        }
        // Whom each role can assume, by one request per role pair.
        var assumable: [String: [String]] = [:]
        func next(_ role: String) -> [String] {
            if let known = assumable[role] { return known }
            let from = model.principals[role]!
            let out = roles.filter { $0 != role && (reference.assume(from, model.resources[$0]!)?.result ?? .no) != .no }
            assumable[role] = out
            return out
        }
        // What each role can access, by the batch evaluator on each resource alone (no classes of
        // roles, no memo: the shortcuts findings take are what is checked); spot-checked below
        // against one request per action.
        var reachable: [String: [(ResourceEntry, Access)]] = [:]
        func accessible(_ role: String) -> [(ResourceEntry, Access)] {
            if let known = reachable[role] { return known }
            let from = model.principals[role]!
            let out = model.resourceOrder.compactMap { arn -> (ResourceEntry, Access)? in
                let r = model.resources[arn]!
                guard !r.isRole, let a = model.access(of: from, to: r) else { return nil }
                return (r, a)
            }
            reachable[role] = out
            return out
        }
        var d = Disagreements()
        var rolesReached = 0
        func reach(from start: Set<String>, skipping skip: Set<String>) -> Set<String> {
            var seen = start
            var queue = seen.sorted()
            while let role = queue.popLast() {
                for r in next(role) where !skip.contains(r) && seen.insert(r).inserted { queue.append(r) }
            }
            return seen
        }
        for origin in entries.keys.sorted() {
            let o = model.principal(origin)!
            let seen = reach(from: entries[origin]!, skipping: [])
            rolesReached += seen.count
            for role in seen.sorted() {
                let roleEntry = model.resources[role]!
                func check(_ ok: Bool, _ message: @autoclosure () -> String) { d.check(ok, message()) }
                if !entries[origin]!.contains(role) && !model.isInsideZone(o, resourceAccount: roleEntry.account) {
                    check(actions[origin + "\u{0}" + role] != nil, "\(origin) reaches \(role) through roles (one request per hop), no finding lists it")
                }
                for (r, access) in accessible(role) where !model.isInsideZone(o, resourceAccount: r.account) {
                    let pair = origin + "\u{0}" + r.arn
                    // A direct finding stands for the pair (its omissions are checked by findingsLeaveOutOnlyDenied).
                    if directPairs.contains(pair) { continue }
                    let listed = actions[pair] ?? []
                    let missing = access.actions.filter { !listed.contains($0) }
                    check(missing.isEmpty, "\(origin) reaches \(role), which can \(Self.abbreviated(missing)) on \(r.arn); no finding of \(origin) on it lists \(missing.count == access.actions.count ? "any of them" : "those")")
                }
            }
        }
        // The reference above is the batch evaluator on one role and resource: one request agrees
        // on a seeded sample of (role, resource, action) triples, and on every allowed action.
        var triples: [(PrincipalEntry, ResourceEntry, String, Bool)] = []
        for role in reachable.keys.sorted() {
            let from = model.principals[role]!
            let allowed = Dictionary(uniqueKeysWithValues: reachable[role]!.map { ($0.0.arn, Set($0.1.actions)) })
            for arn in model.resourceOrder where !model.resources[arn]!.isRole {
                let r = model.resources[arn]!
                for a in reference.actions(of: r, for: from) { triples.append((from, r, a, allowed[arn]?.contains(a) == true)) }
            }
        }
        let sample = triples.filter(\.3) + Self.sample(triples.filter { !$0.3 }, exhaustive: false, limit: 400)
        for (from, r, a, batchAllows) in sample {
            let e = model.decide(from, a, on: r)
            d.check(batchAllows == ((e?.result ?? .no) != .no),
                "\(from.id) \(a) on \(r.arn): the batch evaluator \(batchAllows ? "allows" : "denies"), one request says \(ChainChecker.describe(e))")
        }
        #expect(entries.isEmpty || !reachable.isEmpty, "\(entries.count) outside principals enter roles, \(rolesReached) roles reached")
        d.report("findings through roles on \(s): \(entries.count) outside principals, \(rolesReached) roles reached, \(reachable.count) roles' access, \(sample.count) of \(triples.count) role triples checked by one request")
    }

    static func abbreviated(_ actions: [String]) -> String {
        actions.count <= 4 ? "\(actions)" : "\(Array(actions.prefix(4))) and \(actions.count - 4) more"
    }

    @Test("Who-can leaves out only requests that single requests deny", arguments: DifferentialSnapshot.allCases)
    func whoCanLeavesOutOnlyDenied(_ s: DifferentialSnapshot) async throws {
        let p = try await DifferentialFixtures.shared.prepared(s)
        let model = p.model
        let reference = SingleRequests(model: model)
        let answers = try await DifferentialFixtures.shared.whoCanAnswers(s)
        var triples: [(PrincipalEntry, ResourceEntry, String)] = []
        for arn in answers.keys.sorted() {
            let r = model.resources[arn]!
            for id in model.principalOrder {
                let principal = model.principals[id]!
                for a in reference.actions(of: r, for: principal) { triples.append((principal, r, a)) }
            }
        }
        let sample = Self.sample(triples, exhaustive: s.exhaustive, limit: 1000)
        var d = Disagreements()
        var allowed = 0
        var denied = 0
        for (principal, r, a) in sample {
            let direct = answers[r.arn]!.principals.first { $0.principal == principal.id && $0.path.count == 2 }
            let e = model.decide(principal, a, on: r)
            let result = e?.result ?? .no
            let isListed = direct?.actions.contains(a) == true
            if result != .no { allowed += 1 }
            if !isListed { denied += 1 }
            d.check(isListed == (result != .no), isListed
                ? "who-can \(r.arn) lists \(principal.id) with \(a), one request denies it (\(e.map { $0.rule.rawValue } ?? "action does not apply"))"
                : "one request allows \(principal.id) \(a) on \(r.arn) (\(result), \(e.map { $0.rule.rawValue } ?? "-")), who-can does not list it directly")
        }
        #expect(sample.count >= (s.exhaustive ? triples.count : 1000), "\(sample.count) of \(triples.count) (principal, resource, action) triples checked")
        #expect(allowed > 0, "\(allowed) allowed and \(denied) unlisted (all denied) of \(sample.count) triples checked on \(s)")
        d.report("who-can's omissions on \(s): \(sample.count) of \(triples.count) triples checked, \(allowed) allowed, \(denied) unlisted")
    }

    @Test("Who-can leaves out no principal that can assume a role it lists", arguments: DifferentialSnapshot.allCases)
    func whoCanThroughRolesLeavesOutNoOne(_ s: DifferentialSnapshot) async throws {
        let p = try await DifferentialFixtures.shared.prepared(s)
        let model = p.model
        let reference = SingleRequests(model: model)
        let answers = try await DifferentialFixtures.shared.whoCanAnswers(s)
        // The snapshot principals that can assume each role, by one request each.
        var assumers: [String: [String]] = [:]
        var d = Disagreements()
        func canAssume(_ role: String) -> [String] {
            if let known = assumers[role] { return known }
            let r = model.resources[role]!
            var out: [String] = []
            for id in model.principalOrder where id != role {
                let q = model.principals[id]!
                let single = (reference.assume(q, r)?.result ?? .no) != .no
                // The batch evaluator on the pair alone agrees: what who-can leaves out, it leaves
                // out by its edges, not by how it decides.
                let batch = model.access(of: q, to: r) != nil
                d.check(batch == single, "\(id) assuming \(role): the batch evaluator \(batch ? "allows" : "denies"), one request \(single ? "allows" : "denies")")
                if single { out.append(id) }
            }
            assumers[role] = out
            return out
        }
        var roleRows = 0
        for arn in answers.keys.sorted() {
            let rows = answers[arn]!.principals
            let listed = Set(rows.map(\.principal))
            for row in rows {
                guard let role = model.resources[row.principal], role.isRole else { continue }
                roleRows += 1
                for q in canAssume(row.principal) {
                    let message = "who-can \(arn) lists \(row.principal) (\(row.path.joined(separator: " -> "))); one request lets \(q) assume it, who-can does not list \(q)"
                    d.check(listed.contains(q), message)
                }
            }
        }
        #expect(roleRows > 0, "\(roleRows) rows of roles over \(answers.count) resources")
        d.report("who-can through roles on \(s): \(roleRows) rows of roles over \(answers.count) resources, \(assumers.count) roles' assumers")
    }

    // MARK: Helpers

    /// Every triple, or `limit` of them drawn by a seeded generator (the same ones every run).
    static func sample<T>(_ triples: [T], exhaustive: Bool, limit: Int = 600) -> [T] {
        guard !exhaustive, triples.count > limit else { return triples }
        var generator = SeededGenerator(state: 13)
        return Array(triples.shuffled(using: &generator).prefix(limit))
    }

    /// The principal ids a resource policy's Allow statements name (`*` for a NotPrincipal), as
    /// findings read them.
    static func allowNamedPrincipals(_ r: ResourceEntry) -> Set<String> {
        var out: Set<String> = []
        for st in r.policy?.document.statements ?? [] where st.effect == .allow {
            switch st.principal {
            case .notPrincipal?: out.insert("*")
            case .principal(let patterns)?: for p in patterns { out.insert(p.description) }
            case nil: break
            }
        }
        return out
    }
}

/// Checks one answer's path hop by hop against single requests: every role assumption allowed,
/// the last hop allowed for the answer's actions, and the answer conditional exactly when some
/// hop is, with the same undecided conditions.
struct ChainChecker {
    let reference: SingleRequests
    var disagreements = Disagreements()
    /// Roles reachable from each origin by single requests, and whom each principal can assume.
    var reachable: [String: Set<String>] = [:]
    var assumable: [String: [String]] = [:]

    init(reference: SingleRequests) { self.reference = reference }

    static func describe(_ e: Evaluation?) -> String {
        guard let e else { return "the action does not apply" }
        return "\(e.result) (\(e.rule.rawValue))"
    }

    /// `lastHopListsAll`: the last hop's principal is allowed exactly the listed actions (a
    /// direct answer, a who-can row); else it is allowed some of them and the others are allowed
    /// to some role the path's first principal reaches (a transitive finding).
    mutating func check(
        _ what: String, path: [String], actions: [String], conditions: [String: [String: [String]]],
        deniedWhen: [String: [String: [String]]], conditional: Bool, lastHopListsAll: Bool
    ) {
        let model = reference.model
        let label = "\(what): \(path.joined(separator: " -> ")) \(actions)"
        guard path.count >= 2, let origin = model.principal(path[0]) else {
            disagreements.check(false, "\(label): the path's principal is not in the model")
            return
        }
        var allow = ConditionSet()
        var deny = ConditionSet()
        var unknown = false
        func note(_ e: Evaluation) {
            guard e.result == .unknown else { return }
            unknown = true
            allow.formUnion(ConditionSet(e.undecidedConditions))
            deny.formUnion(ConditionSet(e.undecidedDenyConditions))
        }
        for i in 0..<(path.count - 1) {
            guard let from = model.principal(path[i]), let to = model.resources[path[i + 1]] else {
                disagreements.check(false, "\(label): hop \(path[i]) -> \(path[i + 1]) is not in the model")
                return
            }
            let last = i == path.count - 2
            if !last {
                let e = reference.assume(from, to)
                disagreements.check(e.map { $0.result != .no } ?? false, "\(label): one request to assume \(to.arn) as \(from.id): \(Self.describe(e))")
                if let e { note(e) }
                continue
            }
            let allowed = reference.allowed(from, on: to)
            let allowedActions = Set(allowed.map(\.action))
            if lastHopListsAll {
                for a in actions where !allowedActions.contains(a) {
                    disagreements.check(false, "\(label): lists \(a), one request of \(from.id): \(Self.describe(model.decide(from, a, on: to)))")
                }
                for a in allowedActions.subtracting(actions).sorted() {
                    disagreements.check(false, "\(label): one request allows \(from.id) \(a) (\(Self.describe(model.decide(from, a, on: to)))), the answer does not list it")
                }
                disagreements.check(true, "")
            } else {
                let own = actions.filter(allowedActions.contains)
                disagreements.check(!own.isEmpty, "\(label): one request of \(from.id) allows none of the actions")
                let others = actions.filter { !allowedActions.contains($0) }
                if !others.isEmpty {
                    let roles = rolesReachable(from: origin)
                    for a in others {
                        let by = roles.sorted().first { arn in
                            guard let role = model.principals[arn] else { return false }
                            return (model.decide(role, a, on: to)?.result ?? .no) != .no
                        }
                        disagreements.check(by != nil, "\(label): lists \(a), which no role \(origin.id) reaches is allowed by one request (\(roles.count) roles reached)")
                    }
                }
            }
            for (a, e) in allowed where actions.contains(a) { note(e) }
        }
        // A single request collects undecided conditions whenever a statement's are undecided;
        // the answers keep them only where the result is `.unknown` (an unconditional grant
        // beside a conditional one needs no condition), so only unknown hops are compared.
        disagreements.check(conditional == unknown, "\(label): the answer is \(conditional ? "" : "not ")conditional, single requests are \(unknown ? "" : "not ")undecided")
        disagreements.check(ConditionSet(conditions) == allow, "\(label): conditions \(ConditionSet(conditions)), single requests' undecided Allow conditions \(allow)")
        disagreements.check(ConditionSet(deniedWhen) == deny, "\(label): deniedWhen \(ConditionSet(deniedWhen)), single requests' undecided Deny conditions \(deny)")
    }

    mutating func rolesReachable(from origin: PrincipalEntry) -> Set<String> {
        if let known = reachable[origin.id] { return known }
        let found = reference.rolesReachable(from: origin, memo: &assumable)
        reachable[origin.id] = found
        return found
    }
}
