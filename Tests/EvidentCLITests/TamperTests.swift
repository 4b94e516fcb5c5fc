import EvidentTestSupport
import Foundation
import GRDB
import Testing
import ZIPFoundation

/// Any flipped byte of a vault file, any changed audit column, any changed bundle member, manifest
/// or signature is detected, and the message names what.
@Suite struct TamperTests {
    @Test func aFlippedByteAnywhereInAVaultFileIsDetected() throws {
        let bench = Workbench()
        try bench.prepare()
        let content = Data((0..<10_240).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) | 0x20 })
        bench.directory.write("evidence.log", content)
        try bench.expectSuccess(bench.run("evidence", "add", "keys.rotation", "evidence.log"))
        let vault = bench.directory.path(".evident/vault")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: vault).first)
        let file = URL(fileURLWithPath: vault + "/" + name)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        for offset in [0, 1, 4095, 4096, 5000, 10_239] {
            var bytes = content
            bytes[offset] ^= 0x01
            try bytes.write(to: file)
            let result = try bench.run("verify")
            #expect(result.status == 1, "offset \(offset)")
            #expect(result.stdout.contains("vault file \(name) no longer matches its SHA-256"), "offset \(offset)")
        }
        try content.write(to: file)
        #expect(try bench.run("verify").status == 0)
    }

    @Test(arguments: ["at", "actor", "action", "cycle_id", "item_id", "subject", "payload", "previous_hash", "hash"])
    func everyAuditColumnIsProtected(column: String) throws {
        let bench = Workbench()
        try bench.prepare()
        try bench.expectSuccess(bench.run("review", "keys.rotation", "--status", "pass", "--note", "rotated"))
        let queue = try DatabaseQueue(path: bench.databasePath)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_update")
            let value: DatabaseValueConvertible = switch column {
            case "cycle_id": 99
            case "at": "2030-01-01T00:00:00Z"
            case "previous_hash", "hash": String(repeating: "a", count: 64)
            default: "tampered"
            }
            try db.execute(sql: "UPDATE audit_log SET \(column) = ? WHERE seq = 4", arguments: [value])
        }
        let result = try bench.run("verify")
        #expect(result.status == 1, "\(column)")
        #expect(result.stdout.contains("audit log entry"), "\(column): \(result.stdout)")
    }

    @Test func everyBundleMemberManifestAndSignatureIsProtected() throws {
        let bench = Workbench()
        try bench.prepare()
        bench.directory.write("rotation.csv", "key,rotated\nk1,2026-09-30\n")
        try bench.expectSuccess(bench.run("evidence", "add", "keys.rotation", "rotation.csv"))
        try bench.expectSuccess(bench.run("keygen", "--out", "lead"))
        try bench.expectSuccess(bench.run("export", "2026-Q4", "--out", "bundle.zip", "--sign-key", "lead.key"))
        let source = try Archive(url: bench.directory.url.appendingPathComponent("bundle.zip"), accessMode: .read)
        var members: [(String, Data)] = []
        for entry in source {
            var data = Data()
            _ = try source.extract(entry) { data.append($0) }
            members.append((entry.path, data))
        }
        #expect(members.count >= 9)
        for (index, member) in members.enumerated() {
            var changed = members
            var bytes = member.1
            bytes[bytes.count / 2] ^= 0x01
            changed[index].1 = bytes
            let name = "tampered-\(index).zip"
            let target = try Archive(url: bench.directory.url.appendingPathComponent(name), accessMode: .create)
            for (path, data) in changed {
                try target.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count)) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            let result = try bench.run("verify", "--bundle", name, "--public-key", "lead.pub")
            #expect(result.status == 1, "\(member.0)")
            let named = member.0 == "manifest.json" || member.0 == "manifest.sig"
                ? result.stdout.contains("signature") || result.stdout.contains("manifest.json")
                : result.stdout.contains(member.0)
            #expect(named, "\(member.0): \(result.stdout)")
        }
    }
}
