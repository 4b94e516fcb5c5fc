import ArgumentParser
import EvidentCore
import Foundation

/// The one place where errors become messages on standard error and exit codes (SPEC §7).
enum Reporting {
    /// The exit code of each kind of failure.
    static func exitCode(for kind: FailureKind) -> Int32 {
        switch kind {
        case .checkFailed: 1
        case .usage: 64
        case .badInput: 65
        case .missingInput: 66
        case .internalError: 70
        case .ioError: 74
        case .permissionDenied: 77
        }
    }

    /// Runs `body`, printing any error as `evident: error: …` with its hint and exiting with its code.
    static func run(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as ExitCode {
            throw error
        } catch let error as any EvidentError {
            fail(error)
        } catch let error as CancellationError {
            Terminal.error("interrupted: \(error.localizedDescription)")
            throw ExitCode(130)
        } catch {
            Terminal.error("internal error: \(error.localizedDescription)")
            Terminal.hint("this is a bug in Evident; please report it with the command you ran")
            throw ExitCode(70)
        }
    }

    /// Prints `error` and its hint, then exits with its code.
    static func fail(_ error: any EvidentError) -> Never {
        if case let .invalid(diagnostics) = error as? ChecklistError {
            Terminal.diagnostics(diagnostics)
        }
        if case let .invalidTemplate(diagnostic) = error as? ReportError {
            Terminal.diagnostics([diagnostic])
        }
        Terminal.error(error.errorDescription ?? "unknown error")
        if let hint = error.hint { Terminal.hint(hint) }
        exit(exitCode(for: error.kind))
    }
}
