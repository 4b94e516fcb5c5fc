import ArgumentParser
import EvidentCore

/// `evident export CYCLE --out FILE.zip`: the auditor bundle.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write a cycle's auditor bundle: reports, results, audit log, OSCAL and evidence.",
        discussion: "manifest.json lists every file with its size and SHA-256; manifest.sig signs it when a key is given (--sign-key PATH or $EVIDENT_SIGNING_KEY). Auditors check it with `evident verify --bundle` or openssl alone.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("The cycle to export.", valueName: "cycle"), completion: Completions.cycles)
    var cycle: String

    @Option(help: ArgumentHelp("The zip file to write.", valueName: "file.zip"))
    var out: String

    @Option(help: ArgumentHelp("An Ed25519 private key (PKCS#8 PEM) to sign the manifest with.", valueName: "path"))
    var signKey: String?

    @Flag(help: "Replace an existing bundle file.")
    var force = false

    func run() async throws {
        try await Reporting.run {
            let key = try KeyFiles.signingKey(path: signKey, environment: workspace.environment, prompt: Passphrase.ask)
            let result = try workspace.open().exportBundle(
                cycle: cycle, to: out, key: key, now: try workspace.now(), toolVersion: EvidentVersion.current,
                overwrite: force, progress: ProgressLine.make())
            ProgressLine.finish()
            let evidence = result.manifest.files.filter { $0.path.hasPrefix("evidence/") }.count
            let signature = result.keyFingerprint.map { "signed with Ed25519 key \($0)" } ?? "unsigned (no key given)"
            Terminal.output("Wrote \(result.path): cycle \(result.manifest.cycle), \(result.manifest.files.count) files (\(evidence) evidence), \(signature).")
            Terminal.output("Check it with: evident verify --bundle \(result.path) \(result.signed ? "--public-key KEY.pub" : "--unsigned")")
        }
    }
}
