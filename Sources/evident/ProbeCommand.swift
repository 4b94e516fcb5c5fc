import ArgumentParser
import EvidentCore
import Foundation

/// `evident probe tls|webhook`: live evidence from a running endpoint.
struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Ask a running endpoint: its TLS configuration, or how its webhook handler treats forged deliveries.",
        discussion: """
            Each probe prints what it saw and exits 1 when a check fails; --attach files the result as \
            scan evidence on every item whose checks name the probe (probe-tls, probe-webhook). A probe \
            that cannot complete (unreachable, no answer within --timeout, not TLS) exits 74 and files nothing.
            """,
        subcommands: [ProbeTLSCommand.self, ProbeWebhookCommand.self]
    )
}

/// What both probes take: where to file the result, how long to wait, how to print.
struct ProbeOptions: ParsableArguments {
    @Flag(help: "File the result as evidence on every item of the cycle whose checks name the probe.")
    var attach = false

    @Option(help: ArgumentHelp("The cycle to attach the result to (with --attach; default: the open cycle).", valueName: "name"),
            completion: Completions.cycles)
    var cycle: String?

    @Option(help: ArgumentHelp("Seconds each connection may take before the probe gives up (default 10).", valueName: "seconds"))
    var timeout: Double = TLSProbe.defaultTimeout

    @Option(help: ArgumentHelp("Trust these CA certificates (PEM) instead of the system's.", valueName: "file"))
    var ca: String?

    @Option(help: ArgumentHelp("Output format: text or json.", valueName: "format"))
    var format: TextOrJSON = .text

    func validate() throws {
        if cycle != nil, !attach { throw ValidationError("--cycle applies only with --attach") }
        if !(timeout > 0 && timeout <= 300) { throw ValidationError("--timeout must be more than 0 and at most 300 seconds") }
    }

    /// Prints the result, files it when asked, and exits 1 when a check failed.
    func finish(_ result: some ProbeResult, text: String, workspace: WorkspaceOptions) throws {
        switch format {
        case .text: Terminal.outputRaw(text)
        case .json: printJSON(result)
        }
        if attach {
            let filed = try workspace.open().attachProbe(result, cycle: cycle, session: try workspace.session())
            if filed.items.isEmpty {
                Terminal.note("No item of cycle \(filed.cycle.name) names \(result.probe.rawValue) in its checks; nothing was attached.")
            } else {
                let expiry = filed.expiries.values.min().map { "; it expires \($0.iso8601)" } ?? ""
                Terminal.note("Attached the \(result.probe.rawValue) result to \(filed.items.count) item\(filed.items.count == 1 ? "" : "s") "
                    + "of cycle \(filed.cycle.name): \(filed.items.joined(separator: ", "))\(expiry)")
            }
        }
        if !result.passed { throw ExitCode(1) }
    }
}

/// `evident probe tls HOST[:PORT]`.
struct ProbeTLSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tls",
        abstract: "Probe an endpoint's TLS: versions, suites, certificate chain, host name and expiry.",
        discussion: """
            Offers TLS 1.0, 1.1, 1.2 and 1.3 one at a time (1.0 and 1.1 must be refused, 1.2 or 1.3 \
            accepted), records the suite a modern client negotiates, offers each known-weak suite \
            BoringSSL still has, and validates the certificate chain against the system trust store \
            (or --ca) and the host name. Filed evidence expires no later than the certificate.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var options: ProbeOptions

    @Argument(help: ArgumentHelp("The endpoint: a host name or address, optionally with a port (default 443).", valueName: "host[:port]"))
    var endpoint: String

    func run() async throws {
        try await Reporting.run {
            if options.attach { _ = try workspace.open().prepareProbeAttachment(cycle: options.cycle) }
            let target = try ProbeEndpoint(parsing: endpoint)
            let roots = try options.ca.map(TrustRoots.file) ?? .system
            let report = try await TLSProbe.run(target, options: .init(roots: roots, timeout: options.timeout, now: try workspace.now()))
            try options.finish(report, text: ProbeText.render(report), workspace: workspace)
        }
    }
}

/// `evident probe webhook URL --secret-env VAR`.
struct ProbeWebhookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhook",
        abstract: "Post unsigned, forged, stale and properly signed deliveries to a (staging) webhook endpoint.",
        discussion: """
            The first three must be refused (4xx), the last accepted (2xx). The signature is the guide's: \
            header t=TIMESTAMP,v1=HEX with HEX the HMAC-SHA256 of TIMESTAMP.BODY under the secret. The \
            secret is read from the environment variable --secret-env names and is never printed, stored \
            or logged. Redirects are reported, never followed. Point it at staging, not production.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var options: ProbeOptions

    @Argument(help: ArgumentHelp("The endpoint's URL (http or https).", valueName: "url"))
    var url: String

    @Option(help: ArgumentHelp("The environment variable holding the endpoint's webhook secret.", valueName: "var"))
    var secretEnv: String

    @Option(help: ArgumentHelp("The signature header's name.", valueName: "name"))
    var header: String = WebhookProbe.defaultHeader

    func run() async throws {
        try await Reporting.run {
            if options.attach { _ = try workspace.open().prepareProbeAttachment(cycle: options.cycle) }
            let target = try ProbeURL(parsing: url)
            let secret = try WebhookSecret(environmentVariable: secretEnv, in: workspace.environment)
            let report = try await WebhookProbe.run(target, options: .init(
                secret: secret, header: header, timeout: options.timeout, caFile: options.ca, now: try workspace.now()))
            try options.finish(report, text: ProbeText.render(report), workspace: workspace)
        }
    }
}
