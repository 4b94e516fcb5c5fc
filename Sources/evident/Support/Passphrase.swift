import EvidentCore
import Foundation

/// Asks the person at the terminal for a key's passphrase, with echo off. There is no prompt
/// without a terminal: scripts set `$EVIDENT_KEY_PASSPHRASE`. The passphrase is never printed.
enum Passphrase {
    /// One answer to `prompt` typed on the controlling terminal, or nil when there is none.
    static func ask(_ prompt: String) -> String? {
        let terminal = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard terminal >= 0 else { return nil }
        defer { close(terminal) }
        var saved = termios()
        guard tcgetattr(terminal, &saved) == 0 else { return nil }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(terminal, TCSAFLUSH, &quiet)
        defer {
            tcsetattr(terminal, TCSAFLUSH, &saved)
            write(terminal, "\n", 1)
        }
        _ = prompt.withCString { write(terminal, $0, strlen($0)) }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(terminal, &byte, 1) == 1, byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r") {
            bytes.append(byte)
            if bytes.count > 4096 { break }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The passphrase for a new key: `$EVIDENT_KEY_PASSPHRASE`, else asked twice on the terminal.
    static func forNewKey(environment: [String: String]) throws -> String {
        if let passphrase = environment["EVIDENT_KEY_PASSPHRASE"], !passphrase.isEmpty { return passphrase }
        guard let first = ask("Passphrase for the new key: ") else { throw KeyError.passphraseNeeded(source: "the new key") }
        guard !first.isEmpty else { throw KeyError.emptyPassphrase }
        guard ask("The same passphrase again: ") == first else { throw KeyError.passphrasesDiffer }
        return first
    }
}
