import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// An `http`/`https` URL a probe may post to: absolute, no credentials in it.
public struct ProbeURL: Sendable, Equatable {
    public let text: String
    public let secure: Bool
    public let endpoint: ProbeEndpoint
    /// The path and query sent in the request line (`/webhooks?x=1`).
    public let requestTarget: String

    /// Parses `text`; anything but an absolute `http`/`https` URL is bad input (65).
    public init(parsing text: String) throws {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            throw ProbeError.badURL(text, reason: "it is not an absolute URL")
        }
        guard scheme == "http" || scheme == "https" else {
            throw ProbeError.badURL(text, reason: "the scheme is '\(scheme)'; only http and https are probed")
        }
        guard let host = components.host, !host.isEmpty else { throw ProbeError.badURL(text, reason: "it names no host") }
        guard components.user == nil, components.password == nil else {
            throw ProbeError.badURL(text, reason: "it holds credentials, which would be stored with the evidence")
        }
        secure = scheme == "https"
        let port = components.port ?? (secure ? 443 : 80)
        guard (1...65_535).contains(port) else { throw ProbeError.badURL(text, reason: "the port must be from 1 to 65535") }
        let bareHost = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        endpoint = ProbeEndpoint(host: bareHost, port: port)
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        requestTarget = path + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
        self.text = text
    }
}

/// How an endpoint answered one request: its status line and how much it sent, never its body.
struct HTTPAnswer: Sendable, Equatable {
    let status: Int
    let reason: String
    /// The `Location` header of a redirect, which the probe never follows.
    let location: String?
    let bodyBytes: Int
}

/// One HTTP/1.1 POST through swift-nio (and swift-nio-ssl for https), on its own connection, with
/// a deadline; redirects are reported, never followed.
enum HTTPExchange {
    /// Posts `body` with `headers` to `url` and returns the answer. Throws a `ProbeError` (74) when
    /// the endpoint cannot be reached, does not answer within `timeout`, or closes without an answer.
    static func post(
        _ url: ProbeURL, headers: [(String, String)], body: [UInt8], tls: TLSConfiguration, timeout: Double, during: String
    ) async throws -> HTTPAnswer {
        try url.endpoint.checkResolvable()
        let target = url.endpoint.display
        let sslContext = url.secure ? try NIOSSLContext(configuration: tls) : nil
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let promise = loop.makePromise(of: HTTPAnswer.self)
        let amount = TimeAmount.nanoseconds(Int64(timeout * 1_000_000_000))
        let deadline = loop.scheduleTask(in: amount) {
            promise.fail(ProbeError.timedOut(target: target, seconds: timeout, during: during))
        }
        var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: url.requestTarget)
        head.headers.add(name: "Host", value: url.endpoint.display)
        head.headers.add(name: "User-Agent", value: "Evident/\(EvidentVersion.current) (webhook probe)")
        head.headers.add(name: "Content-Type", value: "application/json")
        head.headers.add(name: "Content-Length", value: String(body.count))
        head.headers.add(name: "Connection", value: "close")
        for (name, value) in headers { head.headers.add(name: name, value: value) }
        let request = head
        let serverName = url.endpoint.hostIsAddress ? nil : url.endpoint.host
        let bootstrap = ClientBootstrap(group: loop)
            .connectTimeout(amount)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let sslContext {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: sslContext, serverHostname: serverName))
                    }
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(
                        AnswerCollector(request: request, body: body, promise: promise, target: target))
                }
            }
        bootstrap.connect(host: url.endpoint.host, port: url.endpoint.port).whenComplete { result in
            switch result {
            case let .success(channel):
                promise.futureResult.whenComplete { _ in channel.close(promise: nil) }
            case let .failure(error):
                promise.fail(ConnectFailure.classify(error, endpoint: url.endpoint, timeout: timeout, during: during))
            }
        }
        defer { deadline.cancel() }
        return try await promise.futureResult.get()
    }
}

/// Sends the request once the connection is up and collects the answer's status line.
private final class AnswerCollector: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    private let request: HTTPRequestHead
    private let body: [UInt8]
    private let promise: EventLoopPromise<HTTPAnswer>
    private let target: String
    private var head: HTTPResponseHead?
    private var bodyBytes = 0

    init(request: HTTPRequestHead, body: [UInt8], promise: EventLoopPromise<HTTPAnswer>, target: String) {
        self.request = request
        self.body = body
        self.promise = promise
        self.target = target
    }

    func channelActive(context: ChannelHandlerContext) {
        context.write(wrapOutboundOut(.head(request)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case let .head(received): head = received
        case let .body(buffer): bodyBytes += buffer.readableBytes
        case .end:
            finish()
            context.close(promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if head != nil {
            finish()
        } else if case let .handshakeFailed(inner)? = error as? NIOSSLError {
            promise.fail(ProbeError.connectionFailed(
                target: target,
                reason: "the TLS handshake failed (\(HandshakeFailure.reasonName(String(describing: inner)))); "
                    + "for an endpoint whose certificate a private CA issued, pass --ca FILE"))
        } else {
            let reason = (error as? IOError).map { ConnectFailure.describe(errno: $0.errnoCode) } ?? String(describing: error)
            promise.fail(ProbeError.connectionFailed(target: target, reason: reason))
        }
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        if head != nil {
            finish()
        } else {
            promise.fail(ProbeError.connectionFailed(target: target, reason: "the endpoint closed the connection without an HTTP answer"))
        }
        context.fireChannelInactive()
    }

    private func finish() {
        guard let head else { return }
        promise.succeed(HTTPAnswer(
            status: Int(head.status.code), reason: head.status.reasonPhrase, location: head.headers.first(name: "Location"),
            bodyBytes: bodyBytes))
    }
}
