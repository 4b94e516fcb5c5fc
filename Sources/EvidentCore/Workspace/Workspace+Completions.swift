/// Candidates for shell completion, read from the workspace; empty when there is none.
public enum CompletionCandidates {
    /// What is being completed.
    public enum Kind: Sendable {
        case itemID, cycleName, checklistID
    }

    /// The candidates of `kind` starting with `prefix`, from the workspace at `location`, sorted.
    public static func list(_ kind: Kind, prefix: String, location: WorkspaceLocation) -> [String] {
        guard let workspace = try? Workspace.open(at: location) else { return [] }
        let all: [String]
        switch kind {
        case .cycleName:
            all = (try? workspace.cycles().map(\.name)) ?? []
        case .checklistID:
            all = (try? workspace.checklistListings().map(\.id)) ?? []
        case .itemID:
            let versions = (try? workspace.database.checklistVersions()) ?? []
            let current = Dictionary(grouping: versions, by: \.checklistID).values.compactMap { $0.max { $0.versionID < $1.versionID } }
            all = current.flatMap { (try? workspace.database.items(versionID: $0.versionID).map(\.itemID)) ?? [] }
        }
        return Array(Set(all.filter { $0.hasPrefix(prefix) })).sorted()
    }
}
