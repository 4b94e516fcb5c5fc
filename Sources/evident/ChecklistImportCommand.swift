import ArgumentParser
import EvidentCore

/// The document formats `checklist import` reads.
enum ImportSource: String, ExpressibleByArgument, CaseIterable {
    case oscal
}

/// `evident checklist import --from oscal CATALOG.json (--out DIR | --load)`: a checklist from a
/// catalog, written as a directory, loaded into the workspace, or both.
struct ChecklistImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert an OSCAL catalog (JSON) into a checklist directory, or load it directly.",
        discussion: """
            Groups become sections, controls and enhancements items (withdrawn ones are left out), \
            statements descriptions, guidance guidance, with parameters shown in place. The result is \
            checked to load before it is written. --load loads it into the workspace in the same \
            step (with or without --out). See docs/oscal.md.
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: "The format of the document to import.")
    var from: ImportSource

    @Argument(help: ArgumentHelp("The OSCAL catalog, in JSON.", valueName: "catalog.json"))
    var catalog: String

    @Option(help: ArgumentHelp("The checklist directory to write (created; must be new or empty).", valueName: "dir"))
    var out: String?

    @Flag(help: "Load the imported checklist into the workspace as well (as `checklist load` would), in this one step.")
    var load = false

    @Option(help: ArgumentHelp("The checklist id (default: made from the catalog's title).", valueName: "id"))
    var id: String?

    @Flag(help: "Replace the .yaml files of a checklist already in --out.")
    var force = false

    func validate() throws {
        if out == nil, !load {
            throw ValidationError("give --out DIR to write the checklist, --load to load it into the workspace, or both")
        }
        if let id, id.first?.isLowercase != true || !id.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }) {
            throw ValidationError("--id '\(id)' must be lower-case letters, digits and dashes, starting with a letter")
        }
    }

    func run() async throws {
        try await Reporting.run {
            // The workspace is opened first, so that a missing one (66) costs no conversion.
            let open: Workspace? = if load { try workspace.open() } else { nil }
            let (checklist, summary) = try CatalogImport.oscal(catalog: catalog, id: id)
            if let out {
                try ChecklistWriter.write(checklist, to: out, replacing: force)
            }
            let place = out.map { " into \($0)" } ?? ""
            Terminal.output(
                "Imported \(summary.controls) controls in \(summary.sections) sections from \(catalog)\(place) (validated): "
                    + "checklist \(summary.checklistID) \(summary.version); \(summary.withdrawn) withdrawn left out.")
            if let open {
                for outcome in try open.load([checklist], session: try workspace.session()) {
                    Terminal.output(ChecklistLoadText.outcome(outcome))
                }
            }
        }
    }
}
