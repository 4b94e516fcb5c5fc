/// RFC 4180 CSV: reading records with the line each starts on, and writing fields safely.
public enum CSV {
    /// One record and the 1-based line it starts on.
    public struct Record: Sendable, Equatable {
        public let line: Int
        public let fields: [String]
    }

    /// Why a CSV text could not be read.
    public struct ParseError: Error, Sendable, Equatable {
        public let line: Int
        public let message: String
    }

    /// The separator a file uses, judged by its first line: `;` (as spreadsheets write where the
    /// comma is the decimal mark) when it holds more semicolons than commas outside quotes, else `,`.
    public static func separator(guessedFrom text: String) -> UInt8 {
        var commas = 0, semicolons = 0, inQuotes = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            if inQuotes { continue }
            if byte == 0x0A { break }
            if byte == UInt8(ascii: ",") { commas += 1 }
            if byte == UInt8(ascii: ";") { semicolons += 1 }
        }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// `value` without the `'` that `field(_:)` puts before a leading `=`, `+`, `-`, `@`, tab or
    /// carriage return, so a field Evident wrote reads back as it was.
    public static func unguarded(_ value: String) -> String {
        guard value.hasPrefix("'"), let second = value.unicodeScalars.dropFirst().first,
              "=+-@\t\r".unicodeScalars.contains(second) else { return value }
        return String(value.dropFirst())
    }

    /// The records of `text`: quoted fields may hold separators, quotes (doubled) and newlines; CRLF
    /// or LF line ends; blank lines are skipped.
    public static func parse(_ text: String, separator: UInt8 = UInt8(ascii: ",")) throws(ParseError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quotedField = false
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var index = 0
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field = []
            quotedField = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
        }
        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
            } else {
                switch byte {
                case separator:
                    endField()
                case UInt8(ascii: "\""):
                    guard field.isEmpty, !quotedField else {
                        throw ParseError(line: line, message: "a quote inside an unquoted field; quote the whole field and double the quote")
                    }
                    inQuotes = true
                    quotedField = true
                case 0x0D where index + 1 < bytes.count && bytes[index + 1] == 0x0A:
                    break
                case 0x0A:
                    endRecord()
                    line += 1
                    recordLine = line
                default:
                    if quotedField {
                        throw ParseError(line: line, message: "text after a closing quote; quote the whole field")
                    }
                    field.append(byte)
                }
            }
            index += 1
        }
        if inQuotes { throw ParseError(line: recordLine, message: "a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty || quotedField { endRecord() }
        return records
    }

    /// `value` as one CSV field: control and direction-override characters replaced, quoted when it
    /// holds a comma, quote or line break; a leading `=`, `+`, `-`, `@`, tab or carriage return is
    /// neutralised with a `'` so spreadsheets do not run it as a formula.
    public static func field(_ value: String) -> String {
        var text = TextSanitizer.visible(value)
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            text = "'" + text
        }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }

    /// One CSV line (CRLF-terminated, per RFC 4180) of `values`.
    public static func row(_ values: [String]) -> String {
        values.map(field).joined(separator: ",") + "\r\n"
    }
}
