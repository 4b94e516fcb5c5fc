import NIOCore
import NIOPosix
import NIOSSL
import NIOTLS

/// What one TLS handshake attempt showed: the endpoint completed it, or refused it.
enum HandshakeOutcome: Sendable, Equatable {
    /// The handshake completed: the version and suite negotiated, the peer's chain (DER, leaf first).
    case accepted(version: String?, suite: CipherSuite?, chain: [[UInt8]])
    /// The endpoint refused: an alert, no shared version or suite, or a closed connection.
    case refused(String)
}

/// One TLS handshake through swift-nio-ssl (BoringSSL) against a live endpoint, nothing sent after it.
enum TLSHandshake {
    /// Connects to `endpoint`, runs the handshake `configuration` allows, and closes. Throws a
    /// `ProbeError` when the endpoint cannot be reached, does not answer within `timeout`, or does
    /// not speak TLS; a refusal is an outcome, not an error.
    static func attempt(
        _ endpoint: ProbeEndpoint, configuration: TLSConfiguration, timeout: Double, during: String
    ) async throws -> HandshakeOutcome {
        try endpoint.checkResolvable()
        var configuration = configuration
        // The probe judges the chain itself (CertificateCheck); BoringSSL only hands it over.
        configuration.certificateVerification = .noHostnameVerification
        let context = try NIOSSLContext(configuration: configuration)
        let group = MultiThreadedEventLoopGroup.singleton
        let loop = group.next()
        let promise = loop.makePromise(of: HandshakeOutcome.self)
        let amount = TimeAmount.nanoseconds(Int64(timeout * 1_000_000_000))
        let deadline = loop.scheduleTask(in: amount) {
            promise.fail(ProbeError.timedOut(target: endpoint.display, seconds: timeout, during: during))
        }
        let serverName = endpoint.hostIsAddress ? nil : endpoint.host
        let bootstrap = ClientBootstrap(group: loop)
            .connectTimeout(amount)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let observer = ServerHelloObserver()
                    let watcher = HandshakeWatcher(promise: promise, observer: observer, target: endpoint.display)
                    let tls = try NIOSSLClientHandler(
                        context: context, serverHostname: serverName,
                        customVerificationCallback: { chain, verdict in
                            watcher.chain = chain.compactMap { try? $0.toDERBytes() }
                            verdict.succeed(.certificateVerified)
                        })
                    try channel.pipeline.syncOperations.addHandlers([observer, tls, watcher])
                }
            }
        bootstrap.connect(host: endpoint.host, port: endpoint.port).whenComplete { result in
            switch result {
            case let .success(channel):
                promise.futureResult.whenComplete { _ in channel.close(promise: nil) }
            case let .failure(error):
                promise.fail(ConnectFailure.classify(error, endpoint: endpoint, timeout: timeout, during: during))
            }
        }
        defer { deadline.cancel() }
        return try await promise.futureResult.get()
    }
}

/// Sits after the TLS handler: turns the handshake's end, an error or a closed connection into an outcome.
private final class HandshakeWatcher: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private let promise: EventLoopPromise<HandshakeOutcome>
    private let observer: ServerHelloObserver
    private let target: String
    /// The peer's chain as the verification callback received it, leaf first.
    var chain: [[UInt8]] = []

    init(promise: EventLoopPromise<HandshakeOutcome>, observer: ServerHelloObserver, target: String) {
        self.promise = promise
        self.observer = observer
        self.target = target
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .handshakeCompleted = event as? TLSUserEvent {
            let handler = try? context.pipeline.syncOperations.handler(type: NIOSSLClientHandler.self)
            promise.succeed(.accepted(version: handler?.tlsVersion.map(Self.name), suite: observer.suite, chain: chain))
            context.close(promise: nil)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        switch HandshakeFailure.classify(error, answeredInPlaintext: observer.answeredInPlaintext, target: target) {
        case let .refused(reason): promise.succeed(.refused(reason))
        case let .fault(fault): promise.fail(fault)
        }
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        if observer.answeredInPlaintext {
            promise.fail(ProbeError.notTLS(target: target, reason: "it answered with something other than a TLS record"))
        }
        promise.succeed(.refused(observer.receivedBytes == 0
            ? "the endpoint closed the connection without answering"
            : "the endpoint closed the connection during the handshake"))
        context.fireChannelInactive()
    }

    /// `TLS 1.2`.
    static func name(_ version: TLSVersion) -> String {
        switch version {
        case .tlsv1: "TLS 1.0"
        case .tlsv11: "TLS 1.1"
        case .tlsv12: "TLS 1.2"
        case .tlsv13: "TLS 1.3"
        }
    }
}
