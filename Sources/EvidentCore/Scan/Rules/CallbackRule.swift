/// Callbacks that accept every certificate or host: Java and Kotlin hostname verifiers and trust
/// managers, Apache trust strategies, C# validation callbacks, Node's `checkServerIdentity`, and
/// a Swift `URLSession` delegate that trusts `serverTrust` without ever evaluating it.
enum CallbackRule {
    /// Signs, anywhere in a Swift file, that server trust is evaluated or pinned before it is used.
    static let trustEvaluation = [
        "SecTrustEvaluate", "SecTrustCopyCertificateChain", "SecTrustGetCertificateAtIndex", "SecCertificateCopyData",
        "SecTrustCopyKey", "SecTrustCopyPublicKey", "pinnedCertificates", "pinnedKeys", "pinnedPublicKeys",
    ]

    /// The accept-everything callbacks on the line.
    static func hits(_ line: SourceLine) -> [LineHit] {
        let code = line.layout.code
        var hits: [LineHit] = []
        if let verifier = code.find("hostnameverifier", ignoringCase: true), !isNamedOnly(code),
           RuleSupport.returnsTrue(line, after: verifier) {
            hits.append(LineHit(verifier, "hostname verifier accepts every host"))
        }
        if let session = code.find("SSLSession"), let verify = code.findWord("verify"), verify < session,
           acceptsAll(line, after: session) {
            hits.append(LineHit(verify, "hostname verifier accepts every host"))
        }
        if let callback = code.find("ValidationCallback"), RuleSupport.returnsTrue(line, after: callback) {
            hits.append(LineHit(callback, "certificate validation callback accepts every certificate"))
        }
        if let trust = code.find("loadTrustMaterial"), RuleSupport.returnsTrue(line, after: trust) {
            hits.append(LineHit(trust, "trust strategy accepts every certificate"))
        }
        if let check = code.find("checkServerTrusted("), isDeclaration(code, check), hasEmptyBody(line, after: check) {
            hits.append(LineHit(check, "trust manager accepts every certificate"))
        }
        if let identity = code.find("checkServerIdentity"), skipsIdentityCheck(code, after: identity) {
            hits.append(LineHit(identity, "checkServerIdentity skips the hostname check"))
        }
        if line.language == .swift, let credential = code.find("URLCredential(trust:"),
           !trustEvaluation.contains(where: { line.fileMentions($0) }) {
            hits.append(LineHit(credential, "server trust accepted without evaluation"))
        }
        return hits
    }

    // MARK: - Shapes

    /// `import …HostnameVerifier;` and type annotations name the verifier without defining one.
    private static func isNamedOnly(_ code: [UInt8]) -> Bool {
        code.findWord("import") != nil
    }

    /// A Java `verify(String, SSLSession)` or Kotlin `verify(…): Boolean = true` that returns true.
    private static func acceptsAll(_ line: SourceLine, after index: Int) -> Bool {
        let code = line.layout.code
        let end = code.skippingSpacesBackward(from: code.count)
        if end >= 4, code.matchesWord("true", at: end - 4) {
            let before = code.skippingSpacesBackward(from: end - 4)
            if before >= 2, code[before - 1] == UInt8(ascii: "="), code[before - 2] != UInt8(ascii: "="),
               code[before - 2] != UInt8(ascii: "!") {
                return true
            }
        }
        return RuleSupport.returnsTrue(line, after: index)
    }

    private static func isDeclaration(_ code: [UInt8], _ index: Int) -> Bool {
        code.findWord("void", to: index) != nil || code.findWord("fun", to: index) != nil
            || code.findWord("override", to: index) != nil || code.findWord("public", to: index) != nil
    }

    /// Whether the method declared at `index` has an empty body (`{}`, `{ }`, a `{` closed on the
    /// next statement line, or Kotlin's `= Unit`).
    private static func hasEmptyBody(_ line: SourceLine, after index: Int) -> Bool {
        let code = line.layout.code
        guard let close = code.lastIndex(of: UInt8(ascii: ")")), close > index else {
            return wrappedSignatureHasEmptyBody(line)
        }
        if code.find("= Unit", from: close) != nil { return true }
        guard let open = code.find("{", from: close) else { return false }
        let rest = code.skippingSpaces(from: open + 1)
        if rest < code.count { return code[rest] == UInt8(ascii: "}") }
        return RuleSupport.firstStatement(after: line)?.first == UInt8(ascii: "}")
    }

    /// A signature wrapped onto the next lines: finds the line that closes it and reads its body.
    private static func wrappedSignatureHasEmptyBody(_ line: SourceLine) -> Bool {
        let next = line.followingLines(4)
        guard let closing = next.firstIndex(where: { $0.contains(UInt8(ascii: ")")) }) else { return false }
        var text = next[closing]
        if let comment = text.find("//") { text = Array(text[..<comment]) }
        guard text.contains(UInt8(ascii: ")")) else { return false }
        let close = text.lastIndex(of: UInt8(ascii: ")"))!
        if text.find("= Unit", from: close) != nil { return true }
        guard let open = text.find("{", from: close) else { return false }
        let rest = text.skippingSpaces(from: open + 1)
        if rest < text.count { return text[rest] == UInt8(ascii: "}") }
        return closing + 1 < next.count && next[closing + 1].first == UInt8(ascii: "}")
    }

    /// `checkServerIdentity: () => undefined`, `=> {}`, `=> null`, `function () {}`.
    private static func skipsIdentityCheck(_ code: [UInt8], after index: Int) -> Bool {
        if let arrow = code.find("=>", from: index) {
            let value = code.skippingSpaces(from: arrow + 2)
            if code.matchesWord("undefined", at: value) || code.matchesWord("null", at: value) { return true }
            if code.matches("{", at: value), code.matches("}", at: code.skippingSpaces(from: value + 1)) { return true }
        }
        if let function = code.findWord("function", from: index), let open = code.find("{", from: function) {
            return code.matches("}", at: code.skippingSpaces(from: open + 1))
        }
        return false
    }
}
