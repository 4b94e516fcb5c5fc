import Foundation
import PackagePlugin

/// Embeds `Templates/`, the shipped checklists and the framework requirement lists into EvidentCore at build time, so they are
/// the single source and the binary needs no files beside it.
@main
struct EmbedResourcesPlugin: BuildToolPlugin {
    /// The folders embedded, each under a group name the core looks them up by.
    static let folders: [(group: String, path: String)] = [
        ("templates", "Templates"),
        ("liasonpay", "Checklists/liasonpay"),
        ("sample-integration", "Examples/sample-integration"),
        ("frameworks", "Resources/frameworks"),
    ]

    /// Hidden files that are part of what is embedded (the sample integration's ignore rules and
    /// its git-ignored local configuration, which shows that the scan honours .gitignore).
    static let hiddenFilesKept: Set<String> = [".gitignore", ".env", ".env.example"]

    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let root = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
        var arguments = [output.path(percentEncoded: false)]
        var inputs: [URL] = []
        for folder in Self.folders {
            let directory = root.appending(path: folder.path)
            let names = (try? FileManager.default.subpathsOfDirectory(atPath: directory.path(percentEncoded: false))) ?? []
            for name in names.sorted() {
                let file = directory.appending(path: name)
                var isDirectory: ObjCBool = false
                let base = (name as NSString).lastPathComponent
                guard FileManager.default.fileExists(atPath: file.path(percentEncoded: false), isDirectory: &isDirectory),
                      !isDirectory.boolValue, !base.hasPrefix(".") || Self.hiddenFilesKept.contains(base),
                      !(name as NSString).deletingLastPathComponent.split(separator: "/").contains(where: { $0.hasPrefix(".") })
                else { continue }
                inputs.append(file)
                arguments.append("\(folder.group):\(name)=\(file.path(percentEncoded: false))")
            }
        }
        return [
            .buildCommand(
                displayName: "Embedding templates and shipped checklists",
                executable: try context.tool(named: "EmbedResources").url,
                arguments: arguments,
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
