#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file the walk chose to scan.
public struct SourceFile: Sendable, Equatable {
    /// Relative to the scanned root, `/`-separated: what reports show.
    public let relativePath: String
    /// Where to open it.
    public let path: String
}

/// Lists the files a scan reads. It honours `.gitignore` files (the root's and nested ones),
/// skips dependency and build folders and files that are obviously binary by name, follows no
/// symbolic link at all (so nothing outside the tree is read), and reports folders it cannot open.
struct SourceWalker {
    /// Folders never entered, at any depth: dependencies, version control, build output, caches.
    static let skippedFolders: Set<String> = [
        ".git", ".hg", ".svn", "node_modules", "bower_components", "jspm_packages", "vendor", ".build", "build",
        "dist", "target", "__pycache__", ".venv", "venv", ".tox", ".mypy_cache", ".pytest_cache", ".gradle",
        ".next", ".nuxt", ".svelte-kit", ".parcel-cache", "Pods", "Carthage", "DerivedData", ".swiftpm",
        ".terraform", ".idea",
    ]

    /// File extensions that are never text worth reading.
    static let binaryExtensions: Set<String> = [
        "png", "jpg", "jpeg", "gif", "bmp", "ico", "icns", "webp", "tiff", "psd", "pdf", "zip", "gz", "tgz", "bz2",
        "xz", "7z", "rar", "jar", "war", "class", "o", "a", "so", "dylib", "dll", "exe", "bin", "wasm", "woff",
        "woff2", "ttf", "otf", "eot", "mp3", "mp4", "mov", "avi", "wav", "flac", "ogg", "sqlite", "db", "pyc",
        "car", "nib", "mlmodel", "pack", "idx",
    ]

    let root: String

    /// The files under `root`, in no particular order, and the folders that could not be opened.
    func walk() -> (files: [SourceFile], problems: [SkippedFile]) {
        var files: [SourceFile] = []
        var problems: [SkippedFile] = []
        var pending: [(relative: String, rules: IgnoreRules)] = [("", IgnoreRules())]
        while let (folder, inherited) = pending.popLast() {
            let folderPath = join(root, folder)
            guard let entries = Self.entries(of: folderPath) else {
                let reason = POSIXText.lastError()
                problems.append(SkippedFile(path: folder.isEmpty ? "." : folder, reason: .unreadable,
                                            detail: "cannot read folder: \(reason)"))
                continue
            }
            var rules = inherited
            if entries.contains(where: { $0.name == ".gitignore" && $0.kind == .file }),
               let text = FileReader.readSmallText(join(folderPath, ".gitignore")) {
                rules = rules.adding(GitIgnore(text), base: folder)
            }
            for entry in entries {
                let relative = folder.isEmpty ? entry.name : folder + "/" + entry.name
                switch entry.kind {
                case .folder:
                    guard !Self.skippedFolders.contains(entry.name), !entry.name.hasPrefix(".build-"),
                          !rules.ignores(relative, isDirectory: true) else { continue }
                    pending.append((relative, rules))
                case .file:
                    guard !Self.isBinaryByName(entry.name), !rules.ignores(relative, isDirectory: false) else { continue }
                    files.append(SourceFile(relativePath: relative, path: join(root, relative)))
                case .other:
                    continue
                }
            }
        }
        return (files, problems)
    }

    /// Whether a file name's extension says it is binary (`logo.png`).
    static func isBinaryByName(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        return binaryExtensions.contains(name[name.index(after: dot)...].lowercased())
    }

    private func join(_ base: String, _ relative: String) -> String {
        if relative.isEmpty { return base }
        return base.hasSuffix("/") ? base + relative : base + "/" + relative
    }

    // MARK: - Reading a folder

    /// What a folder entry is; symbolic links, sockets and devices are all `other`.
    enum Kind { case file, folder, other }

    /// The entries of the folder at `path`, sorted by name; nil when it cannot be opened.
    static func entries(of path: String) -> [(name: String, kind: Kind)]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var entries: [(name: String, kind: Kind)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    String(cString: $0)
                }
            }
            guard name != ".", name != ".." else { continue }
            entries.append((name, kind(of: entry.pointee.d_type, at: path + "/" + name)))
        }
        return entries.sorted { $0.name < $1.name }
    }

    /// The kind of an entry from its `d_type` (4 folder, 8 file, 0 unknown), asking `lstat` when unknown.
    private static func kind(of type: UInt8, at path: String) -> Kind {
        switch type {
        case 4: return .folder
        case 8: return .file
        case 0:
            var info = stat()
            guard lstat(path, &info) == 0 else { return .other }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: return .folder
            case S_IFREG: return .file
            default: return .other
            }
        default: return .other
        }
    }
}
