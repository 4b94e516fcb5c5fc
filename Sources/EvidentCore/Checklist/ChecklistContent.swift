/// Content hashes of checklists and items: what identifies a version and what `diff` compares.
public enum ChecklistContent {
    /// The SHA-256 of the checklist's normalised content (canonical JSON of every field).
    public static func hash(_ checklist: Checklist) -> String {
        Digest.sha256(CanonicalJSON.data(checklist))
    }

    /// The SHA-256 of one item's definition: title, description, guidance, severity and the rest.
    public static func definitionHash(_ item: ChecklistItem) -> String {
        Digest.sha256(CanonicalJSON.data(item))
    }
}
