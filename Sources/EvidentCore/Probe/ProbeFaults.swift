import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Turns a failed connection attempt into the `ProbeError` a user can act on.
enum ConnectFailure {
    /// DNS failure, refusal, unreachable network or a connect timeout, said plainly.
    static func classify(_ error: any Error, endpoint: ProbeEndpoint, timeout: Double, during: String) -> ProbeError {
        if let error = error as? ProbeError { return error }
        if let error = error as? NIOConnectionError {
            if error.connectionErrors.isEmpty, error.dnsAError != nil || error.dnsAAAAError != nil {
                return .nameNotResolved(host: endpoint.host)
            }
            if let first = error.connectionErrors.first {
                return classify(first.error, endpoint: endpoint, timeout: timeout, during: during)
            }
        }
        if error is SocketAddressError.UnknownHost { return .nameNotResolved(host: endpoint.host) }
        if case .connectTimeout = error as? ChannelError {
            return .timedOut(target: endpoint.display, seconds: timeout, during: "connecting")
        }
        if let error = error as? IOError {
            return .unreachable(target: endpoint.display, reason: describe(errno: error.errnoCode))
        }
        return .unreachable(target: endpoint.display, reason: String(describing: error))
    }

    /// `connection refused (nothing listens on that port)`.
    static func describe(errno code: CInt) -> String {
        switch code {
        case ECONNREFUSED: "connection refused (nothing listens on that port)"
        case ENETUNREACH: "network unreachable"
        case EHOSTUNREACH: "host unreachable"
        case ETIMEDOUT: "connection timed out"
        case ECONNRESET: "connection reset by the peer"
        default: String(cString: strerror(code))
        }
    }
}

/// Whether a handshake error says the endpoint refused (an observation) or could not be probed (a fault).
enum HandshakeFailure {
    case refused(String)
    case fault(ProbeError)

    /// Classifies an error the TLS pipeline raised; `answeredInPlaintext` is whether the peer sent
    /// bytes whose first does not open a TLS record (a banner, an HTTP response).
    static func classify(_ error: any Error, answeredInPlaintext: Bool, target: String) -> HandshakeFailure {
        if let error = error as? ProbeError { return .fault(error) }
        if case let .handshakeFailed(inner)? = error as? NIOSSLError {
            let reason = reasonName(String(describing: inner))
            if answeredInPlaintext { return .fault(.notTLS(target: target, reason: "its answer is not a TLS record (\(reason))")) }
            return .refused(reason)
        }
        if case .uncleanShutdown? = error as? NIOSSLError {
            return .refused("the endpoint closed the connection during the handshake")
        }
        if let error = error as? IOError {
            if error.errnoCode == ECONNRESET || error.errnoCode == EPIPE { return .refused("connection reset by the endpoint") }
            return .fault(.connectionFailed(target: target, reason: ConnectFailure.describe(errno: error.errnoCode)))
        }
        return .fault(.connectionFailed(target: target, reason: String(describing: error)))
    }

    /// The BoringSSL reason (`TLSV1_ALERT_PROTOCOL_VERSION`) in an error's description, else the description.
    static func reasonName(_ description: String) -> String {
        let tokens = description.split { !($0.isUppercase || $0.isNumber || $0 == "_") }
        let names = tokens.filter { $0.count >= 8 && $0.contains("_") && $0.first?.isLetter == true && $0.last != "_" }
        var seen = Set<Substring>()
        let unique = names.filter { seen.insert($0).inserted }
        return unique.isEmpty ? String(description.prefix(160)) : unique.joined(separator: ", ")
    }
}
