import Foundation

/// A unique folder for one test, removed when the value goes away.
public final class TemporaryDirectory: Sendable {
    public let url: URL

    /// Creates a fresh, empty folder under the system's temporary directory.
    public init() {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("evident-test-\(UUID().uuidString)", isDirectory: true)
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The folder's path.
    public var path: String { url.path }

    /// The path of `relative` inside the folder.
    public func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

    /// Writes `text` to `relative`, creating folders on the way; returns the file's path.
    @discardableResult
    public func write(_ relative: String, _ text: String) -> String {
        write(relative, Data(text.utf8))
    }

    /// Writes `data` to `relative`, creating folders on the way; returns the file's path.
    @discardableResult
    public func write(_ relative: String, _ data: Data) -> String {
        let file = url.appendingPathComponent(relative)
        try! FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! data.write(to: file)
        return file.path
    }

    /// Reads `relative` as UTF-8 text.
    public func read(_ relative: String) -> String {
        (try? String(contentsOf: url.appendingPathComponent(relative), encoding: .utf8)) ?? ""
    }
}
