/// `error-stack-exposed`: a stack trace or raw error sent to the client. A line is a finding when
/// it writes a response (`res.json(`, `jsonify(`, `http.Error(`, `getWriter()`, `echo`,
/// `render`, `StatusCode(`, `Abort(`…) and puts in it a stack trace (`err.stack`,
/// `traceback.format_exc()`, `getTraceAsString()`, `e.backtrace`, `ex.StackTrace`), the raw
/// error object as the whole body (`res.send(err)`), a database error (`mysqli_error`), or — in a
/// response that is a 500 — the error's own message (`err.message`, `str(e)`, `err.Error()`).
/// Debug switches that show errors to visitors are `ErrorSettingRule`. Logging (`console.error`)
/// is the good practice and never a finding.
enum ErrorExposureRule {
    /// A raw error or its message is only a finding in a 500 response, so the message accessors
    /// need no anchor of their own: `500` and the status names find those lines.
    static let anchors = exposureAnchors + ErrorSettingRule.anchors

    /// Anchors of stack traces, raw errors and 500 responses (the rest are debug switches).
    static let exposureAnchors = [
        "stack", "backtrace", "format_exc", "format_exception", "format_tb", "gettrace", "full_message", "tostring()",
        "(err)", "(e)", "(ex)", "(error)", "($e)", "500", "internalservererror", "internal_server_error",
        "mysqli_error", "mysql_error", "connect_error", "errorinfo", "pg_last_error", "echo $e", "print $e",
        ", err)", "stringify(", "tojson(", "writevalueasstring(", "serializeobject(", "(string)",
    ]

    /// The first exposure on the line.
    static func inspect(_ line: SourceLine) -> [LineHit] {
        if let setting = ErrorSettingRule.hit(line) { return [setting] }
        // The sinks are checked on the raw line first: most lines leave here without being laid out.
        guard line.language.family == .code, line.mayHold(anyOf: exposureAnchors),
              ResponseSinks.writesResponse(line.bytes, line.language),
              !line.layout.isComment else { return [] }
        let code = line.layout.code
        guard ResponseSinks.writesResponse(code, line.language) else { return [] }
        if let stack = stackTrace(in: code, line.language) ?? databaseError(in: code)
            ?? ResponseSinks.rawErrorBody(in: code, line.language) {
            return [hit(at: stack, in: code)]
        }
        if isServerError(code) || !isClientError(code) && followsServerErrorStatus(line),
           let message = ErrorNames.messageExposure(in: code) {
            return [hit(at: message, in: code, " in a 500 response")]
        }
        return []
    }

    /// Whether the nearest status set on the lines just before is a 500
    /// (`res.statusCode = 500;`, `w.WriteHeader(http.StatusInternalServerError)`, `resp.setStatus(500);`).
    private static func followsServerErrorStatus(_ line: SourceLine) -> Bool {
        for previous in line.precedingLines(4) {
            if previous.contains("catch", ignoringCase: false) || previous.contains("except ") || previous.contains("rescue") {
                return false
            }
            let setsStatus = previous.contains("status", ignoringCase: true) || previous.contains("WriteHeader(")
                || previous.contains("http_response_code(") || previous.contains("SC_")
            if setsStatus { return isServerError(previous) && !isClientError(previous) }
        }
        return false
    }

    /// Whether the line answers with a 4xx status: a client's mistake, whose message may be shown.
    static func isClientError(_ code: [UInt8]) -> Bool {
        for name in ["badrequest", "bad_request", "unprocessable", "notfound", "not_found", "unauthorized", "forbidden"]
            where code.find(name, ignoringCase: true) != nil {
            return true
        }
        var index = 0
        while index + 3 <= code.count {
            if code[index] == UInt8(ascii: "4"), ASCII.isDigit(code[index + 1]), ASCII.isDigit(code[index + 2]),
               index == 0 || !ASCII.isWord(code[index - 1]), index + 3 == code.count || !ASCII.isWord(code[index + 3]) {
                return true
            }
            index += 1
        }
        return false
    }

    /// A finding naming the exposed expression: `err.stack`, `$e->getTraceAsString()`.
    private static func hit(at offset: Int, in code: [UInt8], _ suffix: String = "") -> LineHit {
        let name = RuleSupport.qualifiedName(in: code, around: offset)
        var end = name.upperBound
        var call = ""
        if end < code.count, code[end] == UInt8(ascii: "(") {
            call = code.matches(")", at: code.skippingSpaces(from: end + 1)) ? "()" : "(…)"
            end += 1
        }
        return LineHit(name.lowerBound, code.text(name) + call + suffix)
    }

    // MARK: - What is exposed

    /// Where a stack trace is read on the line.
    private static func stackTrace(in code: [UInt8], _ language: SourceLanguage) -> Int? {
        for name in ["traceback.format_exc", "traceback.format_exception", "traceback.format_tb",
                     "traceback.format_stack", "__traceback__", "getTraceAsString(", "->getTrace(", "debug_backtrace(",
                     "getStackTrace(", "stackTraceToString(", ".StackTrace", "debug.Stack()", "runtime.Stack(",
                     "callStackSymbols", "full_message", ".backtrace", "Environment.StackTrace"] {
            if let found = code.find(name) { return found }
        }
        var from = 0
        while let found = code.find(".stack", from: from) {
            from = found + 1
            let end = found + 6
            guard end >= code.count || !ASCII.isIdentifier(code[end]) else { continue }
            let receiver = RuleSupport.qualifiedName(in: code, around: found)
            if ErrorNames.isErrorName(lastSegment(code[receiver.lowerBound..<found])) { return receiver.lowerBound }
        }
        if let found = code.find("printStackTrace("), !code.matches(")", at: code.skippingSpaces(from: found + 16)) {
            return found
        }
        if language == .csharp, let found = ErrorNames.call("ToString()", in: code) { return found }
        // PHP's exception text (`(string) $e`, `echo $e`) carries its stack trace.
        if language == .php { return ErrorNames.bareError(in: code, after: ["echo", "print", "die(", "exit(", "(string)"]) }
        return nil
    }

    private static func databaseError(in code: [UInt8]) -> Int? {
        for name in ["mysqli_error(", "mysql_error(", "connect_error", "->errorInfo(", "pg_last_error("] {
            if let found = code.find(name) { return found }
        }
        return nil
    }

    /// Whether the response is a 500: `500`, `InternalServerError`, `internal_server_error`.
    static func isServerError(_ code: [UInt8]) -> Bool {
        if code.find("internalservererror", ignoringCase: true) != nil
            || code.find("internal_server_error", ignoringCase: true) != nil {
            return true
        }
        var from = 0
        while let found = code.find("500", from: from) {
            from = found + 3
            let before = found == 0 || !ASCII.isWord(code[found - 1])
            let after = found + 3 >= code.count || !ASCII.isWord(code[found + 3])
            if before, after { return true }
        }
        return false
    }

    private static func lastSegment(_ name: ArraySlice<UInt8>) -> String {
        let trimmed = name.last == UInt8(ascii: "?") ? name.dropLast() : name
        let start = trimmed.lastIndex { !ASCII.isWord($0) && $0 != UInt8(ascii: "$") }.map { $0 + 1 } ?? trimmed.startIndex
        return String(decoding: trimmed[start...], as: UTF8.self)
    }
}
