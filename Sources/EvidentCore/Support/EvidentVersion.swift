/// Evident's own version, printed by `--version` and written into bundles and reports.
public enum EvidentVersion {
    public static let current = "0.1.0"
}
