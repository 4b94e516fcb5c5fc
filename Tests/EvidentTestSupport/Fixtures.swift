import Foundation

/// Paths of the repository's test fixtures and shipped files.
public enum Fixtures {
    /// The repository's root folder.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file or folder under `Tests/Fixtures/`.
    public static func path(_ relative: String) -> String {
        repositoryRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relative).path
    }

    /// A file or folder of the repository.
    public static func repository(_ relative: String) -> String {
        repositoryRoot.appendingPathComponent(relative).path
    }

    /// Copies the fixture checklist `name` into `directory` and returns the copy's path.
    public static func copyChecklist(_ name: String, into directory: TemporaryDirectory, as target: String? = nil) -> String {
        let destination = directory.url.appendingPathComponent(target ?? name)
        try? FileManager.default.removeItem(at: destination)
        try! FileManager.default.copyItem(atPath: path("checklists/\(name)"), toPath: destination.path)
        return destination.path
    }
}
