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

    /// The checklist at `path`, or, when no such file or folder exists, the shipped checklist that
    /// `path` names (`liasonpay`, or `Checklists/liasonpay` outside the source tree): usable from
    /// any folder.
    public static func load(pathOrName path: String) throws(ChecklistError) -> ChecklistLoadResult {
        if !FileManager.default.fileExists(atPath: path), let name = shippedName(path) { return load(name) }
        return try ChecklistLoader.load(directory: path)
    }

    /// The shipped checklist `path` names, if any.
    static func shippedName(_ path: String) -> String? {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        if names.contains(trimmed) { return trimmed }
        let name = (trimmed as NSString).lastPathComponent
        return trimmed == "Checklists/" + name && names.contains(name) ? name : nil
    }
}
