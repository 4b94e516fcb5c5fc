import EvidentTestSupport
import Foundation
import Testing

/// The frictions a new user hit, each reproduced first through the binary: where the workspace is,
/// shipped checklists by name, report formats, "did you mean", thin passes, dates, expired evidence
/// at close, masking, bundles, several files at once.
@Suite struct FrictionCLITests {
    /// Reproduces the report: from a subfolder, `status` said there was no workspace and hinted
    /// `evident init`, which created a second, empty one.
    @Test func theWorkspaceIsFoundFromASubfolder() throws {
        let bench = Workbench()
        try bench.prepare()
        let deeper = bench.directory.url.appendingPathComponent("evidence/2026/q4")
        try FileManager.default.createDirectory(at: deeper, withIntermediateDirectories: true)
        let status = try EvidentBinary.run(["status", "--format", "json"], at: deeper, environment: bench.environment)
        #expect(status.status == 0, "\(status)")
        #expect(status.stdout.contains("\"cycle\" : \"2026-Q4\""))
        try Data("rotation log\n".utf8).write(to: deeper.appendingPathComponent("log.txt"))
        let add = try EvidentBinary.run(["evidence", "add", "keys.rotation", "log.txt"], at: deeper, environment: bench.environment)
        #expect(add.status == 0, "relative paths are read from where the command runs: \(add)")
        #expect(!FileManager.default.fileExists(atPath: deeper.appendingPathComponent(".evident").path))
        let here = try EvidentBinary.run(["init"], at: deeper, environment: bench.environment)
        #expect(here.status == 0)
        #expect(FileManager.default.fileExists(atPath: deeper.appendingPathComponent(".evident/evident.db").path), "init creates in the current folder")
        #expect(here.stderr.contains("inside the workspace"))
    }

    @Test func aMissingWorkspaceStillSaysToRunInit() throws {
        let folder = TemporaryDirectory()
        let result = try EvidentBinary.run(["status"], in: folder)
        #expect(result.status == 66, "\(result)")
        #expect(result.stderr.contains("run `evident init`"))
        #expect(result.stderr.contains("or any folder above it"))
    }

    /// Reproduces the report: `init` suggested `checklist load Checklists/liasonpay`, which failed
    /// (66) outside the source tree although the checklist is built in.
    @Test func theShippedChecklistLoadsByNameFromAnyFolder() throws {
        let bench = Workbench()
        let initialised = try bench.run("init")
        let hint = initialised.stdout.split(separator: "\n").first { $0.hasPrefix("Next: evident ") }
        #expect(hint == "Next: evident checklist load liasonpay")
        let suggested = hint.map { $0.dropFirst("Next: evident ".count).split(separator: " ").map(String.init) } ?? []
        let load = try bench.run(suggested)
        #expect(load.status == 0, "\(load)")
        #expect(load.stdout.contains("Loaded liasonpay-security"))
        #expect(try bench.run("checklist", "validate", "liasonpay").status == 0)
        let typo = try bench.run("checklist", "load", "liasonpy")
        #expect(typo.status == 66)
        #expect(typo.stderr.contains("did you mean 'liasonpay'?"))
        #expect(typo.stderr.contains("the name of a checklist Evident ships: liasonpay"))
    }

    /// Reproduces the report: `report --out report.html` without `--format` wrote Markdown.
    @Test func theReportFormatFollowsTheOutputExtension() throws {
        let bench = Workbench()
        try bench.prepare()
        for (file, start) in [("r.html", "<!DOCTYPE html>"), ("r.md", "# Audit report"), ("r.json", "{"), ("r.csv", "item,section,title"),
                              ("r.oscal.json", "{")] {
            let result = try bench.run("report", "--out", file)
            #expect(result.status == 0, "\(file): \(result)")
            #expect(bench.directory.read(file).hasPrefix(start), "\(file)")
        }
        #expect(bench.directory.read("r.oscal.json").contains("\"assessment-results\""))
        #expect(try bench.run("report", "--out", "explicit.html", "--format", "md").status == 0)
        #expect(bench.directory.read("explicit.html").hasPrefix("# Audit report"), "an explicit --format wins")
    }

