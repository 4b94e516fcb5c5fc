/// The checklists compiled into Evident (from `Checklists/`), usable from any working directory.
public enum ShippedChecklists {
    /// The names of the shipped checklists, as `Checklists/<name>/` folders.
    public static let names = ["liasonpay"]

    /// The files of the shipped checklist `name`, as `ChecklistLoader` reads them.
    public static func files(_ name: String) -> [ChecklistFile] {
        let group = EmbeddedResources.groups[name] ?? [:]
        return group.keys.sorted().map { file in
            ChecklistFile(name: file, path: "Checklists/\(name)/\(file)", bytes: Array(group[file, default: ""].utf8))
        }
    }

    /// The shipped checklist `name`, checked like any other.
    public static func load(_ name: String) -> ChecklistLoadResult {
        ChecklistLoader.load(files: files(name), directory: "Checklists/\(name)")
    }
}
