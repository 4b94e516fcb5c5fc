import EvidentCore
import EvidentTestSupport
import Foundation
import Testing

/// Inputs that once made a fuzzer fail, replayed through the same entry points: each must give
/// located diagnostics (or a clean result), never a crash. `make fuzz` also starts from them.
@Suite struct FuzzRegressionTests {
    static func inputs(_ target: String) -> [String] {
        let folder = Fixtures.path("fuzz/regressions/\(target)")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().map { folder + "/" + $0 }
    }

    @Test func checklistInputsAreRefusedWithLocatedErrors() throws {
        let inputs = Self.inputs("checklist")
        #expect(!inputs.isEmpty)
        for path in inputs {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            let result = ChecklistBuilder().loadSection(bytes: bytes)
            #expect(result.diagnostics.allSatisfy { $0.line != nil || $0.file.hasSuffix(".yaml") }, "\(path)")
            let asHeader = ChecklistLoader.load(files: [
                ChecklistFile(name: "checklist.yaml", path: "dir/checklist.yaml", bytes: bytes),
                ChecklistFile(name: "01-keys.yaml", path: "dir/01-keys.yaml", bytes: Array(ChecklistBuilder.section.utf8)),
            ], directory: "dir")
            #expect(asHeader.checklist == nil || asHeader.diagnostics.isEmpty, "\(path)")
        }
    }
}
