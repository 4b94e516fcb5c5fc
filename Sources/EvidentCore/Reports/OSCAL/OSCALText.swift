/// Fits user text into OSCAL's string datatypes, whose patterns a validator enforces:
/// one-line text without surrounding blanks, tokens, and URI references.
enum OSCALText {
    /// The namespace of every property Evident defines (OSCAL reserves names without `ns` for NIST).
    static let namespace = "urn:evident:oscal"

    /// `text` on one line (StringDatatype `^\S(.*\S)?$`, MarkupLineDatatype `^[^\n]+$`): line
    /// breaks, controls and other blanks become single spaces, the ends are trimmed; `fallback` when nothing is left.
    static func line(_ text: String?, fallback: String) -> String {
        guard let text else { return fallback }
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isBlank(scalar) {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.append(scalar)
        }
        return result.isEmpty ? fallback : String(result)
    }

    /// `text` on one line as Markdown that renders as exactly that line (MarkupLineDatatype);
    /// `fallback`, which must be plain, when nothing is left.
    static func markupLine(_ text: String?, fallback: String) -> String {
        let line = line(text, fallback: "")
        return line.isEmpty ? fallback : markdownLiteral(line)
    }

    /// A name (an actor, a file) on one line, as Markdown for the middle of a line.
    static func inlineName(_ text: String) -> String { inline(line(text, fallback: "(unnamed)")) }

    /// `text` as Markdown that renders as exactly `text`, for the middle of a line.
    static func inline(_ text: String) -> String { markdownLiteral(text, startsLine: false) }

    /// `text` as Markdown that renders as exactly `text` (OSCAL markup fields are CommonMark): the
    /// punctuation CommonMark acts on is backslash-escaped, and so is what starts a heading, quote
    /// or list at the start of a line. Lossless, unlike the report's escaping: line breaks stay.
    /// `startsLine` false: `text` goes in the middle of a line, so only its later lines start one.
    static func markdownLiteral(_ text: String, startsLine: Bool = true) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count + 8)
        var atLineStart = startsLine
        var digitsAtLineStart = false
        for character in text {
            let escaped: Bool
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "&", "!", "|", "~", "#": escaped = true
            case "+", "-", "=": escaped = atLineStart
            case ".", ")": escaped = digitsAtLineStart
            default: escaped = false
            }
            if escaped { output.append("\\") }
            output.append(character)
            if character.isNewline {
                atLineStart = true
                digitsAtLineStart = false
            } else if character == " " || character == "\t" {
                // Indentation keeps a line's start; a space after digits ends a list number.
                if digitsAtLineStart { atLineStart = false }
                digitsAtLineStart = false
            } else if character.isASCII, character.isNumber, atLineStart || digitsAtLineStart {
                atLineStart = false
                digitsAtLineStart = true
            } else {
                atLineStart = false
                digitsAtLineStart = false
            }
        }
        return output
    }

    /// Whether a validator's `\s` (ECMA-262: Unicode spaces, line terminators, U+FEFF), a control
    /// character or a line separator that `.` does not match.
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isWhitespace || scalar.value == 0xFEFF { return true }
        return scalar.properties.generalCategory == .control
    }

    /// Whether `text` is an OSCAL token (an XML NCName): a letter or `_`, then letters, digits, `.`, `-`, `_`.
    static func isToken(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "." || scalar == "-" || scalar == "_"
        }
    }

    /// `text` as a valid URI reference (RFC 3986): every character outside the unreserved and
    /// reserved sets (brackets too, which only an IP literal may hold), a second `#`, and every `%`
    /// that does not start an escape, percent-encoded as UTF-8.
    static func uriReference(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var inFragment = false
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) {
                output.append(byte)
            } else if byte == UInt8(ascii: "#"), !inFragment {
                inFragment = true
                output.append(byte)
            } else if byte != UInt8(ascii: "%"), byte != UInt8(ascii: "#"), isAllowedInURI(byte) {
                output.append(byte)
            } else {
                output += Array("%".utf8) + Array(Digest.hex([byte]).uppercased().utf8)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }

    private static let allowedPunctuation = Set("-._~:/?@!$&'()*+,;=".utf8)

    private static func isAllowedInURI(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            || allowedPunctuation.contains(byte)
    }
}
