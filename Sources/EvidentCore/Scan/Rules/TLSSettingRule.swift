/// Settings that switch certificate checks off, in any syntax: `verify=False`,
/// `rejectUnauthorized: false`, `'verify' => false`, `InsecureSkipVerify: true`,
/// `NODE_TLS_REJECT_UNAUTHORIZED=0`, `curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false)`,
/// `proxy_ssl_verify off;`, `insecure_skip_verify: true`, minified `rejectUnauthorized:!1`.
enum TLSSettingRule {
    /// Keys (lower case, without `_` and `-`) that turn verification off when set false.
    static let verifyingKeys: Set<String> = [
        "verify", "sslverify", "verifyssl", "verifypeer", "verifypeername", "sslverifypeer", "sslverifyhost",
        "verifyhost", "curloptsslverifypeer", "curloptsslverifyhost", "tlsverify", "verifytls", "verifycert",
        "verifycerts", "verifycertificate", "verifycertificates", "validatecert", "validatecerts",
        "validatecertificate", "validatecertificates", "rejectunauthorized", "nodetlsrejectunauthorized",
        "tlsrejectunauthorized", "checkhostname", "strictssl", "pythonhttpsverify", "proxysslverify",
        "sslverification", "verifyservercert", "verifyservercertificate", "validatesdomainname",
    ]

    /// Keys that turn verification off when set true.
    static let skippingKeys: Set<String> = [
        "insecureskipverify", "insecureskiptlsverify", "skiptlsverify", "tlsskipverify", "skipsslverify", "sslskipverify", "skipverify",
        "skipcertverify", "skipcertificateverification", "allowselfsigned", "allowinvalidcertificates",
        "dangeracceptinvalidcerts", "gitsslnoverify", "disablesslverification", "disabletlsverification",
        "disablecertificatevalidation", "disablecertificateverification", "tlsinsecure", "trustallcerts",
        "trustallcertificates",
    ]

    /// Every setting on the line that turns verification off.
    static func hits(_ line: SourceLine) -> [LineHit] {
        let bytes = line.bytes
        var hits: [LineHit] = []
        var index = 0
        while index < bytes.count {
            guard isKeyByte(bytes[index]) else { index += 1; continue }
            let start = index
            while index < bytes.count, isKeyByte(bytes[index]) { index += 1 }
            let key = normalized(bytes[start..<index])
            let offWhenFalse: Bool
            if verifyingKeys.contains(key) {
                offWhenFalse = true
            } else if skippingKeys.contains(key) {
                offWhenFalse = false
            } else {
                continue
            }
            guard RuleSupport.isUncommented(line, start),
                  let valueEnd = settingValue(line, key: start..<index, offWhenFalse: offWhenFalse) else { continue }
            hits.append(LineHit(start, bytes.text(start..<valueEnd)))
        }
        return hits
    }

    /// Where the value that turns verification off ends, when the key at `key` is set to one.
    private static func settingValue(_ line: SourceLine, key: Range<Int>, offWhenFalse: Bool) -> Int? {
        let bytes = line.bytes
        let envStyle = bytes[key].allSatisfy { ASCII.isUpper($0) || ASCII.isDigit($0) || $0 == UInt8(ascii: "_") }
            && bytes[key].contains(UInt8(ascii: "_"))
        var keyEnd = key.upperBound
        if let literal = line.layout.literal(at: key.lowerBound) {
            if literal.content == key {
                keyEnd = literal.end
            } else if line.language.family == .code, !(envStyle && bytes.matches("=", at: key.upperBound)) {
                return nil
            } else if bytes[literal.content.lowerBound..<key.lowerBound].contains(UInt8(ascii: " ")) {
                return nil  // mid-sentence in a quoted value: prose about the setting, not the setting
            }
        }
        if keyEnd < bytes.count, bytes[keyEnd] == UInt8(ascii: "]") { keyEnd += 1 }
        var value = bytes.skippingSpaces(from: keyEnd)
        if bytes.matches("=>", at: value) || bytes.matches(":=", at: value) {
            value += 2
        } else if value < bytes.count, [UInt8(ascii: "="), UInt8(ascii: ":")].contains(bytes[value]) {
            guard value + 1 >= bytes.count || bytes[value + 1] != bytes[value] else { return nil }
            value += 1
        } else if value < bytes.count, bytes[value] == UInt8(ascii: ",") {
            value += 1
        } else if value == keyEnd || !(envStyle || line.language == .conf || bytes.contains("config set")) {
            return nil
        }
        value = bytes.skippingSpaces(from: value)
        return parsedSwitch(bytes, at: value, offWhenFalse: offWhenFalse)
    }

    /// The end of a boolean-like value at `start` when it is the one that turns checks off.
    private static func parsedSwitch(_ bytes: [UInt8], at start: Int, offWhenFalse: Bool) -> Int? {
        var index = start
        if bytes.matches("!1", at: index) || bytes.matches("!0", at: index) {
            let isFalse = bytes[index + 1] == UInt8(ascii: "1")
            return isFalse == offWhenFalse ? index + 2 : nil
        }
        var quote: UInt8?
        if index < bytes.count, ASCII.isQuote(bytes[index]) {
            quote = bytes[index]
            index += 1
        }
        let wordStart = index
        while index < bytes.count, ASCII.isLetter(bytes[index]) || ASCII.isDigit(bytes[index]) { index += 1 }
        let word = String(decoding: bytes[wordStart..<index].map(ASCII.lower), as: UTF8.self)
        if index < bytes.count, ASCII.isWord(bytes[index]) || bytes[index] == UInt8(ascii: ".") { return nil }
        let falsy: Set<String> = ["false", "0", "0l", "no", "off"]
        let truthy: Set<String> = ["true", "1", "yes", "on"]
        guard offWhenFalse ? falsy.contains(word) : truthy.contains(word) else { return nil }
        if let quote, index < bytes.count, bytes[index] == quote { index += 1 }
        return index
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        ASCII.isWord(byte) || byte == UInt8(ascii: "-")
    }

    private static func normalized(_ key: ArraySlice<UInt8>) -> String {
        String(decoding: key.lazy.filter { $0 != UInt8(ascii: "_") && $0 != UInt8(ascii: "-") }.map(ASCII.lower), as: UTF8.self)
    }
}
