import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Loopback ports for test peers. Every peer listens on 127.0.0.1 only.
public enum LoopbackPort {
    /// A port nothing listens on right now (the kernel's pick, released again).
    public static func free() -> Int {
        let socket = Listener(backlog: 1)
        return socket.port
    }

    /// Waits until something accepts connections on `port`, for at most `seconds`.
    public static func waitUntilListening(_ port: Int, seconds: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if canConnect(port) { return true }
            usleep(50_000)
        }
        return false
    }

    static func canConnect(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = loopback(port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    static func loopback(_ port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}

/// A socket listening on 127.0.0.1 that never accepts: connections complete in the kernel and then
/// hear nothing, the shape of a hung server.
public final class Listener: @unchecked Sendable {
    // Unchecked: the descriptor is only closed in deinit.
    public let port: Int
    private let fd: Int32

    /// Listens on a free loopback port.
    public init(backlog: Int32 = 16) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = LoopbackPort.loopback(0)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        listen(descriptor, backlog)
        var bound = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &bound) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        fd = descriptor
        port = Int(UInt16(bigEndian: bound.sin_port))
    }

    deinit { close(fd) }
}

/// A program serving on a loopback port for one test, stopped when the value goes away.
public final class PeerProcess: @unchecked Sendable {
    // Unchecked: the process is started in init and only terminated in stop/deinit.
    public let port: Int
    private let process = Process()
    private let log: URL

    /// Starts `executable ARGUMENTS` (which must listen on `port`) and waits until it accepts connections.
    public init(_ executable: String, _ arguments: [String], port: Int, in directory: TemporaryDirectory,
                environment: [String: String] = [:]) throws {
        self.port = port
        log = directory.url.appendingPathComponent("peer-\(port).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory.url
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        guard LoopbackPort.waitUntilListening(port) else {
            stop()
            throw PeerError.didNotStart("\(executable) \(arguments.joined(separator: " ")): \(output)")
        }
    }

    /// What the peer printed so far.
    public var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// Stops the peer. SIGKILL, because a child started from a test's worker thread inherits a
    /// signal mask that blocks SIGTERM.
    public func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    deinit { stop() }
}

/// A test peer that could not be started.
public enum PeerError: Error, CustomStringConvertible {
    case didNotStart(String)
    case tool(String)

    public var description: String {
        switch self {
        case let .didNotStart(detail): "peer did not start: \(detail)"
        case let .tool(detail): "tool failed: \(detail)"
        }
    }
}
