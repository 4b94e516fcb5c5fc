import ArgumentParser
import EvidentCore

/// The document formats `checklist import` reads.
enum ImportSource: String, ExpressibleByArgument, CaseIterable {
    case oscal
}

/// `evident checklist import --from oscal CATALOG.json --out DIR`: a checklist from a catalog.
struct ChecklistImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert an OSCAL catalog (JSON) into a checklist directory.",
        discussion: """
            Groups become sections, controls and enhancements items (withdrawn ones are left out), \
            statements descriptions, guidance guidance, with parameters shown in place. The result is \
            checked to load before it is written. See docs/oscal.md.
            """)

    @Option(help: "The format of the document to import.")
    var from: ImportSource

    @Argument(help: ArgumentHelp("The OSCAL catalog, in JSON.", valueName: "catalog.json"))
    var catalog: String

    @Option(help: ArgumentHelp("The checklist directory to write (created; must be new or empty).", valueName: "dir"))
    var out: String

    @Option(help: ArgumentHelp("The checklist id (default: made from the catalog's title).", valueName: "id"))
    var id: String?

    @Flag(help: "Replace the .yaml files of a checklist already in --out.")
    var force = false

    func validate() throws {
        if let id, id.first?.isLowercase != true || !id.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }) {
            throw ValidationError("--id '\(id)' must be lower-case letters, digits and dashes, starting with a letter")
        }
    }

    func run() async throws {
        try await Reporting.run {
            let summary = try CatalogImport.oscal(catalog: catalog, into: out, id: id, replacing: force)
            Terminal.output(
                "Imported \(summary.controls) controls in \(summary.sections) sections from \(catalog) into \(out) (validated): "
                    + "checklist \(summary.checklistID) \(summary.version); \(summary.withdrawn) withdrawn left out.")
        }
    }
}
