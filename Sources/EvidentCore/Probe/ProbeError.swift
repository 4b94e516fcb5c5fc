/// Why a probe could not run or could not finish. A probe that finished but whose checks said no is
/// not an error: it is a result that exits 1.
public enum ProbeError: EvidentError, Equatable {
    /// `HOST[:PORT]` that cannot be parsed.
    case badTarget(String, reason: String)
    /// A webhook URL that is not an absolute `http`/`https` URL.
    case badURL(String, reason: String)
    /// The environment variable that should hold the webhook secret is unset or empty.
    case missingSecret(variable: String)
    /// A `--timeout` outside its bounds.
    case badTimeout(Double)
    /// The `--ca` file does not exist or cannot be read.
    case unreadableCA(path: String)
    /// The `--ca` file holds no certificate Evident can read.
    case invalidCA(path: String, reason: String)
    /// The host name does not resolve.
    case nameNotResolved(host: String)
    /// Nothing accepted the connection (refused, unreachable).
    case unreachable(target: String, reason: String)
    /// The peer did not answer within the timeout.
    case timedOut(target: String, seconds: Double, during: String)
    /// The peer answered, but not in TLS.
    case notTLS(target: String, reason: String)
    /// The connection broke in a way that says nothing about the endpoint's configuration.
    case connectionFailed(target: String, reason: String)

    public var kind: FailureKind {
        switch self {
        case .badTarget, .badURL, .missingSecret, .badTimeout, .invalidCA: .badInput
        case .unreadableCA: .missingInput
        case .nameNotResolved, .unreachable, .timedOut, .notTLS, .connectionFailed: .ioError
        }
    }

    public var errorDescription: String? {
        switch self {
        case let .badTarget(text, reason): "'\(text)' is not a usable endpoint: \(reason)"
        case let .badURL(text, reason): "'\(text)' is not a usable webhook URL: \(reason)"
        case let .missingSecret(variable): "the environment variable \(variable) that should hold the webhook secret is not set"
        case let .badTimeout(seconds): "--timeout \(Self.seconds(seconds)) is out of range"
        case let .unreadableCA(path): "cannot read the CA file \(path)"
        case let .invalidCA(path, reason): "the CA file \(path) holds no usable certificate: \(reason)"
        case let .nameNotResolved(host): "cannot resolve the host name \(host)"
        case let .unreachable(target, reason): "cannot connect to \(target): \(reason)"
        case let .timedOut(target, seconds, during): "\(target) did not answer within \(Self.seconds(seconds)) s (\(during)); the probe did not complete"
        case let .notTLS(target, reason): "\(target) does not speak TLS: \(reason)"
        case let .connectionFailed(target, reason): "the connection to \(target) failed: \(reason)"
        }
    }

    public var hint: String? {
        switch self {
        case .badTarget: "give a host name or IP address, optionally with a port: api.staging.example.com or 10.0.0.5:8443 or [::1]:8443"
        case .badURL: "give the endpoint's full address, e.g. https://staging.example.com/webhooks/liasonpay"
        case let .missingSecret(variable):
            "export the staging endpoint's webhook secret first (export \(variable)=whsec_…); it is read from the environment so that it never appears on a command line"
        case .badTimeout: "give a number of seconds greater than 0 and at most 300"
        case .unreadableCA, .invalidCA: "give a PEM file holding the CA certificate(s) that issued the endpoint's certificate"
        case .nameNotResolved: "check the host name and the DNS this machine uses"
        case .unreachable: "check the host, the port and that the endpoint is running and reachable from here"
        case .timedOut: "check that the port serves the endpoint, or allow more time with --timeout SECONDS"
        case .notTLS: "check the port: it answers, but not with TLS"
        case .connectionFailed: "run the probe again; if it keeps failing, check the endpoint's logs"
        }
    }

    /// `10` or `0.5`: seconds as a person would write them.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(value)
    }
}