    /// Reproduces the report: `evident stauts` got no suggestion, and `log --item` with a typo printed
    /// "The audit log is empty." and exited 0.
    @Test func misspeltCommandsAndIdsGetADidYouMean() throws {
        let bench = Workbench()
        try bench.prepare()
        let command = try bench.run("stauts")
        #expect(command.status == 64)
        #expect(command.stderr.contains("unknown command 'stauts'; did you mean 'status'?"))
        let sub = try bench.run("cycle", "strat", "2027-Q1")
        #expect(sub.status == 64)
        #expect(sub.stderr.contains("did you mean 'start'?"))
        let log = try bench.run("log", "--item", "keys.rotaton")
        #expect(log.status == 65, "\(log)")
        #expect(log.stderr.contains("unknown item 'keys.rotaton'; did you mean 'keys.rotation'?"))
        #expect(!log.stdout.contains("The audit log is empty."))
        let list = try bench.run("evidence", "list", "keys.rotaton")
        #expect(list.status == 65)
        #expect(list.stderr.contains("did you mean 'keys.rotation'?"))
        #expect(try bench.run("help", "status").status == 0)
        #expect(try bench.run("review", "keys.rotation", "--status", "pass", "--note", "ok").status == 0, "the default subcommand still works")
    }

    /// Reproduces the report: `review X --status pass` with no evidence and no note passed silently.
    @Test func aPassWithoutEvidenceIsWarnedAndMarkedInEveryReport() throws {
        let bench = Workbench()
        try bench.prepare()
        let bare = try bench.run("review", "keys.rotation", "--status", "pass")
        #expect(bare.status == 0)
        #expect(bare.stderr.contains("warning: keys.rotation passes with no evidence and no note"), "\(bare)")
        try bench.expectSuccess(bench.run("evidence", "add", "data.retention", "--note", "policy v2, signed"))
        let backed = try bench.run("review", "data.retention", "--status", "pass")
        #expect(!backed.stderr.contains("warning"), "\(backed)")
        let json = try bench.json("report", "--format", "json")
        #expect((json["summary"] as? [String: Any])?["passes_without_evidence"] as? Int == 1)
        let items = (json["sections"] as? [[String: Any]] ?? []).flatMap { $0["items"] as? [[String: Any]] ?? [] }
        #expect(items.first { $0["id"] as? String == "keys.rotation" }?["pass_without_evidence"] as? Bool == true)
        #expect(items.first { $0["id"] as? String == "data.retention" }?["pass_without_evidence"] as? Bool == false)
        #expect(try bench.run("report", "--format", "md").stdout.contains("⚠ **Pass without evidence**"))
        #expect(try bench.run("report", "--format", "html").stdout.contains("pass without evidence</span>"))
        let csv = try bench.run("report", "--format", "csv").stdout
        #expect(csv.contains("pass_without_evidence"))
        #expect(csv.split(separator: "\r\n").first { $0.hasPrefix("keys.rotation,") }?.contains(",yes,") == true)
        #expect(try bench.run("report", "--format", "oscal").stdout.contains("pass-without-evidence"))
    }

