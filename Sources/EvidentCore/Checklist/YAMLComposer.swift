import CLibYAML

/// Composes one YAML document into `YAMLNode`s straight from the events of the system's libyaml
/// (`CLibYAML`), so that aliases are refused where they stand instead of being expanded, nesting
/// and size are bounded, and every node keeps its line and column.
struct YAMLComposer {
    /// Bounds that keep hostile input cheap to refuse.
    struct Limits: Sendable {
        /// Deepest nesting of mappings and lists; checklists need fewer than ten levels.
        var maxDepth = 64
        /// Most nodes in one document.
        var maxNodes = 500_000
    }

    /// Why a document could not be composed at all (problems that stop reading the file).
    struct Failure: Error, Sendable {
        let message: String
        let mark: SourceMark?
    }

    /// The composed root (nil for an empty document) and the problems that did not stop reading.
    struct Result: Sendable {
        let root: YAMLNode?
        let problems: [(message: String, mark: SourceMark)]
    }

    var limits = Limits()

    /// Composes `bytes`, which must be valid UTF-8; throws `Failure` on a syntax error or a limit.
    func compose(_ bytes: [UInt8]) throws(Failure) -> Result {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw Failure(message: "out of memory while reading YAML", mark: nil)
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        return try bytes.withUnsafeBufferPointer { (buffer) throws(Failure) -> Result in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var state = State(limits: limits, bytes: buffer)
            return try state.run(&parser)
        }
    }

    /// The composer's working state while it walks the event stream.
    private struct State {
        let limits: Limits
        /// The input, to turn libyaml's byte offsets into lines and columns.
        let bytes: UnsafeBufferPointer<UInt8>
        var nodes = 0
        var problems: [(message: String, mark: SourceMark)] = []

        init(limits: Limits, bytes: UnsafeBufferPointer<UInt8>) {
            self.limits = limits
            self.bytes = bytes
        }

        mutating func run(_ parser: inout yaml_parser_t) throws(Failure) -> Result {
            var event = try next(&parser)
            guard event.type == YAML_STREAM_START_EVENT else {
                yaml_event_delete(&event)
                throw Failure(message: "not a YAML stream", mark: nil)
            }
            yaml_event_delete(&event)
            event = try next(&parser)
            if event.type == YAML_STREAM_END_EVENT {
                yaml_event_delete(&event)
                return Result(root: nil, problems: problems)
            }
            yaml_event_delete(&event)  // document start
            var rootEvent = try next(&parser)
            // Deleted on every path: a failure deep inside the document must not leak the root's
            // anchor or tag (found by fuzzing).
            defer { yaml_event_delete(&rootEvent) }
            let root = try node(from: rootEvent, &parser, depth: 1)
            event = try next(&parser)  // document end
            yaml_event_delete(&event)
            event = try next(&parser)
            defer { yaml_event_delete(&event) }
            if event.type != YAML_STREAM_END_EVENT {
                throw Failure(message: "a checklist file holds one YAML document; found a second one", mark: mark(event.start_mark))
            }
            return Result(root: root, problems: problems)
        }

        private func mark(_ raw: yaml_mark_t) -> SourceMark {
            SourceMark(line: Int(raw.line) + 1, column: Int(raw.column) + 1)
        }

        private func next(_ parser: inout yaml_parser_t) throws(Failure) -> yaml_event_t {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { throw syntaxFailure(parser) }
            return event
        }

        private func syntaxFailure(_ parser: yaml_parser_t) -> Failure {
            let problem = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
            if parser.error == YAML_READER_ERROR {
                return Failure(message: "invalid YAML: \(problem)", mark: TextPosition.mark(ofByte: parser.problem_offset, in: bytes))
            }
            // libyaml 0.2.5 has no nesting limit (the composer's own bound applies); builds that
            // carry the nesting-limit patch may stop deep input first, and say the same thing.
            if problem.hasPrefix("Maximum nesting level") {
                return Failure(message: "values are nested more than \(limits.maxDepth) levels deep", mark: mark(parser.problem_mark))
            }
            let context = parser.context.map { " " + String(cString: $0) } ?? ""
            return Failure(message: "invalid YAML: \(problem)\(context)", mark: mark(parser.problem_mark))
        }

        /// Composes the node that `event` starts; the caller owns (and deletes) `event`.
        private mutating func node(from event: yaml_event_t, _ parser: inout yaml_parser_t, depth: Int) throws(Failure) -> YAMLNode {
            nodes += 1
            let start = mark(event.start_mark)
            if nodes > limits.maxNodes {
                throw Failure(message: "the document has more than \(limits.maxNodes) values; it is too large to be a checklist", mark: start)
            }
            switch event.type {
            case YAML_ALIAS_EVENT:
                let name = Self.text(event.data.alias.anchor) ?? ""
                problems.append(("YAML aliases (*\(name)) are not allowed in checklists; write the value out in full", start))
                return YAMLNode(content: .scalar("", plain: false), mark: start, tag: nil)
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let value = scalar.value.map { pointer in
                    String(decoding: UnsafeBufferPointer(start: pointer, count: scalar.length), as: UTF8.self)
                } ?? ""
                let plain = scalar.style == YAML_PLAIN_SCALAR_STYLE
                let tag = scalar.quoted_implicit == 1 || scalar.plain_implicit == 1 ? nil : Self.text(scalar.tag)
                return YAMLNode(content: .scalar(value, plain: plain), mark: start, tag: tag)
            case YAML_SEQUENCE_START_EVENT:
                try checkDepth(depth, at: start)
                var elements: [YAMLNode] = []
                try forEachChild(&parser, until: YAML_SEQUENCE_END_EVENT) { (state, child, parser) throws(Failure) in
                    elements.append(try state.node(from: child, &parser, depth: depth + 1))
                }
                return YAMLNode(content: .sequence(elements), mark: start, tag: nil)
            case YAML_MAPPING_START_EVENT:
                try checkDepth(depth, at: start)
                var pairs: [YAMLNode.Pair] = []
                var pendingKey: YAMLNode?
                try forEachChild(&parser, until: YAML_MAPPING_END_EVENT) { (state, child, parser) throws(Failure) in
                    let composed = try state.node(from: child, &parser, depth: depth + 1)
                    if let key = pendingKey {
                        pairs.append(YAMLNode.Pair(key: key, value: composed))
                        pendingKey = nil
                    } else {
                        pendingKey = composed
                    }
                }
                return YAMLNode(content: .mapping(pairs), mark: start, tag: nil)
            default:
                throw Failure(message: "invalid YAML: unexpected structure", mark: start)
            }
        }

        /// Reads events up to the collection's end event, handing each child's first event to `body`.
        private mutating func forEachChild(
            _ parser: inout yaml_parser_t,
            until end: yaml_event_type_t,
            _ body: (inout State, yaml_event_t, inout yaml_parser_t) throws(Failure) -> Void
        ) throws(Failure) {
            while true {
                var event = try next(&parser)
                defer { yaml_event_delete(&event) }
                if event.type == end { return }
                try body(&self, event, &parser)
            }
        }

        private func checkDepth(_ depth: Int, at start: SourceMark) throws(Failure) {
            if depth > limits.maxDepth {
                throw Failure(message: "values are nested more than \(limits.maxDepth) levels deep", mark: start)
            }
        }

        private static func text(_ pointer: UnsafeMutablePointer<UInt8>?) -> String? {
            pointer.map { String(cString: $0) }
        }
    }
}
