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

    static func decode(_ bytes: [UInt8], expecting header: String) -> StoredAnswer? {
        let prefix = Array((format + "\n" + header + "\n").utf8)
        guard bytes.count > prefix.count, bytes[..<prefix.count].elementsEqual(prefix) else { return nil }
        // Two count lines, then the empty line.
        var i = prefix.count
        var counts: [Int] = []
        for label in ["stdout ", "stderr "] {
            guard let end = bytes[i...].firstIndex(of: 0x0A) else { return nil }
            let line = String(decoding: bytes[i..<end], as: UTF8.self)
            guard line.hasPrefix(label), let n = Int(line.dropFirst(label.count)), n >= 0 else { return nil }
            counts.append(n)
            i = end + 1
        }
        guard i < bytes.count, bytes[i] == 0x0A, bytes.count == i + 1 + counts[0] + counts[1] else { return nil }
        let body = i + 1
        return StoredAnswer(stdout: bytes[body..<(body + counts[0])], stderr: bytes[(body + counts[0])...])
    }
}
