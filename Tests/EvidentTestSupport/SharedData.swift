import Foundation

/// The project's shared folder of reference data and peer tools, beside the repository
/// (`../shared`) or where `$EVIDENT_SHARED` says. Tests that need it are skipped without it.
public enum SharedData {
    /// The shared folder, whether or not it exists.
    public static let folder: URL = ProcessInfo.processInfo.environment["EVIDENT_SHARED"].map { URL(fileURLWithPath: $0) }
        ?? Fixtures.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// The path of `relative` inside the shared folder, nil when it is not there.
    public static func path(_ relative: String) -> String? {
        let path = folder.appendingPathComponent(relative).path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// NIST SP 800-53 rev5.0.1, the full catalog (1,189 controls and enhancements, 182 withdrawn).
    public static let nistCatalog = path("data/oscal/catalog/NIST_SP-800-53_rev5.0.1_catalog.json")
}
