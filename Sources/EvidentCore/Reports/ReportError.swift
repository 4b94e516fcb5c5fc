/// Why a report could not be rendered or written.
public enum ReportError: EvidentError, Equatable {
    /// The `--templates` folder does not exist.
    case templatesNotFound(path: String)
    /// A user template does not parse; its diagnostic names the place.
    case invalidTemplate(Diagnostic)
    /// No template of that name, embedded or in the folder.
    case missingTemplate(String)
    /// The output could not be written.
    case unwritable(path: String, reason: String)
    /// `report --by` was asked for a format a framework view has no form in (OSCAL).
    case frameworkViewFormat

    public var kind: FailureKind {
        switch self {
        case .templatesNotFound: .missingInput
        case .invalidTemplate, .missingTemplate, .frameworkViewFormat: .badInput
        case .unwritable: .ioError
        }
    }

    public var errorDescription: String? {
        switch self {
        case let .templatesNotFound(path): "no such templates folder: \(path)"
        case let .invalidTemplate(diagnostic): "the template \(diagnostic.file) is invalid"
        case let .missingTemplate(name): "no template named \(name)"
        case let .unwritable(path, reason): "cannot write \(path): \(reason)"
        case .frameworkViewFormat: "a framework view (--by) is written as md, html, json or csv, not oscal"
        }
    }

    public var hint: String? {
        switch self {
        case .templatesNotFound: "give a folder of .mustache files; copy Templates/ from the Evident repository to start"
        case .invalidTemplate: "fix the template and run the command again"
        case .missingTemplate: "add it to the --templates folder, or leave the folder out to use the built-in templates"
        case .unwritable: "check the path, its permissions and free disk space"
        case .frameworkViewFormat: "leave out --by for the OSCAL assessment results, or choose another --format"
        }
    }
}
