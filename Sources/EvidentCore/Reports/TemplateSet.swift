import Foundation
import Mustache

/// A value handed to other threads that only read it.
struct UncheckedBox<Value>: @unchecked Sendable {
    // Unchecked: the boxed dictionaries are built before the threads start and never mutated after.
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Rendered sections, written by index from several threads.
final class SectionResults: @unchecked Sendable {
    // Unchecked: every write goes through `lock`, and each index is written by one thread only.
    private let lock = NSLock()
    private var texts: [String]

    init(count: Int) { texts = Array(repeating: "", count: count) }

    func set(_ index: Int, _ text: String) { lock.withLock { texts[index] = text } }

    var values: [String] { lock.withLock { texts } }
}

/// The Mustache templates reports render from: the ones compiled into Evident, with any of a
/// user's `--templates` folder taking their place by name.
public struct TemplateSet: Sendable {
    private let library: MustacheLibrary

    /// The built-in templates (from `Templates/`, embedded at build time).
    public static func builtIn() throws(ReportError) -> TemplateSet {
        try TemplateSet(sources: embeddedSources)
    }

    /// The embedded `.mustache` files as (display path, name, text).
    private static var embeddedSources: [(String, String, String)] {
        (EmbeddedResources.groups["templates"] ?? [:]).filter { $0.key.hasSuffix(".mustache") }
            .sorted { $0.key < $1.key }.map { ("Templates/" + $0.key, $0.key, $0.value) }
    }

    /// The built-in templates with those of `directory` (files ending `.mustache`) in their place.
    public static func overriding(with directory: String) throws(ReportError) -> TemplateSet {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .templatesNotFound(path: directory)
        }
        var sources = embeddedSources
        let names = (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? []).sorted()
        for name in names where name.hasSuffix(".mustache") {
            let path = directory + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .unwritable(path: path, reason: "cannot be read")
            }
            sources.removeAll { $0.1 == name }
            sources.append((path, name, String(decoding: data, as: UTF8.self)))
        }
        return try TemplateSet(sources: sources)
    }

    /// Parses every source (display path, file name, text); a template that does not parse is a located error.
    private init(sources: [(String, String, String)]) throws(ReportError) {
        MarkdownText.registerContentType()
        var library = MustacheLibrary()
        for (path, name, text) in sources {
            do {
                library.register(try MustacheTemplate(string: text), named: String(name.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                throw .invalidTemplate(Diagnostic(
                    .error, Self.explain(error.error), file: path,
                    line: error.context.lineNumber, column: error.context.columnNumber))
            } catch {
                throw .invalidTemplate(Diagnostic(.error, "invalid template: \(error)", file: path, line: 1, column: 1))
            }
        }
        self.library = library
    }

    /// A sentence for each of the Mustache parser's errors.
    static func explain(_ error: any Error) -> String {
        switch String(describing: error) {
        case "sectionCloseNameIncorrect": "a section is closed with a name that does not match its {{#name}}"
        case "unfinishedName": "a tag is not finished: }} is missing"
        case "expectedSectionEnd": "a section is never closed: add its {{/name}}"
        case "invalidSetDelimiter": "the set-delimiter tag is malformed"
        case "invalidConfigVariableSyntax": "a {{% … }} pragma is malformed"
        case "unrecognisedConfigVariable": "unknown {{% … }} pragma; use {{% CONTENT_TYPE: HTML|TEXT|MARKDOWN }}"
        case let other: "the template does not parse (\(other))"
        }
    }

    /// Renders `report.FLAVOUR` with `context`, each section first rendered by `section.FLAVOUR`
    /// on both cores and handed to the report as the section's `rendered` value.
    func renderReport(_ context: [String: Any], flavour: String) throws(ReportError) -> String {
        var context = context
        let sections = context["sections"] as? [[String: Any]] ?? []
        if library.getTemplate(named: "section." + flavour) != nil, !sections.isEmpty {
            let rendered = SectionResults(count: sections.count)
            let input = UncheckedBox(sections)
            let library = self.library
            DispatchQueue.concurrentPerform(iterations: sections.count) { index in
                rendered.set(index, library.render(input.value[index], withTemplate: "section." + flavour) ?? "")
            }
            context["sections"] = zip(sections, rendered.values).map { section, text in
                var section = section
                section["rendered"] = text
                return section
            }
        }
        return try render("report." + flavour, context)
    }

    /// Renders the template `name` (e.g. `report.html`) with `context`.
    public func render(_ name: String, _ context: [String: Any]) throws(ReportError) -> String {
        guard let output = library.render(context, withTemplate: name) else { throw .missingTemplate(name + ".mustache") }
        return output
    }
}
