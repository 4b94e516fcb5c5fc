/// Turns an OSCAL catalog into a checklist (docs/oscal.md): top-level groups become sections
/// (nested groups become subsections), controls and enhancements become items, the statement
/// the description, the guidance and SP 800-53A objectives and methods the guidance; withdrawn
/// controls are left out.
struct OSCALCatalogConverter {
    /// The checklist and what went into it.
    struct Conversion: Sendable {
        let checklist: Checklist
        /// Controls and enhancements imported as items.
        let controls: Int
        /// Withdrawn controls and enhancements left out.
        let withdrawn: Int
    }

    private let prose: OSCALProse
    /// What references start with: the catalog's short title (`NIST Special Publication 800-53 Revision 5`).
    private let referencePrefix: String
    private var controls = 0
    private var withdrawn = 0
    /// Item ids handed out so far: a sanitized id that repeats gets `-2`, `-3`, …
    private var itemIDs = UniqueNames()

    /// Converts `catalog`; the checklist id is `id`, else one made from the catalog's title.
    static func convert(_ catalog: OSCALCatalog, id: String?) -> Conversion {
        var converter = OSCALCatalogConverter(catalog)
        var sections: [ChecklistSection] = []
        var sectionIDs = UniqueNames()
        if let loose = catalog.controls, !loose.isEmpty {
            let sectionID = sectionIDs.claim(Slug.name("controls"))
            let items = converter.items(loose, section: sectionID, groupPath: [])
            if !items.isEmpty { sections.append(ChecklistSection(id: sectionID, title: "Controls", items: items)) }
        }
        for group in catalog.groups ?? [] {
            let sectionID = sectionIDs.claim(Slug.name(group.id ?? group.title))
            let items = converter.items(in: group, section: sectionID, groupPath: [])
            guard !items.isEmpty else { continue }
            let overview = (group.parts ?? []).map(converter.prose.markdown).filter { !$0.isEmpty }.joined(separator: "\n\n")
            sections.append(ChecklistSection(
                id: sectionID, title: Slug.oneLine(group.title, fallback: sectionID),
                description: overview.isEmpty ? nil : overview, items: items))
        }
        let title = Slug.oneLine(catalog.metadata.title, fallback: "OSCAL catalog")
        let version = Slug.oneLine(catalog.metadata.version, fallback: "1")
        let checklist = Checklist(
            id: id ?? Slug.checklistID(from: converter.referencePrefix), title: title, version: version,
            description: "The controls and control enhancements of \(title) \(version), imported from its OSCAL catalog; "
                + "withdrawn controls are left out.",
            source: "OSCAL catalog \(catalog.uuid), \(title) \(version)", sections: sections)
        return Conversion(checklist: checklist, controls: converter.controls, withdrawn: converter.withdrawn)
    }

    private init(_ catalog: OSCALCatalog) {
        var parameters: [String: OSCALParameter] = [:]
        func collect(_ list: [OSCALParameter]?) { for parameter in list ?? [] { parameters[parameter.id] = parameter } }
        func collect(_ control: OSCALControl) { collect(control.params); control.controls?.forEach(collect) }
        func collect(_ group: OSCALGroup) { collect(group.params); group.controls?.forEach(collect); group.groups?.forEach(collect) }
        collect(catalog.params)
        catalog.controls?.forEach(collect)
        catalog.groups?.forEach(collect)
        prose = OSCALProse(parameters: parameters)
        let title = Slug.oneLine(catalog.metadata.title, fallback: "OSCAL catalog")
        referencePrefix = title.split(separator: ":", maxSplits: 1).first.map(String.init) ?? title
    }

    // MARK: - Items

    /// The items of `group` and of the groups inside it, each nested group's title a subsection.
    private mutating func items(in group: OSCALGroup, section: String, groupPath: [String]) -> [ChecklistItem] {
        var result = items(group.controls ?? [], section: section, groupPath: groupPath)
        for inner in group.groups ?? [] {
            result += items(in: inner, section: section, groupPath: groupPath + [Slug.oneLine(inner.title, fallback: inner.id ?? "")])
        }
        return result
    }

    /// Items for `list` and their enhancements, in catalog order.
    private mutating func items(_ list: [OSCALControl], section: String, groupPath: [String]) -> [ChecklistItem] {
        var result: [ChecklistItem] = []
        for control in list { walk(control, base: nil, section: section, groupPath: groupPath, into: &result) }
        return result
    }

    private mutating func walk(
        _ control: OSCALControl, base: OSCALControl?, section: String, groupPath: [String], into result: inout [ChecklistItem]
    ) {
        if control.isWithdrawn {
            withdrawn += 1
        } else {
            controls += 1
            let id = itemIDs.claim(section + "." + Slug.itemPath(control.id))
            result.append(item(control, id: id, base: base, groupPath: groupPath))
        }
        for enhancement in control.controls ?? [] {
            walk(enhancement, base: base ?? control, section: section, groupPath: groupPath, into: &result)
        }
    }

    private func item(_ control: OSCALControl, id: String, base: OSCALControl?, groupPath: [String]) -> ChecklistItem {
        let parts = control.parts ?? []
        func named(_ names: Set<String>) -> [OSCALPart] { parts.filter { names.contains($0.name) } }
        let description = named(["overview", "statement"]).map(prose.markdown).filter { !$0.isEmpty }
        var guidance = named(["guidance"]).map(prose.markdown).filter { !$0.isEmpty }
        let objectives = named(["objective", "assessment-objective"]).flatMap { $0.prose == nil ? $0.parts ?? [] : [$0] }
        if !objectives.isEmpty { guidance.append("**Assessment objectives**\n\n" + prose.list(objectives, indent: 0).joined(separator: "\n")) }
        let methods = named(["assessment-method"])
        if !methods.isEmpty { guidance.append("**Assessment methods**\n\n" + prose.methods(methods).joined(separator: "\n")) }
        let hasEnhancements = control.controls?.contains { !$0.isWithdrawn } ?? false
        let heading = (base ?? (hasEnhancements ? control : nil)).map { "\($0.label) \(Slug.oneLine($0.title, fallback: $0.id))" }
        let subsection = (groupPath + [heading].compactMap { $0 }).joined(separator: " / ")
        return ChecklistItem(
            id: id, title: Slug.oneLine("\(control.label) \(control.title)", fallback: control.id),
            description: description.isEmpty ? nil : description.joined(separator: "\n\n"),
            subsection: subsection.isEmpty ? nil : subsection,
            guidance: guidance.isEmpty ? nil : guidance.joined(separator: "\n\n"),
            references: [Slug.oneLine("\(referencePrefix) \(control.label)", fallback: control.label)])
    }
}
