/// Why a catalog could not be imported as a checklist.
public enum CatalogImportError: EvidentError, Equatable {
    /// The catalog file does not exist.
    case notFound(path: String)
    /// The path exists but cannot be read as a file.
    case unreadable(path: String, reason: String)
    /// The file is not JSON; `detail` says where and why when the parser told.
    case notJSON(path: String, detail: String)
    /// The file is JSON but holds another OSCAL model (`profile`, …) or no model at all.
    case notACatalog(path: String, found: [String])
    /// The catalog breaks the OSCAL model where Evident reads it.
    case invalidCatalog(path: String, detail: String)
    /// Every control in the catalog is withdrawn, or it has none.
    case noControls(path: String)
    /// `--id` is not a checklist id.
    case invalidID(String)
    /// The converted checklist does not load: a bug in the converter.
    case conversionFailed(detail: String)

    public var kind: FailureKind {
        switch self {
        case .notFound, .unreadable: .missingInput
        case .notJSON, .notACatalog, .invalidCatalog, .noControls, .invalidID: .badInput
        case .conversionFailed: .internalError
        }
    }

    public var errorDescription: String? {
        switch self {
        case let .notFound(path): "no such file: \(path)"
        case let .unreadable(path, reason): "cannot read \(path): \(reason)"
        case let .notJSON(path, detail): "\(path) is not JSON: \(detail)"
        case let .notACatalog(path, found):
            found.isEmpty ? "\(path) is not an OSCAL catalog: it has no top-level \"catalog\" object"
                : "\(path) is not an OSCAL catalog: it holds \(found.map { "\"\($0)\"" }.joined(separator: ", ")) instead of \"catalog\""
        case let .invalidCatalog(path, detail): "\(path) is not a valid OSCAL catalog: \(detail)"
        case let .noControls(path): "\(path) has no controls that are not withdrawn; there is nothing to import"
        case let .invalidID(id): "checklist id '\(id)' must be lower-case letters, digits and dashes, starting with a letter"
        case let .conversionFailed(detail): "the imported checklist does not load: \(detail)"
        }
    }

    public var hint: String? {
        switch self {
        case .notFound, .unreadable: "give the path of an OSCAL catalog in JSON"
        case .notJSON: "Evident imports OSCAL catalogs in JSON; convert YAML or XML ones first"
        case let .notACatalog(_, found) where found.contains("profile"):
            "resolve the profile into a catalog first (for example `trestle author profile-resolve`)"
        case .notACatalog, .invalidCatalog: "check the file against NIST's OSCAL catalog schema"
        case .noControls: nil
        case .invalidID: "for example --id nist-800-53"
        case .conversionFailed: "this is a bug in Evident; please report it with the catalog you imported"
        }
    }
}
