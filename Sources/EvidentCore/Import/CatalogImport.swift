import Foundation

/// What an import produced.
public struct CatalogImportSummary: Sendable, Equatable {
    public let checklistID: String
    public let title: String
    public let version: String
    public let sections: Int
    /// Controls and enhancements imported as items.
    public let controls: Int
    /// Withdrawn controls and enhancements left out.
    public let withdrawn: Int
}

/// `evident checklist import --from oscal`: reads a catalog, converts it, checks the checklist
/// keeps every rule of the format, then writes the directory (`ChecklistWriterTests` prove the
/// files read back as the same value).
public enum CatalogImport {
    /// Imports the OSCAL catalog (JSON) at `catalogPath` into the checklist directory `directory`,
    /// with checklist id `id` (else one from the catalog's title); `replacing` allows an existing checklist there.
    public static func oscal(catalog catalogPath: String, into directory: String, id: String?, replacing: Bool) throws -> CatalogImportSummary {
        let (checklist, summary) = try oscal(catalog: catalogPath, id: id)
        try ChecklistWriter.write(files: ChecklistWriter.files(checklist), to: directory, replacing: replacing)
        return summary
    }

    /// The checklist the OSCAL catalog (JSON) at `catalogPath` converts to, checked against every
    /// rule of the format, without writing it: what `checklist import --load` hands to the store.
    public static func oscal(catalog catalogPath: String, id: String?) throws -> (Checklist, CatalogImportSummary) {
        if let id, !ChecklistRules.isName(id) { throw CatalogImportError.invalidID(id) }
        let catalog = try readCatalog(catalogPath)
        let conversion = OSCALCatalogConverter.convert(catalog, id: id)
        guard conversion.controls > 0 else { throw CatalogImportError.noControls(path: catalogPath) }
        if let problem = ChecklistRules.problems(of: conversion.checklist).first {
            throw CatalogImportError.conversionFailed(detail: problem)
        }
        let checklist = conversion.checklist
        return (checklist, CatalogImportSummary(
            checklistID: checklist.id, title: checklist.title, version: checklist.version, sections: checklist.sections.count,
            controls: conversion.controls, withdrawn: conversion.withdrawn))
    }

    // MARK: - Reading

    /// The catalog in the JSON file at `path`.
    static func readCatalog(_ path: String) throws(CatalogImportError) -> OSCALCatalog {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .notFound(path: path) }
        guard !isDirectory.boolValue else { throw .unreadable(path: path, reason: "it is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "permission denied or unreadable")
        }
        do {
            return try JSONDecoder().decode(OSCALCatalogDocument.self, from: data).catalog
        } catch let error as DecodingError {
            throw problem(error, data: data, path: path)
        } catch {
            throw .invalidCatalog(path: path, detail: error.localizedDescription)
        }
    }

    /// The import error that `error` means, with a JSON location or a path into the catalog.
    private static func problem(_ error: DecodingError, data: Data, path: String) -> CatalogImportError {
        switch error {
        case let .dataCorrupted(context) where context.codingPath.isEmpty:
            return .notJSON(path: path, detail: syntaxProblem(data))
        case let .keyNotFound(key, context) where context.codingPath.isEmpty && key.stringValue == "catalog":
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
            return .notACatalog(path: path, found: object?.keys.sorted() ?? [])
        case let .typeMismatch(_, context) where context.codingPath.isEmpty:
            return .notACatalog(path: path, found: [])
        case let .keyNotFound(key, context):
            return .invalidCatalog(path: path, detail: "missing \"\(key.stringValue)\" in \(place(context.codingPath))")
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            return .invalidCatalog(path: path, detail: "\(place(context.codingPath)): \(context.debugDescription)")
        @unknown default:
            return .invalidCatalog(path: path, detail: error.localizedDescription)
        }
    }

    /// `catalog.groups[3].controls[1].title`.
    private static func place(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text.isEmpty ? "the top level" : text
    }

    /// `line 3, column 9: Invalid value` from the JSON parser's message, when it gives a place.
    private static func syntaxProblem(_ data: Data) -> String {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return "the top level is not an object"
        } catch {
            let message = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "unreadable"
            guard let range = message.range(of: "around character "),
                  let offset = Int(message[range.upperBound...].prefix { $0.isNumber }) else { return message }
            let mark = [UInt8](data).withUnsafeBufferPointer { TextPosition.mark(ofByte: offset, in: $0) }
            let what = message[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            return "line \(mark.line), column \(mark.column): \(what)"
        }
    }
}
