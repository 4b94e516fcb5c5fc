/// `plain-http-api`: an `http://` URL whose host is the LiasonPay API (a host naming `liasonpay`,
/// or a spliced-in host variable naming it). `https://` never matches; local and reserved test
/// hosts (`localhost`, `127.0.0.1`, `*.test`, `*.localhost`, `*.example`, `*.invalid`) are not
/// the payment API. URLs in comments are documentation, not calls, and are skipped.
enum PlainHTTPRule {
    static let anchors = ["liasonpay"]

    /// The first plain-HTTP payment API URL on the line.
    static func inspect(_ line: SourceLine) -> [LineHit] {
        let bytes = line.bytes
        var from = 0
        while let start = bytes.find("http://", from: from, ignoringCase: true) {
            from = start + 7
            guard !line.layout.isCommented(start), start == 0 || !ASCII.isLetter(bytes[start - 1]) else { continue }
            let host = authority(in: bytes, from: start + 7)
            guard host.lowercased().contains("liasonpay"), !isLocal(host) else { continue }
            return [LineHit(start, "http://" + host)]
        }
        return []
    }

    /// The host part after `http://` (without any `user:password@`), spliced expressions kept whole.
    static func authority(in bytes: [UInt8], from start: Int) -> String {
        var end = start
        var depth = 0
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "(") { depth += 1 }
            if byte == UInt8(ascii: "}") || byte == UInt8(ascii: ")") {
                if depth == 0 { break }
                depth -= 1
            }
            if depth == 0, Self.ends(byte) { break }
            end += 1
        }
        var host = bytes.text(start..<end)
        if let at = host.lastIndex(of: "@") { host = String(host[host.index(after: at)...]) }
        return host
    }

    private static func ends(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: " "), UInt8(ascii: "\t"),
            UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"),
            UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"):
            true
        default:
            false
        }
    }

    /// Whether `host` is this machine or a name reserved for tests and documentation.
    static func isLocal(_ host: String) -> Bool {
        var name = host.lowercased()
        if name.hasPrefix("["), let close = name.firstIndex(of: "]") {
            name = String(name[...close])
        } else if let colon = name.firstIndex(of: ":") {
            name = String(name[..<colon])
        }
        if ["localhost", "127.0.0.1", "0.0.0.0", "[::1]"].contains(name) { return true }
        return [".localhost", ".test", ".example", ".invalid", ".local"].contains { name.hasSuffix($0) }
    }
}
