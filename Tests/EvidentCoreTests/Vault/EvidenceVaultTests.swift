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

    // MARK: - Content the vault already holds

    /// The vault folder's modification time: any file created or removed in it changes it.
    private func vaultFolderTime() throws -> Date {
        try FileManager.default.attributesOfItem(atPath: vault.directory)[.modificationDate] as! Date
    }

    @Test func contentAlreadyStoredIsNotWrittenAgain() throws {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<(3 << 20)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let first = try vault.store(contentsOf: directory.write("a.bin", Data(bytes)), redact: false)
        let before = try vaultFolderTime()
        Thread.sleep(forTimeInterval: 0.05)  // past the file system's timestamp granularity
        let second = try vault.store(contentsOf: directory.write("copy of a.bin", Data(bytes)), redact: false)
        #expect(second == first)
        #expect(try vaultFolderTime() == before, "no temporary file was made in the vault")
        #expect(vault.storedDigests() == [first.digest] && vault.incompleteWrites().isEmpty)
        try vault.check(first.digest)
    }

    @Test func aSameSizedFileWithOtherContentIsStoredBesideIt() throws {
        let a = String(repeating: "a", count: (1 << 20) + 5) + "\n"
        let b = String(repeating: "a", count: 1 << 20) + "b" + "aaaa\n"
        let first = try vault.store(contentsOf: directory.write("a.txt", a), redact: false)
        let second = try vault.store(contentsOf: directory.write("b.txt", b), redact: false)
        #expect(first.digest == Digest.sha256(a) && second.digest == Digest.sha256(b))
        #expect(vault.storedDigests() == [first.digest, second.digest].sorted())
    }

    @Test func aChangedVaultFileIsRewrittenNotTrusted() throws {
        let text = String(repeating: "evidence line\n", count: 100_000)
        let stored = try vault.store(contentsOf: directory.write("log.txt", text), redact: false)
        let path = vault.path(for: stored.digest)
        chmod(path, 0o644)
        try Data(text.replacingOccurrences(of: "line", with: "lime").utf8).write(to: URL(fileURLWithPath: path))
        #expect(try vault.store(contentsOf: directory.write("again.txt", text), redact: false) == stored)
        try vault.check(stored.digest)
    }

    @Test func secretsAreRefusedEvenWhenTheVaultHoldsTheSameBytes() throws {
        let padding = String(repeating: "x", count: (2 << 20) - 10)
        let text = padding + "\nkey=sk_live_abcdefghijklmnop1234\nend\n"
        let source = directory.write("big.txt", text)
        let masked = try vault.store(contentsOf: source, redact: true)
        // The masked copy is stored; the original, unmasked, is still refused.
        #expect(throws: VaultError.sensitiveContent(path: source, lines: [2], kinds: [.secretKey])) {
            try vault.store(contentsOf: source, redact: false)
        }
        // Even when the unmasked bytes are in the vault already (a generated document), they are refused.
        let raw = try vault.store(bytes: Array(text.utf8))
        #expect(throws: VaultError.sensitiveContent(path: source, lines: [2], kinds: [.secretKey])) {
            try vault.store(contentsOf: source, redact: false)
        }
        // And redaction still gives the masked copy, not the raw file of the same size.
        #expect(try vault.store(contentsOf: source, redact: true) == masked)
        #expect(vault.storedDigests() == [masked.digest, raw.digest].sorted())
    }
}
