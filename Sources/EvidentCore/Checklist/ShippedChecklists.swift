import Foundation

/// The checklists compiled into Evident (from `Checklists/`), usable from any working directory.
public enum ShippedChecklists {
    /// The names of the shipped checklists, as `Checklists/<name>/` folders.
    public static let names = ["liasonpay"]

    /// The files of the shipped checklist `name`, as `ChecklistLoader` reads them: its `.yaml`
    /// files, as from a directory (the folder's CHANGELOG.md is embedded but is no section).
    public static func files(_ name: String) -> [ChecklistFile] {
        let group = EmbeddedResources.groups[name] ?? [:]
        return group.keys.sorted().filter { $0.hasSuffix(".yaml") }.map { file in
            ChecklistFile(name: file, path: "Checklists/\(name)/\(file)", bytes: Array(group[file, default: ""].utf8))
        }
    }

    /// The shipped checklist `name`, checked like any other.
    public static func load(_ name: String) -> ChecklistLoadResult {
        ChecklistLoader.load(files: files(name), directory: "Checklists/\(name)")
    }
}

extension ChecklistLoader {
    /// The checklist directory at `path`, or, when nothing exists there and `path` is the name of
    /// a shipped checklist (`liasonpay`), that checklist: `checklist load NAME` works from any folder.
    public static func load(directoryOrShippedName path: String) throws(ChecklistError) -> ChecklistLoadResult {
        if ShippedChecklists.names.contains(path), !FileManager.default.fileExists(atPath: path) {
            return ShippedChecklists.load(path)
        }
        return try load(directory: path)
    }
}
