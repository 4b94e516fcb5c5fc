import EvidentCore

/// Builds in-memory checklist directories for loader tests: a valid header and section by
/// default, with any file replaced or added.
public struct ChecklistBuilder {
    public static let header = """
        id: test-checklist
        title: Test checklist
        version: "1.0.0"

        """

    public static let section = """
        section:
          id: keys
          title: API Key Management
        items:
          - id: keys.rotation
            title: API keys are rotated at least every 90 days

        """

    public var files: [String: String] = ["checklist.yaml": header, "01-keys.yaml": section]

    public init() {}

    /// Sets the text of file `name`.
    public func with(_ name: String, _ text: String) -> ChecklistBuilder {
        var copy = self
        copy.files[name] = text
        return copy
    }

    /// Removes file `name`.
    public func without(_ name: String) -> ChecklistBuilder {
        var copy = self
        copy.files[name] = nil
        return copy
    }

    /// Loads the files as the directory `dir`.
    public func load(directory: String = "dir") -> ChecklistLoadResult {
        ChecklistLoader.load(
            files: files.map { ChecklistFile(name: $0.key, path: "\(directory)/\($0.key)", bytes: Array($0.value.utf8)) },
            directory: directory)
    }

    /// Loads `bytes` as the only section file, for byte-level hostile input.
    public func loadSection(bytes: [UInt8]) -> ChecklistLoadResult {
        var list = [ChecklistFile(name: "checklist.yaml", path: "dir/checklist.yaml", bytes: Array(Self.header.utf8))]
        list.append(ChecklistFile(name: "01-keys.yaml", path: "dir/01-keys.yaml", bytes: bytes))
        return ChecklistLoader.load(files: list, directory: "dir")
    }
}
