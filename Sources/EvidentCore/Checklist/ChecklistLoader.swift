import Foundation

/// One checklist file: its name in the directory, the path the user knows it by, and its bytes.
public struct ChecklistFile: Sendable {
    public let name: String
    public let path: String
    public let bytes: [UInt8]

    public init(name: String, path: String, bytes: [UInt8]) {
        self.name = name
        self.path = path
        self.bytes = bytes
    }
}

/// What reading a checklist gave: the checklist when there is no error, and every diagnostic.
public struct ChecklistLoadResult: Sendable {
    public let checklist: Checklist?
    public let diagnostics: [Diagnostic]
}

/// Reads checklist directories (SPEC §2): `checklist.yaml` plus one `*.yaml` file per section,
/// sections in file-name order, every problem of every file collected; no checklist on any error.
public enum ChecklistLoader {
    /// Reads and checks the directory at `path` (a `checklist.yaml` path is taken as its directory).
    /// Throws only when the path does not exist or cannot be read; format problems are diagnostics.
    public static func load(directory path: String) throws(ChecklistError) -> ChecklistLoadResult {
        let display = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: display, isDirectory: &isDirectory) else {
            throw .notFound(path: display)
        }
        if !isDirectory.boolValue {
            guard (display as NSString).lastPathComponent == ChecklistRules.headerFile else {
                throw .unreadable(path: display, reason: "not a directory; give the checklist's directory")
            }
            return try load(directory: (display as NSString).deletingLastPathComponent.isEmpty
                ? "." : (display as NSString).deletingLastPathComponent)
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: display)
        } catch {
            throw .unreadable(path: display, reason: "the directory cannot be listed")
        }
        var files: [ChecklistFile] = []
        var warnings: [Diagnostic] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let filePath = joinedPath(display, name)
            if name.hasSuffix(".yml") {
                warnings.append(Diagnostic(.warning, "ignored: checklist files end in .yaml", file: filePath))
                continue
            }
            guard name.hasSuffix(".yaml") else { continue }
            let bytes = try read(filePath)
            switch bytes {
            case let .bytes(bytes): files.append(ChecklistFile(name: name, path: filePath, bytes: bytes))
            case let .refused(diagnostic): warnings.append(diagnostic)
            }
        }
        let result = load(files: files, directory: display)
        let diagnostics = (warnings + result.diagnostics).sortedByLocation()
        return ChecklistLoadResult(
            checklist: diagnostics.hasErrors ? nil : result.checklist, diagnostics: diagnostics)
    }

    /// Checks and assembles already-read files; `directory` names the checklist in messages.
    public static func load(files: [ChecklistFile], directory: String) -> ChecklistLoadResult {
        var diagnostics: [Diagnostic] = []
        var header: ChecklistDecoder.Header?
        var sections: [SectionPlace] = []
        let sorted = files.sorted { $0.name < $1.name }
        if !sorted.contains(where: { $0.name == ChecklistRules.headerFile }) {
            diagnostics.append(Diagnostic(
                .error, "missing checklist.yaml: every checklist directory needs one (id, title, version)",
                file: joinedPath(directory, ChecklistRules.headerFile)))
        }
        if !sorted.contains(where: { $0.name != ChecklistRules.headerFile }) {
            diagnostics.append(Diagnostic(
                .error, "no section files: add one .yaml file per section beside checklist.yaml", file: directory))
        }
        for read in readAll(sorted) {
            header = header ?? read.header
            if let section = read.section { sections.append(section) }
            diagnostics += read.diagnostics
        }
        diagnostics += crossFileProblems(sections)
        guard !diagnostics.hasErrors, let header else {
            return ChecklistLoadResult(checklist: nil, diagnostics: diagnostics.sortedByLocation())
        }
        let checklist = Checklist(
            id: header.id, title: header.title, version: header.version, description: header.description,
            source: header.source, format: header.format, sections: sections.map(\.section))
        return ChecklistLoadResult(checklist: checklist, diagnostics: diagnostics.sortedByLocation())
    }

    /// `directory/name`, or just `name` for the current directory, as the user would write it.
    static func joinedPath(_ directory: String, _ name: String) -> String {
        directory == "." ? name : directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    // MARK: - Reading

    /// A file's bytes, or why they were not read.
    private enum FileRead {
        case bytes([UInt8])
        case refused(Diagnostic)
    }

    /// The file's bytes, or a diagnostic when it is too large or not a regular file; throws when unreadable.
    private static func read(_ path: String) throws(ChecklistError) -> FileRead {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            throw .unreadable(path: path, reason: "its attributes cannot be read")
        }
        if let type = attributes[.type] as? FileAttributeType, type != .typeRegular {
            return .refused(Diagnostic(.error, "not a regular file", file: path))
        }
        if let size = attributes[.size] as? Int, size > ChecklistRules.maxFileBytes {
            return .refused(Diagnostic(
                .error, "the file is \(size) bytes; checklist files are limited to \(ChecklistRules.maxFileBytes) bytes",
                file: path, line: 1, column: 1))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "permission denied or unreadable")
        }
        return .bytes([UInt8](data))
    }

    /// The file's root node, after its bytes are checked to be UTF-8 and its YAML composed.
    private static func compose(_ file: ChecklistFile, diagnostics: inout FileDiagnostics) -> YAMLNode? {
        let invalidAt = file.bytes.withUnsafeBufferPointer { buffer in
            TextPosition.firstInvalidUTF8(in: buffer).map { TextPosition.mark(ofByte: $0, in: buffer) }
        }
        if let invalidAt {
            diagnostics.error("the file is not valid UTF-8 text", at: invalidAt)
            return nil
        }
        let result: YAMLComposer.Result
        do {
            let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
            let bytes = file.bytes.starts(with: byteOrderMark) ? Array(file.bytes.dropFirst(3)) : file.bytes
            result = try YAMLComposer().compose(bytes)
        } catch {
            diagnostics.error(error.message, at: error.mark ?? SourceMark(line: 1, column: 1))
            return nil
        }
        for problem in result.problems { diagnostics.error(problem.message, at: problem.mark) }
        guard let root = result.root else {
            let need = file.name == ChecklistRules.headerFile ? "id, title and version" : "'section' and 'items'"
            diagnostics.error("the file is empty; it needs \(need)", at: SourceMark(line: 1, column: 1))
            return nil
        }
        return root
    }

    /// One file read on its own: its header or section, and its diagnostics.
    private struct FileResult: Sendable {
        var header: ChecklistDecoder.Header?
        var section: SectionPlace?
        var diagnostics: [Diagnostic] = []
    }

    /// Reads every file, on both cores when there are several; results in the files' order.
    private static func readAll(_ files: [ChecklistFile]) -> [FileResult] {
        let results = FileResults(count: files.count)
        let read: @Sendable (Int) -> Void = { index in
            let file = files[index]
            var fileDiagnostics = FileDiagnostics(file: file.path)
            var result = FileResult()
            if let root = compose(file, diagnostics: &fileDiagnostics) {
                if file.name == ChecklistRules.headerFile {
                    result.header = ChecklistDecoder.header(root, diagnostics: &fileDiagnostics)
                } else if let decoded = ChecklistDecoder.section(root, diagnostics: &fileDiagnostics) {
                    result.section = SectionPlace(section: decoded.section, file: file.path, idMark: decoded.idMark, marks: decoded.marks)
                }
            }
            result.diagnostics = fileDiagnostics.all
            results.set(index, result)
        }
        if files.count > 2 {
            DispatchQueue.concurrentPerform(iterations: files.count, execute: read)
        } else {
            for index in files.indices { read(index) }
        }
        return results.values
    }

    /// File results written by index from several threads.
    private final class FileResults: @unchecked Sendable {
        // Unchecked: every access goes through `lock`; each index is written by one thread only.
        private let lock = NSLock()
        private var results: [FileResult]

        init(count: Int) { results = Array(repeating: FileResult(), count: count) }

        func set(_ index: Int, _ result: FileResult) { lock.withLock { results[index] = result } }

        var values: [FileResult] { lock.withLock { results } }
    }

    // MARK: - Checks across files

    /// A decoded section and where its id and items stand.
    private struct SectionPlace: Sendable {
        let section: ChecklistSection
        let file: String
        let idMark: SourceMark
        let marks: [String: SourceMark]
    }

    private static func crossFileProblems(_ sections: [SectionPlace]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var sectionFiles: [String: String] = [:]
        var itemPlaces: [String: String] = [:]
        for entry in sections {
            if let first = sectionFiles[entry.section.id] {
                problems.append(Diagnostic(
                    .error, "duplicate section id '\(entry.section.id)'; also in \(first)", file: entry.file,
                    line: entry.idMark.line, column: entry.idMark.column))
            } else {
                sectionFiles[entry.section.id] = entry.file
            }
            for item in entry.section.items {
                let mark = entry.marks[item.id]
                let place = "\(entry.file):\(mark?.line ?? 1):\(mark?.column ?? 1)"
                if let first = itemPlaces[item.id], !first.hasPrefix(entry.file + ":") {
                    problems.append(Diagnostic(
                        .error, "duplicate item id '\(item.id)'; first defined at \(first)",
                        file: entry.file, line: mark?.line, column: mark?.column))
                } else if itemPlaces[item.id] == nil {
                    itemPlaces[item.id] = place
                }
            }
        }
        return problems
    }
}
