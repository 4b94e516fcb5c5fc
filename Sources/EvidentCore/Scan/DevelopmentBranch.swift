import Foundation

/// Conditions that confine code to development (`NODE_ENV === 'development'`, `#if DEBUG`,
/// `Rails.env.development?`, `env.IsDevelopment()`): a finding inside one names it, so a reader
/// knows where the risk runs — it is still a finding, since such branches reach production by
/// configuration mistakes.
enum DevelopmentBranch {
    private static let markers = [
        "'development'", "\"development\"", "'dev'", "\"dev\"", "isdevelopment", "env.development?", "#if debug",
        "__dev__", "kdebugmode", "settings.debug", "app.debug",
    ]

    /// The development condition on the line or on one of the three before it, trimmed for a message.
    static func condition(around line: SourceLine) -> String? {
        for text in [line.bytes] + line.precedingLines(3) {
            guard markers.contains(where: { text.contains($0, ignoringCase: true) }) else { continue }
            var shown = String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if let comment = shown.range(of: " //") ?? shown.range(of: " #") { shown = String(shown[..<comment.lowerBound]) }
            return shown.count > 80 ? String(shown.prefix(77)) + "…" : shown
        }
        return nil
    }
}