    @Test func evidenceDatedInTheFutureIsRefused() throws {
        let bench = Workbench()
        try bench.prepare()
        let result = try bench.run("evidence", "add", "keys.rotation", "--note", "rotated", "--as-of", "2027-01-01")
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("in the future"))
        #expect(try bench.run("evidence", "add", "keys.rotation", "--note", "rotated", "--as-of", "2026-09-30").status == 0)
    }

    /// Reproduces the report: `cycle close` went through with expired evidence unmentioned.
    @Test func closingListsExpiredEvidenceAndNeedsItAccepted() throws {
        let bench = Workbench()
        try bench.prepare()
        try bench.passEverything()
        try bench.expectSuccess(bench.run("evidence", "add", "keys.rotation", "--note", "rotation log", "--as-of", "2026-07-01"))
        try bench.expectSuccess(bench.run("evidence", "add", "data.retention", "--note", "policy"))
        bench.setNow("2026-10-15T09:00:00Z")
        let refused = try bench.run("cycle", "close", "2026-Q4")
        #expect(refused.status == 65, "\(refused)")
        #expect(refused.stderr.contains("#1 keys.rotation (expired 2026-09-29)"))
        #expect(refused.stderr.contains("--accept-expired"))
        #expect(!refused.stderr.contains("data.retention"))
        let accepted = try bench.run("cycle", "close", "2026-Q4", "--accept-expired")
        #expect(accepted.status == 0, "\(accepted)")
        #expect(accepted.stderr.contains("accepted: #1 keys.rotation"))
        #expect(try bench.run("log", "--format", "json").stdout.contains("accepted_expired"))
    }

    @Test func interactiveReviewAsksAgainForARequiredNote() throws {
        let bench = Workbench()
        try bench.prepare()
        let result = try bench.run(["review", "--interactive"], input: Data("f\n\nscan found a key\nq\n".utf8))
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("needs a note saying why; type it"))
        #expect(!result.stdout.contains("is not an answer"), "the note is never read as a status")
        let log = try bench.run("log", "--item", "keys.no-hardcoded-keys")
        #expect(log.stdout.contains("scan found a key"))
    }

    /// Reproduces the report: masked card numbers read `card card …1111`.
    @Test func aMaskedCardNumberSaysCardOnce() throws {
        let bench = Workbench()
        try bench.prepare()
        try bench.expectSuccess(bench.run("review", "keys.rotation", "--status", "fail", "--note", "test card 4111 1111 1111 1111 was charged"))
        let log = try bench.run("log", "--item", "keys.rotation")
        #expect(log.stdout.contains("test card …1111 was charged"), "\(log)")
        #expect(!log.stdout.contains("card card"))
        try bench.expectSuccess(bench.run("review", "data.retention", "--status", "fail", "--note", "found 4111111111111111 in logs"))
        #expect(try bench.run("log", "--item", "data.retention").stdout.contains("found card …1111 in logs"))
    }

    /// Reproduces the report: `export` overwrote an existing bundle while `keygen` refuses to.
    @Test func exportNeverOverwritesABundleWithoutForce() throws {
        let bench = Workbench()
        try bench.prepare()
        try bench.expectSuccess(bench.run("export", "2026-Q4", "--out", "bundle.zip"))
        let before = try Data(contentsOf: bench.directory.url.appendingPathComponent("bundle.zip"))
        bench.setNow("2026-10-02T09:00:00Z")
        let again = try bench.run("export", "2026-Q4", "--out", "bundle.zip")
        #expect(again.status == 65, "\(again)")
        #expect(again.stderr.contains("already exists"))
        #expect(again.stderr.contains("--force"))
        #expect(try Data(contentsOf: bench.directory.url.appendingPathComponent("bundle.zip")) == before)
        try bench.expectSuccess(bench.run("keygen", "--out", "lead"))
        #expect(try bench.run("keygen", "--out", "lead").status == again.status, "the same exit code as keygen")
        #expect(try bench.run("export", "2026-Q4", "--out", "bundle.zip", "--force").status == 0)
        #expect(try Data(contentsOf: bench.directory.url.appendingPathComponent("bundle.zip")) != before)
    }

    @Test func severalFilesAreAttachedAtOnceWithACaption() throws {
        let bench = Workbench()
        try bench.prepare()
        bench.directory.write("jan.csv", "key,rotated\nk1,2026-01-02\n")
        bench.directory.write("apr.csv", "key,rotated\nk1,2026-04-02\n")
        let missing = try bench.run("evidence", "add", "keys.rotation", "jan.csv", "nope.csv")
        #expect(missing.status == 66)
        #expect((try bench.json("evidence", "list", "--format", "json")["evidence"] as? [Any])?.isEmpty == true, "all or none")
        let added = try bench.run("evidence", "add", "keys.rotation", "jan.csv", "apr.csv", "--caption", "rotation exports")
        #expect(added.status == 0, "\(added)")
        #expect(added.stdout.contains("Added evidence #1"))
        #expect(added.stdout.contains("Added evidence #2"))
        let list = try bench.run("evidence", "list")
        #expect(list.stdout.contains("jan.csv — rotation exports"))
        #expect(list.stdout.contains("apr.csv — rotation exports"))
        #expect(try bench.run("report", "--format", "md").stdout.contains("apr.csv — rotation exports"))
        #expect(try bench.run("evidence", "add", "keys.rotation", "--note", "x", "--caption", "y").status == 64)
    }
}
