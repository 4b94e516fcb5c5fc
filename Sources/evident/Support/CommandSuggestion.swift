import ArgumentParser
import EvidentCore

/// "Did you mean" for a misspelt command: `evident stauts` names `status` instead of leaving the
/// argument parser to call it an unexpected argument.
enum CommandSuggestion {
    /// The error for the first word of `arguments` that should name a subcommand but names none;
    /// nil when every command word is known (the argument parser handles the rest).
    static func unknownCommand(in arguments: [String], root: any ParsableCommand.Type) -> (message: String, hint: String)? {
        var configuration = root.configuration
        var path = "evident"
        for word in arguments {
            let subcommands = configuration.subcommands.map { $0.configuration }
            guard !word.hasPrefix("-"), !subcommands.isEmpty else { return nil }
            if let next = subcommands.first(where: { $0.commandName == word }) {
                configuration = next
                path += " " + word
                continue
            }
            guard word != "help", configuration.defaultSubcommand == nil else { return nil }
            let names = subcommands.compactMap { $0.commandName }
            return ("unknown command '\(word)'" + Suggestion.didYouMean(word, in: names),
                    "`\(path) --help` lists the commands: " + names.joined(separator: ", "))
        }
        return nil
    }
}
