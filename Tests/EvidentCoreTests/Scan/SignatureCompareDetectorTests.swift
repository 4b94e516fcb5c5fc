import EvidentCore
import Testing

/// `webhook-signature-unsafe-compare`: signatures compared with operators or methods that stop at
/// the first difference; constant-time compares and comparisons of other things are not.
@Suite struct SignatureCompareDetectorTests {
    @Test(arguments: [
        ("webhooks.js", "  if (signature === expectedSignature) {"),
        ("webhooks.js", "  return computedSig == req.headers['x-liasonpay-signature'];"),
        ("webhooks.js", "  if (req.get('LiasonPay-Signature') !== hmac.digest('hex')) return res.sendStatus(400);"),
        ("webhooks.ts", "  const valid = Buffer.compare(Buffer.from(sig), Buffer.from(expected)) === 0;"),
        ("webhooks.py", "    if signature != expected_signature:"),
        ("webhooks.py", "    return hmac.new(secret, body, hashlib.sha256).hexdigest() == received"),
        ("webhooks.go", "\tif signature != expected {"),
        ("webhooks.go", "\treturn bytes.Equal(messageMAC, expectedMAC) && hmac.New != nil"),
        ("Webhooks.java", "    if (!signature.equals(expectedSignature)) {"),
        ("Webhooks.java", "    return Arrays.equals(expectedSig, actualSig);"),
        ("Webhooks.kt", "    if (signature != computeHmac(payload)) throw InvalidSignature()"),
        ("Webhooks.kt", "    return sig.contentEquals(expected)"),
        ("webhooks.php", "    if ($signature !== $expected) {"),
        ("webhooks.php", "    if (strcmp($sig, $computed) === 0) {"),
        ("webhooks_controller.rb", "    head :unauthorized unless signature == expected_signature"),
        ("Webhooks.cs", "        if (signature != expectedSignature) return Unauthorized();"),
        ("Webhooks.cs", "        return signature.Equals(computedHmac);"),
        ("Webhooks.swift", "        guard computedSignature == signatureHeader else { throw Abort(.unauthorized) }"),
    ])
    func findsUnsafeComparisons(file: String, code: String) {
        let text = code + "\n// hmac helpers live here\n"
        let findings = Snippet.findings(.webhookSignatureUnsafeCompare, text, file: file)
        #expect(findings.count == 1, "\(file): \(code)")
    }

    @Test(arguments: [
        ("webhooks.js", "  return crypto.timingSafeEqual(Buffer.from(signatureValue), Buffer.from(expectedSignature));"),
        ("webhooks.js", "  if (signatureValue.length !== expectedSignature.length) return false;"),
        ("webhooks.js", "  if (!signatureHeader) return false;"),
        ("webhooks.js", "  if (typeof signature !== 'string') return false;"),
        ("webhooks.js", "  if (signature === undefined || sig == null) return false;"),
        ("webhooks.js", "  if (parts.length == 2 && scheme === 'v1') {"),
        ("webhooks.js", "  if (algorithm === 'sha256') {"),
        ("webhooks.js", "  // never compare the signature with === ; use timingSafeEqual"),
        ("webhooks.js", "  if (user.id === order.userId) {"),
        ("webhooks.js", "  const isValid = crypto.timingSafeEqual(a, b) === true;"),
        ("webhooks.py", "    return hmac.compare_digest(expected, signature)"),
        ("webhooks.py", "    assert signature == expected"),
        ("webhooks.go", "\treturn hmac.Equal(received, mac.Sum(nil))"),
        ("webhooks.go", "\tif sigHeader == \"\" {"),
        ("Webhooks.java", "    return MessageDigest.isEqual(expected, received);"),
        ("Webhooks.java", "    if (\"HmacSHA256\".equals(algorithm)) {"),
        ("webhooks.php", "    if (!hash_equals($expected, $signature)) {"),
        ("webhooks_controller.rb", "    Rack::Utils.secure_compare(signature, expected)"),
        ("Webhooks.cs", "        return CryptographicOperations.FixedTimeEquals(expected, signature);"),
        ("Webhooks.swift", "        XCTAssertEqual(signature, expected)"),
        ("Platform.swift", "        if machine == target.machine { return }"),
        ("Signature.swift", "    static func == (lhs: Signature, rhs: Signature) -> Bool { lhs.bytes == rhs.bytes }"),
        ("Certificate.swift", "        && lhs.signatureBytes == rhs.signatureBytes"),
        ("Visitor.swift", "    if visit(FunctionSignatureSyntax(node)) == .visitChildren {"),
        ("Compare.swift", "        if chk[chk.index(chk.startIndex, offsetBy: i)] != sig[sig.index(sig.startIndex, offsetBy: i)] {"),
    ])
    func ignoresConstantTimeAndOtherComparisons(file: String, code: String) {
        let text = code + "\n// hmac helpers live here\n"
        #expect(Snippet.findings(.webhookSignatureUnsafeCompare, text, file: file).isEmpty, "\(file): \(code)")
    }

    @Test func onlyFilesAboutHMACsOrWebhooksAreRead() {
        let line = "    guard data.scanValue(start: 0) == centralDirectorySignature else { return nil }\n"
        #expect(Snippet.findings(.webhookSignatureUnsafeCompare, line, file: "Archive.swift").isEmpty)
        #expect(Snippet.lines(.webhookSignatureUnsafeCompare, "// webhook\n" + line, file: "Archive.swift") == [2])
    }

    @Test func aDigestCountsOnlyInAFileAboutHMACs() {
        let line = "    if digest == received_digest:\n"
        #expect(Snippet.findings(.webhookSignatureUnsafeCompare, line, file: "checksums.py").isEmpty)
        let webhook = "import hmac\n" + line
        #expect(Snippet.lines(.webhookSignatureUnsafeCompare, webhook, file: "webhooks.py") == [2])
    }
}
