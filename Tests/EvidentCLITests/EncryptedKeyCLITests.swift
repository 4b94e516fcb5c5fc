import EvidentCore
import EvidentTestSupport
import Foundation
import Testing

/// Passphrase-protected signing keys (SPEC §6), both ways with openssl: Evident signs with a key
/// that `openssl pkcs8 -topk8 -v2 aes-256-cbc` encrypted, and openssl reads the key that
/// `keygen --encrypt` wrote. The passphrase never shows in any output.
@Suite struct EncryptedKeyCLITests {
    static let passphrase = "correct horse battery staple"

    static func openssl(_ arguments: [String], in bench: Workbench) throws -> CommandResult {
        try ExternalTool.run("/usr/bin/openssl", arguments, in: bench.directory.url, environment: ["OPENSSL_CONF": "/dev/null"])
    }

    /// An Ed25519 key made and encrypted by openssl: `openssl.key` (encrypted) and `openssl.pub`.
    static func opensslKey(in bench: Workbench) throws {
        for arguments in [
            ["genpkey", "-algorithm", "ed25519", "-out", "plain.pem"],
            ["pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", "plain.pem", "-out", "openssl.key", "-passout", "pass:" + passphrase],
            ["pkey", "-in", "plain.pem", "-pubout", "-out", "openssl.pub"],
        ] {
            let result = try openssl(arguments, in: bench)
            if result.status != 0 { throw WorkbenchError.failed(result) }
        }
    }

    @Test func evidentSignsWithAKeyOpensslEncrypted() throws {
        let bench = Workbench()
        try bench.prepare()
        try Self.opensslKey(in: bench)
        #expect(bench.directory.read("openssl.key").hasPrefix("-----BEGIN ENCRYPTED PRIVATE KEY-----"))
        let signed = try bench.run(["signoff", "2026-Q4", "--statement", "Reviewed.", "--sign-key", "openssl.key"],
                                   environment: ["EVIDENT_KEY_PASSPHRASE": Self.passphrase])
        #expect(signed.status == 0, "\(signed)")
        let fingerprint = SigningKeys.fingerprint(try KeyFiles.publicKey(path: bench.directory.path("openssl.pub")))
        #expect(signed.stdout.contains("signed with Ed25519 key \(fingerprint)"))
        let export = try bench.run(["export", "2026-Q4", "--out", "b.zip", "--sign-key", "openssl.key"],
                                   environment: ["EVIDENT_KEY_PASSPHRASE": Self.passphrase])
        #expect(export.status == 0, "\(export)")
        let verified = try bench.run("verify", "--bundle", "b.zip", "--public-key", "openssl.pub")
        #expect(verified.status == 0, "\(verified)")
        let log = try bench.run("log", "--format", "json")
        for output in [signed.stdout, signed.stderr, export.stdout, export.stderr, log.stdout] {
            #expect(!output.contains(Self.passphrase))
        }
    }

    @Test func aWrongOrMissingPassphraseIsAClearError() throws {
        let bench = Workbench()
        try bench.prepare()
        try Self.opensslKey(in: bench)
        let wrong = try bench.run(["signoff", "2026-Q4", "--statement", "Reviewed.", "--sign-key", "openssl.key"],
                                  environment: ["EVIDENT_KEY_PASSPHRASE": "not it"])
        #expect(wrong.status == 65, "\(wrong)")
        #expect(wrong.stderr.contains("evident: error: wrong passphrase for openssl.key"), "\(wrong)")
        #expect(!wrong.stderr.contains("not it"))
        #expect(!wrong.stderr.contains("Fatal") && !wrong.stderr.contains("0x"))
        let status = try bench.json("status", "--format", "json")
        #expect((status["evidence"] as? [String: Any])?["total"] as? Int == 0)
        // Nothing was recorded by the refused sign-off.
        let log = try bench.run("log")
        #expect(!log.stdout.contains("signoff.add"))
    }

    @Test func opensslReadsAKeyThatKeygenEncrypted() throws {
        let bench = Workbench()
        let made = try bench.run(["keygen", "--out", "lead", "--encrypt"], environment: ["EVIDENT_KEY_PASSPHRASE": Self.passphrase])
        #expect(made.status == 0, "\(made)")
        #expect(!made.stdout.contains(Self.passphrase))
        let text = bench.directory.read("lead.key")
        #expect(text.hasPrefix("-----BEGIN ENCRYPTED PRIVATE KEY-----"))
        let attributes = try FileManager.default.attributesOfItem(atPath: bench.directory.path("lead.key"))
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let parsed = try Self.openssl(["asn1parse", "-in", "lead.key"], in: bench)
        #expect(parsed.stdout.contains("PBES2") && parsed.stdout.contains("aes-256-cbc") && parsed.stdout.contains("hmacWithSHA256"), "\(parsed)")
        let publicKey = try Self.openssl(["pkey", "-in", "lead.key", "-passin", "pass:" + Self.passphrase, "-pubout"], in: bench)
        #expect(publicKey.status == 0, "\(publicKey)")
        #expect(publicKey.stdout == bench.directory.read("lead.pub"))
        let refused = try Self.openssl(["pkey", "-in", "lead.key", "-passin", "pass:wrong", "-pubout"], in: bench)
        #expect(refused.status != 0)
        // A signature openssl makes with it verifies against the .pub Evident wrote, and so does Evident's.
        bench.directory.write("message.txt", "manifest bytes\n")
        let signature = try Self.openssl(["pkeyutl", "-sign", "-inkey", "lead.key", "-passin", "pass:" + Self.passphrase,
                                          "-rawin", "-in", "message.txt", "-out", "message.sig"], in: bench)
        #expect(signature.status == 0, "\(signature)")
        let check = try Self.openssl(["pkeyutl", "-verify", "-pubin", "-inkey", "lead.pub", "-rawin", "-in", "message.txt",
                                      "-sigfile", "message.sig"], in: bench)
        #expect(check.stdout.contains("Signature Verified Successfully"), "\(check)")
    }

    @Test func keygenEncryptNeedsAPassphrase() throws {
        let bench = Workbench()
        // setsid: no controlling terminal to ask on, as in CI or cron. No passphrase: refused, nothing written.
        let empty = try ExternalTool.run("/usr/bin/setsid", ["--wait", EvidentBinary.url.path, "keygen", "--out", "lead", "--encrypt"],
                                         in: bench.directory.url, environment: ["EVIDENT_KEY_PASSPHRASE": ""])
        #expect(empty.status == 65, "\(empty)")
        #expect(!FileManager.default.fileExists(atPath: bench.directory.path("lead.key")))
    }
}
