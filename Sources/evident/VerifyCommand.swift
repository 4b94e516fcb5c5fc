import ArgumentParser
import EvidentCore

/// `evident verify`: the workspace's audit chain and vault, or an auditor bundle.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check the workspace (audit chain, rows, vault files) or an auditor bundle.",
        discussion: "Without --bundle, checks the workspace. With --bundle, checks that every file is listed with the right size and SHA-256, nothing extra is present and no path escapes; that audit-log.jsonl is an unbroken chain recording every review and evidence of results.json; that every sign-off verifies against its own key and a digest recomputed from the bundle; and the manifest's signature against --public-key (or --unsigned to accept a bundle without checking it). Exits 0 when everything holds, 1 naming each problem. A bundle needs no workspace.")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: ArgumentHelp("An auditor bundle to check instead of the workspace.", valueName: "file.zip"))
    var bundle: String?

    @Option(help: ArgumentHelp("The Ed25519 public key (PEM) the bundle's manifest must be signed with.", valueName: "path"))
    var publicKey: String?

    @Flag(help: "Accept a bundle without checking its signature (it then says `signature: not checked`).")
    var unsigned = false

    func validate() throws {
        if publicKey != nil || unsigned, bundle == nil { throw ValidationError("--public-key and --unsigned go with --bundle") }
        if publicKey != nil, unsigned { throw ValidationError("give --public-key or --unsigned, not both") }
        if bundle != nil, publicKey == nil, !unsigned {
            throw ValidationError("give --public-key KEY.pub to check the bundle's signature, or --unsigned to accept it without one")
        }
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
        if let record = result.record {
            Terminal.output("cycle: \(record.cycleState == "open" ? "open — not final: reviews and evidence may still change" : record.cycleState)")
            Terminal.output("audit log: \(record.auditEntries) entries recomputed\(record.elidedEntries > 0 ? ", \(record.elidedEntries) of other cycles linked" : ""); \(record.reviews) reviews and \(record.evidence) evidence matched")
            if record.signoffs.isEmpty { Terminal.output("sign-offs: none") }
            for signoff in record.signoffs {
                let key = switch signoff.signature {
                case .valid: "Ed25519 key \(signoff.fingerprint ?? "?"), signature valid"
                case .invalid: "signature INVALID"
                case .unsigned: "unsigned"
                }
                Terminal.output("sign-off: \(TerminalText.oneLine(signoff.signer)) at \(signoff.at) — \(key); \(signoff.stale ? "STALE: the cycle changed after it" : "current")")
            }
        }
        switch result.signature {
        case .notChecked: Terminal.output("signature: not checked (--unsigned)")
        case let .valid(fingerprint): Terminal.output("signature: valid (Ed25519 key \(fingerprint))")
        case .invalid: Terminal.output("FAILED: signature: manifest.sig does not hold for this manifest and key")
        case .missing: Terminal.output("FAILED: signature: manifest.sig is missing")
        }
        for problem in result.problems { Terminal.output("FAILED: " + problem) }
        if result.holds {
            Terminal.output("verified: every file is listed and matches its SHA-256; nothing extra; no path escapes; the audit chain is unbroken and agrees with the results and sign-offs.")
        } else {
            let count = result.problems.count + (result.signature == .invalid || result.signature == .missing ? 1 : 0)
            Terminal.error("bundle verification failed: \(count) problem\(count == 1 ? "" : "s")")
            throw ExitCode(1)
        }
    }
}
