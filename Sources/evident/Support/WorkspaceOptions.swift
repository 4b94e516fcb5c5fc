import ArgumentParser

/// Options every command takes: where the workspace is and who is acting.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The workspace database (default: $EVIDENT_DB, else .evident/evident.db).", valueName: "path"))
    var db: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Who is acting (default: $EVIDENT_USER, git user.email, $USER).", valueName: "name"))
    var actor: String?
}
