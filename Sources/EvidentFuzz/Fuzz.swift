// libFuzzer harness for Evident's parsers of untrusted input: checklist YAML, review CSV, and
// auditor bundles. Built by `make fuzz` with -sanitize=fuzzer and -DFUZZING; the target is chosen
// by $EVIDENT_FUZZ_TARGET (checklist, csv or bundle). A normal build gives a binary that says so.
import EvidentCore
import Foundation

#if FUZZING
/// libFuzzer's driver, from its `fuzzer_no_main` runtime.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// Hands libFuzzer the command line and the function it calls with each input.
@main
struct FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv) { data, size in
            let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
            switch ProcessInfo.processInfo.environment["EVIDENT_FUZZ_TARGET"] ?? "checklist" {
            case "csv": FuzzTargets.csv(bytes)
            case "bundle": FuzzTargets.bundle(bytes)
            default: FuzzTargets.checklist(bytes)
            }
            return 0
        })
    }
}
#endif

/// What each fuzz target does with one input.
enum FuzzTargets {
    static let header = Array("id: fuzz\ntitle: Fuzz\nversion: \"1\"\n".utf8)

    /// The input as a section file, then as checklist.yaml.
    static func checklist(_ bytes: [UInt8]) {
        _ = ChecklistLoader.load(files: [
            ChecklistFile(name: "checklist.yaml", path: "fuzz/checklist.yaml", bytes: header),
            ChecklistFile(name: "01-fuzz.yaml", path: "fuzz/01-fuzz.yaml", bytes: bytes),
        ], directory: "fuzz")
        _ = ChecklistLoader.load(files: [
            ChecklistFile(name: "checklist.yaml", path: "fuzz/checklist.yaml", bytes: bytes),
            ChecklistFile(name: "01-keys.yaml", path: "fuzz/01-keys.yaml", bytes: Array("section: {id: keys, title: K}\nitems: [{id: keys.a, title: A}]\n".utf8)),
        ], directory: "fuzz")
    }

    /// The input as a review CSV for a checklist with two items.
    static func csv(_ bytes: [UInt8]) {
        guard let text = try? ReviewCSVText.decode(Data(bytes), file: "fuzz.csv") else { return }
        _ = ReviewCSVReader.read(text, file: "fuzz.csv", knownItems: ["keys.a", "keys.b"])
    }

    /// The input as an auditor bundle, verified with and without a key.
    static func bundle(_ bytes: [UInt8]) {
        let path = NSTemporaryDirectory() + "evident-fuzz-\(getpid()).zip"
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try? BundleVerifier.verify(path: path, publicKey: SigningKeys.generate().publicKey)
    }
}

#if !FUZZING
/// Without libFuzzer there is nothing to run.
@main
struct FuzzPlaceholder {
    static func main() {
        print("EvidentFuzz: build it with `make fuzz` (libFuzzer); this build has no fuzzer in it.")
    }
}
#endif
