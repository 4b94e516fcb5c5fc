import EvidentCore
import Foundation

/// A progress line on standard error, on a terminal only (never on a pipe, never in CI), shown
/// once work has taken half a second and redrawn at most ten times a second.
enum ProgressLine {
    /// Whether progress may be drawn at all.
    static let enabled = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["CI"] == nil

    /// A sink that draws the line; `.none` when disabled.
    static func make() -> WorkProgress {
        guard enabled else { return .none }
        let state = State()
        return WorkProgress { task, done, total in state.draw(task, done, total) }
    }

    /// Clears a drawn line before the command prints its result.
    static func finish() {
        if enabled, State.drew.withLock({ $0 }) { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    private final class State: Sendable {
        static let drew = Mutex(false)
        private let started = Date()
        private let last = Mutex(Date.distantPast)

        func draw(_ task: String, _ done: Int64, _ total: Int64?) {
            let now = Date()
            guard now.timeIntervalSince(started) > 0.5 else { return }
            let due = last.withLock { last in
                guard now.timeIntervalSince(last) > 0.1 else { return false }
                last = now
                return true
            }
            guard due else { return }
            var text = "\r\u{1B}[K\(task)… \(Self.size(done))"
            if let total, total > 0 { text += " of \(Self.size(total)) (\(Int(Double(done) * 100 / Double(total)))%)" }
            FileHandle.standardError.write(Data(text.utf8))
            Self.drew.withLock { $0 = true }
        }

        static func size(_ bytes: Int64) -> String {
            bytes < 1 << 20 ? "\(bytes / 1024) KiB" : String(format: "%.1f MiB", Double(bytes) / Double(1 << 20))
        }
    }
}

/// A value guarded by a lock.
final class Mutex<Value>: @unchecked Sendable {
    // Unchecked: every access to `value` goes through `lock`.
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
