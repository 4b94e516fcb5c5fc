/// The parts of an OSCAL catalog (JSON, any 1.x version) that a checklist is made of: groups,
/// controls and their enhancements, parameters and parts. Everything else is ignored.
/// https://pages.nist.gov/OSCAL/reference/latest/catalog/json-reference/
struct OSCALCatalogDocument: Decodable, Sendable {
    let catalog: OSCALCatalog
}

/// A catalog: metadata, then groups of controls (and perhaps controls outside any group).
struct OSCALCatalog: Decodable, Sendable {
    let uuid: String
    let metadata: Metadata
    let params: [OSCALParameter]?
    let controls: [OSCALControl]?
    let groups: [OSCALGroup]?

    /// The catalog's title and version.
    struct Metadata: Decodable, Sendable {
        let title: String
        let version: String
    }
}

/// A group of controls (a control family), possibly holding further groups.
struct OSCALGroup: Decodable, Sendable {
    let id: String?
    let title: String
    let params: [OSCALParameter]?
    let parts: [OSCALPart]?
    let groups: [OSCALGroup]?
    let controls: [OSCALControl]?
}

/// A control; its `controls` are its enhancements.
struct OSCALControl: Decodable, Sendable {
    let id: String
    let title: String
    let params: [OSCALParameter]?
    let props: [OSCALProperty]?
    let parts: [OSCALPart]?
    let controls: [OSCALControl]?

    /// Whether the control was withdrawn (prop `status` = `withdrawn`): it is left out.
    var isWithdrawn: Bool {
        props?.contains { $0.name == "status" && $0.value.lowercased() == "withdrawn" } ?? false
    }

    /// The label people cite it by (`AC-2(1)`): the first `label` without a class, else any, else the id.
    var label: String {
        let labels = props?.filter { $0.name == "label" } ?? []
        return (labels.first { $0.class == nil } ?? labels.first)?.value ?? id.uppercased()
    }
}

/// A parameter a control's prose refers to with `{{ insert: param, id }}`.
struct OSCALParameter: Decodable, Sendable {
    let id: String
    let label: String?
    let values: [String]?
    let select: Selection?
    let guidelines: [Guideline]?

    /// A choice among listed values.
    struct Selection: Decodable, Sendable {
        let howMany: String?
        let choice: [String]?

        enum CodingKeys: String, CodingKey {
            case choice
            case howMany = "how-many"
        }
    }

    /// Prose on how to set the parameter.
    struct Guideline: Decodable, Sendable {
        let prose: String
    }
}

/// A named piece of a control: `statement`, `guidance`, `item`, `objective`, `assessment-method`, …
struct OSCALPart: Decodable, Sendable {
    let id: String?
    let name: String
    let title: String?
    let props: [OSCALProperty]?
    let prose: String?
    let parts: [OSCALPart]?

    /// The part's label (`a.`, `1.`, `AC-02a.[01]`), preferring one without a class.
    var label: String? {
        let labels = props?.filter { $0.name == "label" } ?? []
        return (labels.first { $0.class == nil } ?? labels.first)?.value
    }

    /// The value of the property `name`, when present.
    func property(_ name: String) -> String? { props?.first { $0.name == name }?.value }
}
