import ArgumentParser
import EvidentCore

/// `evident verify`: the workspace's audit chain and vault, or an auditor bundle.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check the workspace (audit chain, rows, vault files) or an auditor bundle.",
        discussion: "Without --bundle, checks the workspace. With --bundle, checks that every file is listed with the right size and SHA-256, nothing extra is present and no path escapes; with --public-key, also the signature. Exits 0 when everything holds, 1 naming each problem. A bundle needs no workspace.")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: ArgumentHelp("An auditor bundle to check instead of the workspace.", valueName: "file.zip"))
    var bundle: String?

    @Option(help: ArgumentHelp("The Ed25519 public key (PEM) the bundle's manifest must be signed with.", valueName: "path"))
    var publicKey: String?

    func validate() throws {
        if publicKey != nil, bundle == nil { throw ValidationError("--public-key goes with --bundle") }
    }

    func run() async throws {
        try await Reporting.run {
            if let bundle { try verifyBundle(bundle) } else { try verifyWorkspace() }
        }
    }

    private func verifyWorkspace() throws {
        let result = try workspace.open().verify(progress: ProgressLine.make())
        ProgressLine.finish()
        for note in result.notes { Terminal.note("note: " + note) }
        for problem in result.problems { Terminal.output("FAILED: " + problem) }
        let summary = "\(result.auditEntries) audit entries, \(result.vaultFiles) vault files"
        if result.isSound {
            Terminal.output("verified: \(summary); the audit chain and every vault file hold.")
        } else {
            Terminal.error("verification failed: \(result.problems.count) problem\(result.problems.count == 1 ? "" : "s") (\(summary))")
            throw ExitCode(1)
        }
    }

    private func verifyBundle(_ path: String) throws {
        let key = try publicKey.map { path throws(KeyError) in try KeyFiles.publicKey(path: path) }
        let result = try BundleVerifier.verify(path: path, publicKey: key, progress: ProgressLine.make())
        ProgressLine.finish()
        if let manifest = result.manifest {
            Terminal.output("bundle: \(path) — cycle \(manifest.cycle), \(manifest.checklist.id) \(manifest.checklist.version), generated \(manifest.generatedAt) by \(manifest.tool.name) \(manifest.tool.version)")
            Terminal.output("files: \(manifest.files.count) listed, \(result.filesVerified) verified")
        }
        switch result.signature {
        case .notChecked: Terminal.output("signature: not checked (give --public-key KEY.pub to check it)")
        case let .valid(fingerprint): Terminal.output("signature: valid (Ed25519 key \(fingerprint))")
        case .invalid: Terminal.output("FAILED: signature: manifest.sig does not hold for this manifest and key")
        case .missing: Terminal.output("FAILED: signature: manifest.sig is missing")
        }
        for problem in result.problems { Terminal.output("FAILED: " + problem) }
        if result.holds {
            Terminal.output("verified: every file is listed and matches its SHA-256; nothing extra; no path escapes.")
        } else {
            let count = result.problems.count + (result.signature == .invalid || result.signature == .missing ? 1 : 0)
            Terminal.error("bundle verification failed: \(count) problem\(count == 1 ? "" : "s")")
            throw ExitCode(1)
        }
    }
}
