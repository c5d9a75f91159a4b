/// Parses the date forms IAM's Date operators accept: ISO 8601
/// (`2024-01-31`, `2024-01-31T12:00:00Z`, with fractions or a `+hh:mm` offset)
/// and epoch seconds.
enum DateText {
    static func epochSeconds(_ text: String) -> Double? {
        if let n = Double(text), !text.contains("-") { return n }
        let u = Array(text.utf8)
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= u.count else { return nil }
            var v = 0
            for i in from..<(from + count) {
                guard u[i] >= 0x30, u[i] <= 0x39 else { return nil }
                v = v * 10 + Int(u[i] - 0x30)
            }
            return v
        }
        guard let year = digits(0, 4), u.count >= 10, u[4] == 0x2D, let month = digits(5, 2), u[7] == 0x2D,
            let day = digits(8, 2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var seconds = Double(daysFromCivil(year, month, day)) * 86400
        var i = 10
        if i < u.count, u[i] == UInt8(ascii: "T") || u[i] == UInt8(ascii: " ") {
            guard let h = digits(11, 2), u.count > 13, u[13] == 0x3A, let m = digits(14, 2) else { return nil }
            seconds += Double(h * 3600 + m * 60)
            i = 16
            if i < u.count, u[i] == 0x3A, let s = digits(17, 2) {
                seconds += Double(s)
                i = 19
            }
            if i < u.count, u[i] == UInt8(ascii: ".") {
                i += 1
                var scale = 0.1
                while i < u.count, u[i] >= 0x30, u[i] <= 0x39 {
                    seconds += Double(u[i] - 0x30) * scale
                    scale /= 10
                    i += 1
                }
            }
            if i < u.count, u[i] == UInt8(ascii: "+") || u[i] == UInt8(ascii: "-") {
                let sign: Double = u[i] == UInt8(ascii: "+") ? 1 : -1
                guard let oh = digits(i + 1, 2) else { return nil }
                var om = 0
                if let m2 = digits(i + 4, 2), i + 3 < u.count, u[i + 3] == 0x3A { om = m2 } else if let m2 = digits(i + 3, 2) { om = m2 }
                seconds -= sign * Double(oh * 3600 + om * 60)
                i = u.count
            } else if i < u.count, u[i] == UInt8(ascii: "Z") {
                i += 1
            }
        }
        return seconds
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
}
