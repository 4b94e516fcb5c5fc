import Foundation

/// `evident demo`: a complete worked example on the shipped LiasonPay checklist — two targets, a
/// closed quarter and an open one with reviews of every status, file, link and note evidence, an
/// expired item, owners with due dates and an accepted risk — built on a fixed timeline so it is
/// the same every time.
public enum DemoWorkspace {
    /// What the demo built and where.
    public struct Result: Sendable {
        public let directory: String
        public let location: WorkspaceLocation
        public let filesDirectory: String
        /// The sample integration (with planted bad practices) the demo scans.
        public var integrationDirectory: String { directory + "/sample-integration" }
        public let closedCycle: String
        public let openCycle: String
        /// The time the demo's story stands at (its "now").
        public let now: Timestamp
        public let workspace: Workspace
        /// The reports written, Markdown and HTML for each cycle, and the programme overview page.
        public let reports: [String]
    }

    /// The file that marks a folder as the demo's own, so a rerun may replace it.
    static let marker = ".evident-demo"
    /// The demo's "now".
    public static let now = Timestamp(iso8601: "2026-11-20T10:00:00Z")!

    /// Builds the demo in `directory`, replacing an earlier demo there; refuses any other non-empty folder.
    public static func build(in directory: String) throws -> Result {
        try prepare(directory)
        let filesDirectory = directory + "/evidence-files"
        try FileManager.default.createDirectory(atPath: filesDirectory, withIntermediateDirectories: true)
        for file in DemoFiles.all {
            try Data(file.text.utf8).write(to: URL(fileURLWithPath: filesDirectory + "/" + file.name))
        }
        let integration = directory + "/sample-integration"
        for (name, text) in (EmbeddedResources.groups["sample-integration"] ?? [:]).sorted(by: { $0.key < $1.key }) {
            let path = integration + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
        let location = WorkspaceLocation(databasePath: directory + "/.evident/evident.db")
        var story = DemoStory(location: location, files: filesDirectory, integration: integration)
        try story.tell()
        let workspace = story.workspace!
        let reports = try writeReports(workspace, into: directory + "/reports")
        return Result(
            directory: directory, location: location, filesDirectory: filesDirectory,
            closedCycle: DemoStory.closedCycle, openCycle: DemoStory.openCycle, now: now, workspace: workspace,
            reports: reports)
    }

    /// Writes the Markdown and HTML reports of both cycles; returns their paths.
    private static func writeReports(_ workspace: Workspace, into folder: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let templates = try TemplateSet.builtIn()
        var paths: [String] = []
        for name in [DemoStory.openCycle, DemoStory.closedCycle] {
            let report = try workspace.report(of: try workspace.resolveCycle(name, for: .read), now: now, toolVersion: EvidentVersion.current)
            for format in [ReportFormat.html, .md] {
                let path = "\(folder)/report-\(name).\(format.rawValue)"
                try OutputFile.write(try ReportRenderer.render(report, as: format, templates: templates), to: path)
                paths.append(path)
            }
        }
        let overview = ProgrammeOverview(try workspace.programmeSnapshots(now: now), generatedAt: now, toolVersion: EvidentVersion.current)
        let path = "\(folder)/overview.html"
        try OutputFile.write(try OverviewRenderer.render(overview, as: .html, templates: templates), to: path)
        paths.append(path)
        return paths
    }

    private static func prepare(_ directory: String) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw EvidentFailure(.badInput, "\(directory) exists and is not a folder", hint: "choose another --dir") }
            let contents = try manager.contentsOfDirectory(atPath: directory)
            if !contents.isEmpty, !contents.contains(marker) {
                throw EvidentFailure(.badInput, "\(directory) is not empty and holds no earlier demo; refusing to overwrite it",
                                     hint: "choose an empty or new folder with --dir")
            }
            try manager.removeItem(atPath: directory)
        }
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data("This folder was made by `evident demo`; running it again replaces it.\n".utf8)
            .write(to: URL(fileURLWithPath: directory + "/" + marker))
    }
}
