import Analysis
import Graph

/// The streamed forms of `findings`: written to standard output as the findings are made,
/// an entry role's findings at a time (`FindingsAnalysis.forEachTransitiveFinding`). With archive
/// rules, what a rule matches is listed apart (`"archived"`), never dropped.
enum FindingsStream {
    /// One finding per line, direct then transitive; an archived one as `{"archived": {...}}`;
    /// warnings on stderr.
    static func ndjson(_ analysis: FindingsAnalysis, warnings: [String], rules: ArchiveRules? = nil) {
        Terminal.write(notes(warnings))
        var out = BufferedOutput()
        let start = ContinuousClock.now
        let model = analysis.model
        let lines: @Sendable ([Finding]) -> [UInt8] = { found in
            let split = ArchiveSplit(findings: found, entryPoints: [], rules: rules ?? ArchiveRules(rules: []), model: model)
            return JSONWriter.findingLines(split.findings) + JSONWriter.archivedLines(split.archived)
        }
        out.write(lines(analysis.direct))
        var count = analysis.direct.count
        analysis.forEachTransitiveFinding({ _, found in (found.count, lines(found)) }) { n, bytes in
            count += n
            out.write(bytes)
        }
        out.flush()
        Timings.note("stream findings (\(count))", since: start)
    }

    /// The JSON document with every transitive finding after the direct ones in `findings`, and
    /// with archive rules the `archived` list (held: it is what the rules name) before `warnings`.
    static func expandedJSON(_ analysis: FindingsAnalysis, warnings: [String], rules: ArchiveRules? = nil) {
        var out = BufferedOutput()
        let start = ContinuousClock.now
        let model = analysis.model
        var archived: [ArchivedFinding] = []
        var entryPoints = analysis.entryPoints()
        if let rules {
            let split = ArchiveSplit(findings: [], entryPoints: entryPoints, rules: rules, model: model)
            entryPoints = split.entryPoints
            archived = split.archived
        }
        let direct = ArchiveSplit(findings: analysis.direct, entryPoints: [], rules: rules ?? ArchiveRules(rules: []), model: model)
        archived += direct.archived
        // The document without transitive findings, cut where they go: before the end of `findings`.
        var entries = JSONWriter()
        entries.indent = 1
        entries.array(entryPoints) { w, e in w.entryPoint(e) }
        var w = JSONWriter()
        w.raw("{")
        w.indent = 1
        w.newline()
        w.string("entryPoints")
        w.raw(": ")
        w.bytes += entries.bytes
        w.raw(",")
        w.newline()
        w.string("findings")
        w.raw(": [")
        var any = !direct.findings.isEmpty
        if any { w.bytes += JSONWriter.findingItems(direct.findings).dropFirst() }
        out.write(w.bytes)
        var count = analysis.direct.count
        analysis.forEachTransitiveFinding({ _, found in
            let split = ArchiveSplit(findings: found, entryPoints: [], rules: rules ?? ArchiveRules(rules: []), model: model)
            return (found.count, JSONWriter.findingItems(split.findings), split.archived)
        }) { n, bytes, archivedHere in
            count += n
            archived += archivedHere
            guard !bytes.isEmpty else { return }
            out.write(any ? bytes : Array(bytes.dropFirst()))
            any = true
        }
        var tail = JSONWriter()
        tail.indent = 1
        if any { tail.newline(); tail.raw("]") } else { tail.bytes.removeAll(); tail.raw("]") }
        tail.raw(",")
        tail.newline()
        if rules != nil {
            tail.string("archived")
            tail.raw(": ")
            tail.array(archived) { w, a in w.archived(a) }
            tail.raw(",")
            tail.newline()
        }
        tail.string("warnings")
        tail.raw(": ")
        tail.strings(warnings)
        tail.indent = 0
        tail.newline()
        tail.raw("}")
        tail.bytes.append(0x0A)
        out.write(tail.bytes)
        out.flush()
        Timings.note("stream findings (\(count))", since: start)
    }

    /// The text tables with the transitive findings (held: text is for what a person reads), and
    /// with archive rules the archived table after them.
    static func expandedText(_ analysis: FindingsAnalysis, warnings: [String], levels: ([String]) -> String, rules: ArchiveRules? = nil) {
        Terminal.write(notes(warnings))
        let model = analysis.model
        let split = ArchiveSplit(
            findings: analysis.direct, entryPoints: analysis.entryPoints(), rules: rules ?? ArchiveRules(rules: []), model: model)
        let transitive = ArchiveSplit(findings: analysis.transitiveFindings(), entryPoints: [], rules: rules ?? ArchiveRules(rules: []), model: model)
        var text = FindingsText.render(
            direct: split.findings, entryPoints: split.entryPoints, transitive: transitive.findings, zone: model.zone, levels: levels)
        if rules != nil { text += "\n\n" + FindingsText.archived(split.archived + transitive.archived) }
        var out = BufferedOutput()
        out.write(text + "\n")
        out.flush()
    }

    /// Warnings for stderr, and how many.
    static func notes(_ warnings: [String]) -> String {
        var notes = warnings.map { "warning: \($0)\n" }.joined()
        if !warnings.isEmpty { notes += "\(warnings.count) warning(s): the rest of the snapshot was analysed.\n" }
        return notes
    }
}
