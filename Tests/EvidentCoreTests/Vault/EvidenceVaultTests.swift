import EvidentCore
import EvidentTestSupport
import Foundation
import Testing

/// The vault streams files in by SHA-256, refuses or masks secrets across chunk boundaries.
@Suite struct EvidenceVaultTests {
    let directory = TemporaryDirectory()
    var vault: EvidenceVault { EvidenceVault(directory: directory.path("vault")) }

    @Test func storesByDigestReadOnlyAndDeduplicates() throws {
        let source = directory.write("a.txt", "hello\n")
        let first = try vault.store(contentsOf: source, redact: false)
        let second = try vault.store(contentsOf: source, redact: false)
        #expect(first == second)
        #expect(first.digest == Digest.sha256("hello\n"))
        #expect(vault.storedDigests() == [first.digest])
        #expect(vault.incompleteWrites().isEmpty)
        try vault.check(first.digest)
    }

    @Test func findsSecretsThatStraddleChunkBoundaries() throws {
        let padding = String(repeating: "x", count: (1 << 20) - 10)
        let text = padding + "\nkey=sk_live_abcdefghijklmnop1234\nend\n"
        let source = directory.write("big.txt", text)
        #expect(throws: VaultError.sensitiveContent(path: source, lines: [2], kinds: [.secretKey])) {
            try vault.store(contentsOf: source, redact: false)
        }
        #expect(vault.storedDigests().isEmpty && vault.incompleteWrites().isEmpty)
        let stored = try vault.store(contentsOf: source, redact: true)
        #expect(stored.maskedLines == [2])
        let copy = try String(contentsOfFile: vault.path(for: stored.digest), encoding: .utf8)
        #expect(copy == padding + "\nkey=sk_live_…1234\nend\n")
        #expect(stored.digest == Digest.sha256(copy))
    }

    @Test func aLastLineWithoutNewlineIsChecked() throws {
        let source = directory.write("tail.txt", "ok\ncard 4111111111111111")
        #expect(throws: VaultError.sensitiveContent(path: source, lines: [2], kinds: [.cardNumber])) {
            try vault.store(contentsOf: source, redact: false)
        }
    }

    @Test func detectsAChangedFile() throws {
        let stored = try vault.store(bytes: Array("report".utf8))
        let path = vault.path(for: stored.digest)
        chmod(path, 0o644)
        try Data("rePort".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: VaultError.tampered(digest: stored.digest)) { try vault.check(stored.digest) }
    }
}
