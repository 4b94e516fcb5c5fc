/// Writes strings as YAML scalars that Evident's loader reads back as exactly the same strings:
/// plain only for simple names, literal blocks for multi-line text that a block can hold
/// unchanged, double quotes with escapes for everything else. Works on UTF-8 bytes: catalogs
/// run to megabytes of text.
enum YAMLScalar {
    /// `text` for a key's value on one line, or as a literal block whose lines are indented by `indent` spaces.
    static func value(_ text: String, indent: Int) -> String {
        if isPlainName(text) { return text }
        if let block = literalBlock(text, indent: indent) { return block }
        return doubleQuoted(text)
    }

    /// `text` in double quotes: always a string, whatever it holds.
    static func doubleQuoted(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = [0x22]
        output.reserveCapacity(bytes.count + 2)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if let length = escapedLength(bytes, at: index) {
                let scalar = String(decoding: bytes[index..<index + length], as: UTF8.self).unicodeScalars.first!.value
                let hex = Array(String(scalar, radix: 16, uppercase: true).utf8)
                output += Array("\\u".utf8) + Array(repeating: UInt8(ascii: "0"), count: max(0, 4 - hex.count)) + hex
                index += length
                continue
            }
            switch byte {
            case 0x22: output += [0x5C, 0x22]
            case 0x5C: output += [0x5C, 0x5C]
            case 0x0A: output += [0x5C, UInt8(ascii: "n")]
            case 0x09: output += [0x5C, UInt8(ascii: "t")]
            default: output.append(byte)
            }
            index += 1
        }
        output.append(0x22)
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether `text` can stand unquoted: lower-case letters, digits, `.`, `-` and `_`, starting
    /// with a letter or digit, and read as a string (not `null`, `true`, a number, …) by YAML 1.2.
    static func isPlainName(_ text: String) -> Bool {
        guard let first = text.utf8.first, isLowerOrDigit(first) else { return false }
        guard text.utf8.allSatisfy({ isLowerOrDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") })
        else { return false }
        return YAMLNode.resolvePlain(text) == .string
    }

    /// `|`, `|-` block of `text` when it spans lines and a block keeps it byte for byte; else nil.
    static func literalBlock(_ text: String, indent: Int) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.contains(0x0A), !bytes.reversed().starts(with: [0x0A, 0x0A]) else { return nil }
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        if bytes.last == 0x0A { lines.removeLast() }
        // The first line with text sets the block's indentation, so it must not start blank.
        guard let firstText = lines.first(where: { !$0.isEmpty }), firstText.first != 0x20 else { return nil }
        for line in lines {
            // A line of spaces only would lose them; a leading tab, a carriage return or a
            // character YAML cannot hold unescaped would change the text or be refused.
            if !line.isEmpty, line.allSatisfy({ $0 == 0x20 }) || line.first == 0x09 { return nil }
            var index = line.startIndex
            while index < line.endIndex {
                if line[index] == 0x0D || escapedLength(bytes, at: index) != nil { return nil }
                index += 1
            }
        }
        let padding = [UInt8](repeating: 0x20, count: indent)
        var output = Array((bytes.last == 0x0A ? "|" : "|-").utf8)
        output.reserveCapacity(bytes.count + lines.count * (indent + 1) + 2)
        for line in lines {
            output.append(0x0A)
            if !line.isEmpty { output += padding + line }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The UTF-8 length of the character at `index` when YAML needs it escaped (it refuses it raw,
    /// or reads it as a line break or byte-order mark), else nil. Tab and line feed are not counted.
    private static func escapedLength(_ bytes: [UInt8], at index: Int) -> Int? {
        let byte = bytes[index]
        if byte < 0x20 { return byte == 0x0A || byte == 0x09 ? nil : 1 }
        if byte == 0x7F { return 1 }
        func next(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }
        switch byte {
        case 0xC2: return (0x80...0x9F).contains(next(1) ?? 0) ? 2 : nil  // C1 controls, NEL among them
        case 0xE2: return next(1) == 0x80 && (next(2) == 0xA8 || next(2) == 0xA9) ? 3 : nil  // U+2028, U+2029
        case 0xEF:
            if next(1) == 0xBB && next(2) == 0xBF { return 3 }  // U+FEFF
            return next(1) == 0xBF && (next(2) == 0xBE || next(2) == 0xBF) ? 3 : nil  // U+FFFE, U+FFFF
        default: return nil
        }
    }

    private static func isLowerOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
