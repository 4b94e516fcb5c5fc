/// Makes user text safe to show anywhere: control characters (but line breaks and tabs) and
/// direction overrides, which can hide or disguise text, become U+FFFD.
public enum TextSanitizer {
    /// `text` with invisible and disguising characters replaced.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsReplacing) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { needsReplacing($0) ? "\u{FFFD}" : $0 }))
    }

    static func needsReplacing(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\n" || scalar == "\t" { return false }
        return isControl(scalar) || TerminalText.isBidiControl(scalar)
    }

    /// Whether `scalar` is a control character (general category Cc: U+0000–U+001F, U+007F–U+009F),
    /// decided without a Unicode property lookup.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
