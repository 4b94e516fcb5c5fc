import Foundation

/// Why a checklist directory could not be written.
public enum ChecklistWriteError: EvidentError, Equatable {
    /// The path exists and is a file.
    case notADirectory(path: String)
    /// The directory holds files and replacing was not asked for.
    case notEmpty(path: String)
    /// Replacing was asked for, but the directory holds files and no checklist.yaml.
    case notAChecklist(path: String)
    /// The disk refused: permissions, space, a read-only file system.
    case unwritable(path: String, reason: String)

    public var kind: FailureKind {
        switch self {
        case .notADirectory, .notEmpty, .notAChecklist: .badInput
        case .unwritable: .ioError
        }
    }

    public var errorDescription: String? {
        switch self {
        case let .notADirectory(path): "\(path) exists and is not a directory"
        case let .notEmpty(path): "\(path) already exists and is not empty"
        case let .notAChecklist(path): "\(path) is not empty and holds no checklist.yaml; refusing to write into it"
        case let .unwritable(path, reason): "cannot write \(path): \(reason)"
        }
    }

    public var hint: String? {
        switch self {
        case .notADirectory, .notAChecklist: "give a new or empty directory"
        case .notEmpty: "give a new directory, or --force to replace the checklist files there"
        case .unwritable: "check the path, its permissions and the free space"
        }
    }
}

extension ChecklistWriter {
    /// Writes `checklist` into the directory at `path`, created when missing. An existing directory
    /// must be empty, or, with `replacing`, hold a checklist whose `.yaml` files are then replaced
    /// (other files stay). Files are written beside it first, so a failure leaves no half checklist.
    public static func write(_ checklist: Checklist, to path: String, replacing: Bool) throws(ChecklistWriteError) {
        try write(files: files(checklist), to: path, replacing: replacing)
    }

    /// Writes `files` (from `files(_:)`) into the directory at `path`, as `write(_:to:replacing:)` does.
    public static func write(files: [(name: String, text: String)], to path: String, replacing: Bool) throws(ChecklistWriteError) {
        let manager = FileManager.default
        let directory = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: path, isDirectory: &isDirectory)
        var stale: [String] = []
        if exists {
            guard isDirectory.boolValue else { throw .notADirectory(path: path) }
            let names = (try? manager.contentsOfDirectory(atPath: path)) ?? []
            if !names.isEmpty {
                guard replacing else { throw .notEmpty(path: path) }
                guard names.contains(ChecklistRules.headerFile) else { throw .notAChecklist(path: path) }
                stale = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            }
        }
        let parent = directory.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(directory.lastPathComponent).evident-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            for file in files {
                try Data(file.text.utf8).write(to: staging.appendingPathComponent(file.name))
            }
            if exists {
                for name in stale { try manager.removeItem(at: directory.appendingPathComponent(name)) }
                for name in try manager.contentsOfDirectory(atPath: staging.path) {
                    try manager.moveItem(at: staging.appendingPathComponent(name), to: directory.appendingPathComponent(name))
                }
                try manager.removeItem(at: staging)
            } else {
                try manager.moveItem(at: staging, to: directory)
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw .unwritable(path: path, reason: (error as NSError).localizedFailureReason ?? error.localizedDescription)
        }
    }
}
