extension FrameworkReport {
    /// `report` arranged by the requirements of `framework`, measured against `catalog`.
    public static func make(from report: AuditReport, by framework: Framework,
                            catalog: FrameworkCatalog? = nil) -> FrameworkReport {
        let catalog = catalog ?? FrameworkCatalog.of(framework)
        var itemsByRequirement: [String: [ItemReport]] = [:]
        for section in report.sections {
            for item in section.items {
                let requirements = Set(item.references.compactMap(framework.requirement(in:)))
                for requirement in requirements {
                    itemsByRequirement[requirement, default: []].append(ItemReport(section: section.id, item: item))
                }
            }
        }
        let titles = Dictionary(catalog.requirements.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let requirements = itemsByRequirement.keys.sorted(by: RequirementOrder.precedes).map { id in
            let items = itemsByRequirement[id, default: []]
            let worst = items.map(\.status).min { $0.severityOrder < $1.severityOrder } ?? .pending
            return RequirementReport(id: id, title: titles[id], status: worst, items: items)
        }

        var groupOrder = catalog.groups.map(\.id)
        let groupTitles = Dictionary(catalog.groups.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        for requirement in requirements where groupTitles[framework.group(of: requirement.id)] == nil {
            let group = framework.group(of: requirement.id)
            if !groupOrder.contains(group) { groupOrder.append(group) }
        }
        let byGroup = Dictionary(grouping: requirements) { framework.group(of: $0.id) }
        let listed = Dictionary(grouping: catalog.requirements, by: \.group)
        let groups: [GroupReport] = groupOrder.compactMap { id in
            let referenced = byGroup[id] ?? []
            let all = listed[id] ?? []
            guard !referenced.isEmpty || catalog.isComplete else { return nil }
            let mapped = Set(referenced.map(\.id))
            return GroupReport(
                id: id, title: groupTitles[id] ?? id,
                requirementsInFramework: catalog.isComplete ? all.count : nil,
                referenced: referenced.count, passing: referenced.filter { $0.status == .pass }.count,
                requirements: referenced,
                unmapped: catalog.isComplete ? all.map(\.id).filter { !mapped.contains($0) } : nil)
        }
        let unknown = catalog.isComplete ? requirements.map(\.id).filter { titles[$0] == nil } : []
        return FrameworkReport(
            formatVersion: currentFormatVersion, framework: framework, frameworkTitle: framework.title,
            generatedAt: report.generatedAt, tool: report.tool, cycle: report.cycle, checklist: report.checklist,
            judgedAt: report.judgedAt, coverageMeasured: catalog.isComplete,
            totals: Totals(
                requirements: catalog.isComplete ? catalog.requirements.count : nil,
                referenced: requirements.count - unknown.count,
                passing: requirements.filter { $0.status == .pass && (!catalog.isComplete || titles[$0.id] != nil) }.count,
                failing: requirements.filter { $0.status == .fail }.count),
            groups: groups, unknownRequirements: unknown)
    }
}

extension FrameworkReport.ItemReport {
    init(section: String, item: AuditReport.ItemReport) {
        self.init(
            id: item.id, section: section, title: item.title, severity: item.severity, status: item.status, note: item.note,
            evidence: item.evidence.filter { $0.state != .withdrawn }.map(FrameworkReport.EvidenceReport.init))
    }
}

extension FrameworkReport.EvidenceReport {
    init(_ evidence: AuditReport.EvidenceReport) {
        let what = evidence.kind == .scan ? (evidence.note ?? evidence.name ?? "") : (evidence.name ?? evidence.url ?? evidence.note ?? "")
        self.init(id: evidence.id, kind: evidence.kind, what: what, sha256: evidence.sha256, state: evidence.state, expiresAt: evidence.expiresAt)
    }
}
