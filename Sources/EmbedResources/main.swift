// Build-time tool: writes a Swift file that embeds text files as string literals, so the
// installed `evident` binary renders reports and runs its demo from any working directory.
//
// Usage: EmbedResources OUTPUT.swift GROUP:NAME=PATH...
import Foundation

/// The smallest number of `#` delimiters that keeps `text` inert inside a raw string literal.
func rawDelimiter(for text: String) -> String {
    var longest = 0
    var run = 0
    var afterQuoteOrBackslash = false
    for character in text {
        if character == "#" {
            run += 1
            if afterQuoteOrBackslash { longest = max(longest, run) }
        } else {
            run = 0
            afterQuoteOrBackslash = character == "\"" || character == "\\"
        }
    }
    return String(repeating: "#", count: longest + 1)
}

let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: EmbedResources OUTPUT.swift GROUP:NAME=PATH...\n".utf8))
    exit(64)
}

var groups: [String: [(name: String, text: String)]] = [:]
for argument in arguments.dropFirst() {
    guard let equals = argument.firstIndex(of: "="), let colon = argument.firstIndex(of: ":"), colon < equals else {
        FileHandle.standardError.write(Data("EmbedResources: bad argument \(argument)\n".utf8))
        exit(64)
    }
    let group = String(argument[..<colon])
    let name = String(argument[argument.index(after: colon)..<equals])
    let path = String(argument[argument.index(after: equals)...])
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
        FileHandle.standardError.write(Data("EmbedResources: cannot read \(path) as UTF-8\n".utf8))
        exit(66)
    }
    groups[group, default: []].append((name, text))
}

var source = "// Generated at build time by EmbedResources from Templates/ and Checklists/. Do not edit.\n\n"
source += "/// Text files compiled into the binary, by group, then by relative path.\n"
source += "enum EmbeddedResources {\n"
source += "    static let groups: [String: [String: String]] = [\n"
for group in groups.keys.sorted() {
    source += "        \"\(group)\": [\n"
    for file in groups[group, default: []].sorted(by: { $0.name < $1.name }) {
        let hashes = rawDelimiter(for: file.text)
        source += "            \"\(file.name)\": \(hashes)\"\"\"\n\(file.text)\n\"\"\"\(hashes),\n"
    }
    source += "        ],\n"
}
source += "    ]\n}\n"

do {
    let url = URL(fileURLWithPath: output)
    if let existing = try? String(contentsOf: url, encoding: .utf8), existing == source { exit(0) }
    try source.write(to: url, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("EmbedResources: cannot write \(output): \(error.localizedDescription)\n".utf8))
    exit(74)
}
