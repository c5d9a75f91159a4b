/// The file format of one stored answer: a text header (format line, the tool, the snapshot's
/// fingerprint and the query it answers, the byte counts), an empty line, then stdout's and
/// stderr's bytes. A file whose header differs from the one expected is not an answer.
enum AnswerFile {
    static let format = "accessgraph-answer 1"

    static func encode(_ answer: StoredAnswer, header: String) -> [UInt8] {
        var out = Array((format + "\n" + header + "\nstdout \(answer.stdout.count)\nstderr \(answer.stderr.count)\n\n").utf8)
        out.reserveCapacity(out.count + answer.stdout.count + answer.stderr.count)
        out += answer.stdout
        out += answer.stderr
        return out
    }

    /// Where the stored bytes are: stdout's from `body`, then stderr's.
    struct Layout {
        let body: Int
        let stdoutCount: Int
        let stderrCount: Int
    }

    /// The layout from the file's first bytes, when its header is the one expected and the
    /// counts add up to `fileSize`.
    static func layout(_ bytes: ArraySlice<UInt8>, expecting header: String, fileSize: Int) -> Layout? {
        let prefix = Array((format + "\n" + header + "\n").utf8)
        guard bytes.count > prefix.count, bytes.prefix(prefix.count).elementsEqual(prefix) else { return nil }
        // Two count lines, then the empty line.
        var i = bytes.startIndex + prefix.count
        var counts: [Int] = []
        for label in ["stdout ", "stderr "] {
            guard let end = bytes[i...].firstIndex(of: 0x0A) else { return nil }
            let line = String(decoding: bytes[i..<end], as: UTF8.self)
            guard line.hasPrefix(label), let n = Int(line.dropFirst(label.count)), n >= 0 else { return nil }
            counts.append(n)
            i = end + 1
        }
        guard i < bytes.endIndex, bytes[i] == 0x0A else { return nil }
        let body = i + 1 - bytes.startIndex
        guard fileSize == body + counts[0] + counts[1] else { return nil }
        return Layout(body: body, stdoutCount: counts[0], stderrCount: counts[1])
    }

    static func decode(_ bytes: [UInt8], expecting header: String) -> StoredAnswer? {
        guard let l = layout(bytes[...], expecting: header, fileSize: bytes.count) else { return nil }
        return StoredAnswer(stdout: bytes[l.body..<(l.body + l.stdoutCount)], stderr: bytes[(l.body + l.stdoutCount)...])
    }
}
