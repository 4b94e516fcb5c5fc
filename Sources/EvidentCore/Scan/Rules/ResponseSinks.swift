/// Where code writes an HTTP response body, per language: Express and friends, Flask, Django and
/// FastAPI, net/http and Gin, servlets and Spring, Laravel and plain PHP, Rails and Sinatra,
/// ASP.NET, Vapor and Hummingbird.
enum ResponseSinks {
    /// Calls and statements that write a response, per language.
    static let sinks: [SourceLanguage: [String]] = [
        .python: ["jsonify(", "Response(", "HttpResponse(", "JsonResponse(", "JSONResponse(", "PlainTextResponse(",
                  "make_response(", "HTTPException(", "abort(", "json_response(", "self.write(", "send_error(",
                  "wfile.write("],
        .go: ["http.Error(", "w.Write(", ".JSON(", ".String(", "Fprint(w", "Fprintf(w", "Fprintln(w", "WriteString(w",
              ".SendString(", "AbortWithStatusJSON(", ".Send("],
        .java: ["getWriter()", "getOutputStream()", "printStackTrace(", "ResponseEntity", "sendError(", ".entity(",
                "ctx.result(", "ctx.json("],
        .kotlin: ["getWriter()", "getOutputStream()", "printStackTrace(", "ResponseEntity", "sendError(", "respond(",
                  "respondText(", "call.respond"],
        .php: ["echo", "print", "print_r(", "var_dump(", "die(", "exit(", "->json(", "json_encode(", "->setContent(",
               "Response(", "JsonResponse(", "printf("],
        .ruby: ["render", "halt", "json(", "body ", "respond_with", "[500,"],
        .csharp: ["Ok(", "BadRequest(", "StatusCode(", "Problem(", "Content(", "Json(", "ObjectResult(", "JsonResult(",
                  "WriteAsync(", "WriteAsJsonAsync(", "Response.Write(", "InternalServerError("],
        .swift: ["Abort(", "Response(", "HTTPError(", "encodeResponse(", "reason:"],
    ]

    /// JavaScript methods that send a body, called on a response object.
    static let javascriptMethods = [".send(", ".json(", ".jsonp(", ".end(", ".write(", ".render(", ".body =", ".body="]
    /// Names a JavaScript response object goes by.
    static let javascriptResponses: Set<String> = ["res", "response", "resp", "reply", "ctx", "context", "c", "h"]

    /// Whether the line (its code) writes a response.
    static func writesResponse(_ code: [UInt8], _ language: SourceLanguage) -> Bool {
        if language == .javascript {
            if code.contains("new Response(") || code.contains("Response.json(") { return true }
            return javascriptMethods.contains { method in sendCall(method, in: code) != nil }
        }
        if language == .python, code.matchesWord("return", at: code.skippingSpaces(from: 0)),
           ErrorExposureRule.isServerError(code) {
            return true
        }
        return (sinks[language] ?? []).contains { sink in
            var from = 0
            while let found = code.find(sink, from: from) {
                from = found + 1
                let first = sink.utf8.first!
                if ASCII.isLetter(first), found > 0, ASCII.isWord(code[found - 1]) { continue }
                if ASCII.isLetter(sink.utf8.last!), found + sink.utf8.count < code.count,
                   ASCII.isWord(code[found + sink.utf8.count]) {
                    continue
                }
                return true
            }
            return false
        }
    }

    /// Where a JavaScript response is sent the bare error (`res.send(err)`, `res.status(500).json(error)`).
    static func rawErrorBody(in code: [UInt8], _ language: SourceLanguage) -> Int? {
        guard language == .javascript else { return nil }
        for method in [".send(", ".json(", ".jsonp(", ".end("] {
            guard let call = sendCall(method, in: code) else { continue }
            let start = code.skippingSpaces(from: call + method.utf8.count)
            var end = start
            while end < code.count, ASCII.isIdentifier(code[end]) { end += 1 }
            let close = code.skippingSpaces(from: end)
            if end > start, close < code.count, code[close] == UInt8(ascii: ")"), ErrorNames.isErrorName(code.text(start..<end)) {
                return start
            }
        }
        return nil
    }

    /// Where `method` is called on a response object (`res.status(500).json(`), if it is.
    private static func sendCall(_ method: String, in code: [UInt8]) -> Int? {
        var from = 0
        while let found = code.find(method, from: from) {
            from = found + 1
            if chainNames(in: code, before: found).contains(where: javascriptResponses.contains) { return found }
        }
        return nil
    }

    /// The names of the call chain ending at `index`: `status`, `res` for `res.status(500)`.
    private static func chainNames(in code: [UInt8], before index: Int) -> [String] {
        var position = index
        var names: [String] = []
        while position > 0 {
            if code[position - 1] == UInt8(ascii: ")") {
                var depth = 0
                while position > 0 {
                    position -= 1
                    if code[position] == UInt8(ascii: ")") { depth += 1 }
                    if code[position] == UInt8(ascii: "(") {
                        depth -= 1
                        if depth == 0 { break }
                    }
                }
                continue
            }
            var start = position
            while start > 0, ASCII.isIdentifier(code[start - 1]) { start -= 1 }
            guard start < position else { break }
            names.append(code.text(start..<position))
            position = start
            guard position > 0, code[position - 1] == UInt8(ascii: ".") else { break }
            position -= 1
        }
        return names
    }
}
