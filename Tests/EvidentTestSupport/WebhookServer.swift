import Foundation

/// A small webhook endpoint (Python's http.server) on a loopback port for one test, verifying the
/// guide's signature scheme correctly or with one chosen flaw.
public enum WebhookServer {
    /// How the endpoint treats a delivery.
    public enum Mode: String, Sendable, CaseIterable {
        /// Rejects missing, malformed, wrongly signed and stale deliveries.
        case correct
        /// Accepts a delivery with no signature header.
        case acceptsUnsigned = "accepts-unsigned"
        /// Checks the signature but never the timestamp.
        case ignoresTimestamp = "ignores-timestamp"
        /// Accepts any signature value (checks only that the header parses and is current).
        case acceptsWrongSignature = "accepts-wrong-signature"
        /// Answers every delivery with a redirect.
        case redirects
        /// Reads the delivery and never answers.
        case hangs
        /// Answers any connection with a line of plain text and closes: not TLS, not HTTP.
        case banner
    }

    /// The server's source, written into the test's folder.
    static let script = #"""
        import hashlib, hmac, http.server, os, socketserver, sys, time

        mode, port = sys.argv[1], int(sys.argv[2])
        secret = os.environ.get("HOOK_SECRET", "").encode()

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def reply(self, code, extra=()):
                self.send_response(code)
                for name, value in extra:
                    self.send_header(name, value)
                self.send_header("Content-Length", "0")
                self.send_header("Connection", "close")
                self.end_headers()

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                if mode == "hangs":
                    time.sleep(30)
                    return
                if mode == "redirects":
                    return self.reply(302, [("Location", "http://127.0.0.1:9/elsewhere")])
                header = self.headers.get("LiasonPay-Signature")
                if header is None:
                    return self.reply(200 if mode == "accepts-unsigned" else 400)
                try:
                    parts = dict(part.split("=", 1) for part in header.split(","))
                    stamp, given = int(parts["t"]), parts["v1"]
                except Exception:
                    return self.reply(400)
                if mode != "ignores-timestamp" and abs(time.time() - stamp) > 300:
                    return self.reply(400)
                expected = hmac.new(secret, str(stamp).encode() + b"." + body, hashlib.sha256).hexdigest()
                if mode != "accepts-wrong-signature" and not hmac.compare_digest(expected, given):
                    return self.reply(401)
                self.reply(200)

        class Banner(socketserver.BaseRequestHandler):
            def handle(self):
                self.request.sendall(b"220 mail.example.test ESMTP ready\r\n")

        socketserver.TCPServer.allow_reuse_address = True
        if mode == "banner":
            server = socketserver.TCPServer(("127.0.0.1", port), Banner)
        else:
            server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
        if os.environ.get("HOOK_TLS_CERT"):
            import ssl
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(os.environ["HOOK_TLS_CERT"], os.environ["HOOK_TLS_KEY"])
            server.socket = context.wrap_socket(server.socket, server_side=True)
        deadline = time.time() + 120
        server.timeout = 1
        while time.time() < deadline:
            server.handle_request()
        """#

    /// Starts the endpoint in `mode`, verifying with `secret`, on a free loopback port; over https
    /// when `tls` names a certificate and its key.
    public static func start(
        _ mode: Mode, secret: String = "", tls: (certificate: String, key: String)? = nil, in directory: TemporaryDirectory
    ) throws -> PeerProcess {
        let path = directory.write("webhook-server.py", script)
        let port = LoopbackPort.free()
        var environment = ["HOOK_SECRET": secret]
        if let tls {
            environment["HOOK_TLS_CERT"] = tls.certificate
            environment["HOOK_TLS_KEY"] = tls.key
        }
        return try PeerProcess("/usr/bin/env", ["python3", path, mode.rawValue, String(port)], port: port, in: directory,
                               environment: environment)
    }
}
