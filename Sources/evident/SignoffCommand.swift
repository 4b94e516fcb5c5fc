import ArgumentParser
import EvidentCore

/// `evident signoff CYCLE --statement TEXT`: a reviewer's statement on a cycle.
struct SignoffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signoff", abstract: "Record a reviewer's statement on a cycle, signed when a key is given.",
        discussion: "The sign-off covers a digest of the cycle's reviews and evidence; reports mark it stale when the cycle changes afterwards. The key comes from --sign-key PATH or $EVIDENT_SIGNING_KEY (the PEM text) and is never printed.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("The cycle signed off.", valueName: "cycle"), completion: Completions.cycles)
    var cycle: String

    @Option(help: ArgumentHelp("What the signer states about the cycle.", valueName: "text"))
    var statement: String

    @Option(help: ArgumentHelp("An Ed25519 private key (PKCS#8 PEM) to sign with.", valueName: "path"))
    var signKey: String?

    func run() async throws {
        try await Reporting.run {
            let key = try KeyFiles.signingKey(path: signKey, environment: workspace.environment, prompt: Passphrase.ask)
            let state = try workspace.open().signOff(cycle: cycle, statement: statement, key: key, session: try workspace.session())
            let signoff = state.signoff
            let signature = signoff.keyFingerprint.map { "signed with Ed25519 key \($0)" } ?? "unsigned (no key given)"
            Terminal.output("Signed off cycle \(cycle) as \(TerminalText.oneLine(signoff.signer)) at \(signoff.at): digest \(signoff.digest), \(signature).")
        }
    }
}

/// `evident keygen --out PREFIX`: an Ed25519 key pair as PEM files.
struct KeygenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen", abstract: "Make an Ed25519 key pair: PREFIX.key (PKCS#8, mode 0600) and PREFIX.pub.",
        discussion: "With --encrypt the private key is passphrase-protected (PKCS#8 PBES2: PBKDF2-HMAC-SHA256 and AES-256-CBC, as openssl reads it); the passphrase is asked on the terminal, or taken from $EVIDENT_KEY_PASSPHRASE, and never shown.")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: ArgumentHelp("Where to write the keys (PREFIX.key and PREFIX.pub).", valueName: "prefix"))
    var out: String

    @Flag(help: "Replace existing key files.")
    var force = false

    @Flag(help: "Protect the private key with a passphrase (asked on the terminal, or $EVIDENT_KEY_PASSPHRASE).")
    var encrypt = false

    func run() async throws {
        try await Reporting.run {
            let passphrase = encrypt ? try Passphrase.forNewKey(environment: workspace.environment) : nil
            let written = try KeyFiles.generate(prefix: out, force: force, passphrase: passphrase)
            Terminal.output("Wrote \(written.privatePath) (private\(encrypt ? ", passphrase-protected" : ""), mode 0600) and \(written.publicPath) (public); fingerprint \(written.fingerprint).")
            Terminal.output("Keep the private key secret; give auditors the .pub file.")
        }
    }
}
