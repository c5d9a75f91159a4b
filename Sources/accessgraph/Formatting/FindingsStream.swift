import Analysis

/// The streamed forms of `findings`: written to standard output as the findings are made,
/// an entry role's findings at a time (`FindingsAnalysis.forEachTransitiveFinding`).
enum FindingsStream {
    /// One finding per line, direct then transitive; warnings on stderr.
    static func ndjson(_ analysis: FindingsAnalysis, warnings: [String]) {
        Terminal.write(notes(warnings))
        var out = BufferedOutput()
        let start = ContinuousClock.now
        out.write(JSONWriter.findingLines(analysis.direct))
        var count = analysis.direct.count
        analysis.forEachTransitiveFinding({ _, found in (found.count, JSONWriter.findingLines(found)) }) { n, bytes in
            count += n
            out.write(bytes)
        }
        out.flush()
        Timings.note("stream findings (\(count))", since: start)
    }

    /// The JSON document with every transitive finding after the direct ones in `findings`.
    static func expandedJSON(_ analysis: FindingsAnalysis, warnings: [String]) {
        var out = BufferedOutput()
        let start = ContinuousClock.now
        let entryPoints = analysis.entryPoints()
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
        var any = !analysis.direct.isEmpty
        if any { w.bytes += JSONWriter.findingItems(analysis.direct).dropFirst() }
        out.write(w.bytes)
        var count = analysis.direct.count
        analysis.forEachTransitiveFinding({ _, found in (found.count, JSONWriter.findingItems(found)) }) { n, bytes in
            guard n > 0 else { return }
            out.write(any ? bytes : Array(bytes.dropFirst()))
            any = true
            count += n
        }
        var tail = JSONWriter()
        tail.indent = 1
        if any { tail.newline(); tail.raw("]") } else { tail.bytes.removeAll(); tail.raw("]") }
        tail.raw(",")
        tail.newline()
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

    /// The text tables with the transitive findings (held: text is for what a person reads).
    static func expandedText(_ analysis: FindingsAnalysis, warnings: [String], levels: ([String]) -> String) {
        Terminal.write(notes(warnings))
        let text = FindingsText.render(
            direct: analysis.direct, entryPoints: analysis.entryPoints(), transitive: analysis.transitiveFindings(),
            zone: analysis.model.zone, levels: levels)
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
