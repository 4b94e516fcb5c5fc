/// A host and port to connect to, as `evident probe tls HOST[:PORT]` names it.
public struct ProbeEndpoint: Sendable, Equatable, Codable {
    /// A host name or an IP address (IPv6 without brackets).
    public let host: String
    public let port: Int

    /// An endpoint; `host` is not checked.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `host`, `host:port`, `[v6]` or `[v6]:port`; 443 when no port is given.
    public init(parsing text: String, defaultPort: Int = 443) throws {
        var host = Substring(text)
        var portText: Substring?
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { throw ProbeError.badTarget(text, reason: "an unclosed '['") }
            let rest = host[host.index(after: close)...]
            host = host[host.index(after: host.startIndex)..<close]
            if !rest.isEmpty {
                guard rest.hasPrefix(":") else { throw ProbeError.badTarget(text, reason: "text after ']'") }
                portText = rest.dropFirst()
            }
        } else if let colon = host.lastIndex(of: ":") {
            guard host.firstIndex(of: ":") == colon else {
                throw ProbeError.badTarget(text, reason: "an IPv6 address needs brackets, e.g. [::1]:8443")
            }
            portText = host[host.index(after: colon)...]
            host = host[..<colon]
        }
        guard !host.isEmpty else { throw ProbeError.badTarget(text, reason: "no host") }
        guard host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-._:".contains($0)) }) else {
            throw ProbeError.badTarget(text, reason: "a host name holds only letters, digits, '-' and '.'")
        }
        var port = defaultPort
        if let portText {
            guard let number = Int(portText), (1...65_535).contains(number) else {
                throw ProbeError.badTarget(text, reason: "the port must be a number from 1 to 65535")
            }
            port = number
        }
        self.host = String(host)
        self.port = port
    }

    /// Whether the host is an IP address rather than a name (no SNI is sent to an address).
    public var hostIsAddress: Bool {
        host.contains(":") || (host.split(separator: ".").count == 4 && host.allSatisfy { $0.isNumber || $0 == "." })
    }

    /// Whether the name is under `.invalid`, which RFC 6761 reserves to never resolve: it fails at
    /// once, without asking DNS.
    public var isReservedInvalid: Bool {
        let name = host.lowercased().trimmingSuffix(".")
        return name == "invalid" || name.hasSuffix(".invalid")
    }

    /// Fails with `nameNotResolved` for a name that can never resolve.
    func checkResolvable() throws {
        if isReservedInvalid { throw ProbeError.nameNotResolved(host: host) }
    }

    /// `host:port`, with brackets around an IPv6 address.
    public var display: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}

extension String {
    /// The text without one trailing `suffix`.
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
