import NIOCore

/// Sits before the TLS handler and reads, without changing them, the bytes the server sends first:
/// the cipher suite of its ServerHello. swift-nio-ssl does not report the negotiated suite, and the
/// ServerHello is sent in the clear in every TLS version, so the probe reads the two bytes that
/// name it. Nothing here takes part in the handshake.
final class ServerHelloObserver: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// The suite the server chose, once its ServerHello has been read.
    private(set) var suite: CipherSuite?
    /// How many bytes the server sent.
    private(set) var receivedBytes = 0
    /// Whether the server's first byte opens no TLS record: it answered in something else.
    private(set) var answeredInPlaintext = false
    private var pending: [UInt8] = []
    private static let limit = 1 << 16

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        if receivedBytes == 0, let first = buffer.readableBytesView.first { answeredInPlaintext = !(20...23).contains(first) }
        receivedBytes += buffer.readableBytes
        if suite == nil, pending.count < Self.limit {
            pending.append(contentsOf: buffer.readableBytesView)
            if let code = Self.serverHelloSuite(pending) {
                suite = CipherSuite(code: code)
                pending = []
            }
        }
        context.fireChannelRead(data)
    }

    /// The cipher suite of the ServerHello at the start of `bytes` (handshake records, possibly
    /// fragmented), nil until enough has arrived or when the bytes are not a ServerHello.
    static func serverHelloSuite(_ bytes: [UInt8]) -> UInt16? {
        var handshake: [UInt8] = []
        var offset = 0
        while offset + 5 <= bytes.count, bytes[offset] == 22 {
            let length = Int(bytes[offset + 3]) << 8 | Int(bytes[offset + 4])
            guard offset + 5 + length <= bytes.count else { break }
            handshake.append(contentsOf: bytes[(offset + 5)..<(offset + 5 + length)])
            offset += 5 + length
        }
        // type (1) = ServerHello, length (3), legacy_version (2), random (32), session id (1 + n), suite (2)
        guard handshake.count > 38, handshake[0] == 2 else { return nil }
        let sessionIDLength = Int(handshake[38])
        let at = 39 + sessionIDLength
        guard handshake.count >= at + 2 else { return nil }
        return UInt16(handshake[at]) << 8 | UInt16(handshake[at + 1])
    }
}
