import ArgumentParser
import EvidentCore

/// `evident exception …`: accepted risks on failing or partial items.
struct ExceptionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exception", abstract: "Record and list accepted risks on failing or partial items.",
        subcommands: [ExceptionAdd.self, ExceptionList.self])
}

/// `evident exception add ITEM_ID --reason TEXT --expires DATE --approved-by WHO`.
struct ExceptionAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Accept the risk of a failing or partial item until a date; its status stays as reviewed.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("The failing or partial item.", valueName: "item-id"), completion: Completions.items)
    var itemID: String

    @Option(help: ArgumentHelp("Why the risk is accepted.", valueName: "text"))
    var reason: String

    @Option(help: ArgumentHelp("When the acceptance runs out: 2027-03-31 or a full ISO-8601 time.", valueName: "date"))
    var expires: String

    @Option(help: ArgumentHelp("Who approved it.", valueName: "who"))
    var approvedBy: String

    @Option(help: ArgumentHelp("The cycle (default: the only open one).", valueName: "name"), completion: Completions.cycles)
    var cycle: String?

    func run() async throws {
        try await Reporting.run {
            let result = try workspace.open().addException(
                itemID: itemID, reason: reason, expires: try parseDate(expires, flag: "--expires")!,
                approvedBy: approvedBy, cycle: cycle, session: try workspace.session())
            if !result.maskedValues.isEmpty {
                Terminal.warning("the reason held sensitive data; it was stored masked (\(result.maskedValues.map(\.masked).joined(separator: ", ")))")
            }
            let exception = result.exception
            Terminal.output("Recorded exception #\(exception.id) on \(exception.itemID) in cycle \(result.cycle.name): "
                + "\(exception.itemStatus.rawValue) accepted by \(TerminalText.oneLine(exception.approvedBy)) until \(exception.expiresAt.date). "
                + "The item stays \(ItemStatus(exception.itemStatus).label).")
        }
    }
}

/// `evident exception list`.
struct ExceptionList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List accepted risks of every target's latest cycle, soonest expiry first.")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: ArgumentHelp("Only this cycle's (default: every target's latest cycle).", valueName: "name"), completion: Completions.cycles)
    var cycle: String?

    @Option(help: "Output format.")
    var format: TextOrJSON = .text

    func run() async throws {
        try await Reporting.run {
            let open = try workspace.open()
            let listing = ExceptionListing(try open.programmeSnapshots(cycle, now: try workspace.now()))
            switch format {
            case .json: printJSON(listing)
            case .text: Terminal.output(ProgrammeText.exceptions(listing))
            }
        }
    }
}
