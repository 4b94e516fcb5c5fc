/// Whole-file facts some detectors need beyond one line: the variables an HMAC is assigned to,
/// and the lines just before a line.
extension FileText {
    /// Signs on a line that it computes an HMAC (or a digest from a MAC object).
    static let hmacMarkers = [
        "hmac", "dofinal(", "authenticationcode", "computehash(", ".sum(nil)", "mac.update", "mac.final",
    ]

    /// The names the file assigns an HMAC to (`computed = hmac.new(…).hexdigest()`, `$expected =
    /// hash_hmac(…)`, `val expected = mac.doFinal(body).toHex()`), and names assigned from those
    /// (`hex = mac.map { … }`), two steps deep. Empty unless the file mentions HMAC.
    var hmacNames: Set<String> {
        if let known = cachedHMACNames { return known }
        var names: Set<String> = []
        if mentions("hmac") || mentions("dofinal(") {
            var assignments: [(name: String, value: [UInt8])] = []
            forEachLine { line in
                guard let (name, value) = Self.assignment(in: line) else { return }
                assignments.append((name, value))
            }
            for (name, value) in assignments where Self.hmacMarkers.contains(where: { value.contains($0, ignoringCase: true) }) {
                names.insert(name)
            }
            for _ in 0..<2 {
                for (name, value) in assignments where !names.contains(name)
                    && names.contains(where: { value.findWord($0) != nil }) {
                    names.insert(name)
                }
            }
            names = names.filter { $0.utf8.count >= 3 && !["key", "secret", "self", "this"].contains($0.lowercased()) }
        }
        cachedHMACNames = names
        return names
    }

    /// `NAME = VALUE` (also `NAME := …`, `let NAME = …`, `String NAME = …`, `$NAME = …`) on a line:
    /// the bare name and the value's bytes.
    static func assignment(in line: [UInt8]) -> (String, [UInt8])? {
        var index = 0
        while index < line.count {
            guard line[index] == UInt8(ascii: "=") else { index += 1; continue }
            let next = index + 1 < line.count ? line[index + 1] : 0
            let previous = index > 0 ? line[index - 1] : 0
            if next == UInt8(ascii: "=") || next == UInt8(ascii: ">") || "=!<>+-*/%&|^".utf8.contains(previous) && previous != 0 {
                index += 2
                continue
            }
            var end = line.skippingSpacesBackward(from: previous == UInt8(ascii: ":") ? index - 1 : index)
            if end > 0, line[end - 1] == UInt8(ascii: "?") { end -= 1 }
            // `val x: String = …`: the name is before the type annotation.
            if let colon = line[..<end].lastIndex(of: UInt8(ascii: ":")), colon > 0, line[colon - 1] != UInt8(ascii: ":") {
                end = line.skippingSpacesBackward(from: colon)
            }
            var start = end
            while start > 0, ASCII.isWord(line[start - 1]) { start -= 1 }
            guard start < end, ASCII.isLetter(line[start]) || line[start] == UInt8(ascii: "_") else { return nil }
            return (line.text(start..<end), Array(line[(index + 1)...]))
        }
        return nil
    }
}
