/// The kind of a scanned file, from its name: it decides which detectors run and how comments
/// and string literals look.
public enum SourceLanguage: String, Sendable, CaseIterable {
    case javascript, python, go, java, kotlin, php, ruby, csharp, swift
    case shell
    case yaml, json, env, conf, xml
    /// HTML and templates: may hold client-side script.
    case markup
    /// Anything else that is text: documentation, C, data. Only secrets are looked for.
    case other

    /// The broad group detectors are scoped by.
    public enum Family: Sendable, CaseIterable {
        case code, shell, config, markup, other
    }

    /// The group this language belongs to.
    public var family: Family {
        switch self {
        case .javascript, .python, .go, .java, .kotlin, .php, .ruby, .csharp, .swift: .code
        case .shell: .shell
        case .yaml, .json, .env, .conf, .xml: .config
        case .markup: .markup
        case .other: .other
        }
    }

    // MARK: - Comments

    /// Whether `//` starts a comment (and `/* … */` is a block comment).
    var hasSlashComments: Bool {
        switch self {
        case .javascript, .go, .java, .kotlin, .php, .csharp, .swift, .json: true
        default: false
        }
    }

    /// Whether `#` starts a comment.
    var hasHashComments: Bool {
        switch self {
        case .python, .ruby, .php, .shell, .yaml, .env, .conf: true
        default: false
        }
    }

    /// Whether `#` starts a comment only at the start of a line or after a space (YAML, shell, conf).
    var hashCommentNeedsSpace: Bool {
        switch self {
        case .shell, .yaml, .env, .conf: true
        default: false
        }
    }

    // MARK: - Naming

    /// The language of the file called `name` (a base name, any case).
    public static func of(fileName name: String) -> SourceLanguage {
        let lowered = name.lowercased()
        if let exact = exactNames[lowered] { return exact }
        if lowered.hasPrefix("dockerfile") || lowered.hasPrefix("containerfile") { return .shell }
        if lowered.hasPrefix(".env.") || lowered == ".env" { return .env }
        guard let dot = lowered.lastIndex(of: "."), dot != lowered.startIndex else { return .other }
        return extensions[String(lowered[lowered.index(after: dot)...])] ?? .other
    }

    private static let exactNames: [String: SourceLanguage] = [
        "makefile": .shell, "gnumakefile": .shell, "procfile": .shell, "jenkinsfile": .shell,
        "gemfile": .ruby, "rakefile": .ruby, "podfile": .ruby, "fastfile": .ruby,
        ".npmrc": .conf, ".yarnrc": .conf, ".curlrc": .conf, ".wgetrc": .conf, ".gitconfig": .conf,
        ".htaccess": .conf, "caddyfile": .conf, "web.config": .xml, "kubeconfig": .yaml,
    ]

    private static let extensions: [String: SourceLanguage] = {
        var table: [String: SourceLanguage] = [:]
        let groups: [(SourceLanguage, [String])] = [
            (.javascript, ["js", "mjs", "cjs", "jsx", "ts", "tsx", "mts", "cts", "vue", "svelte"]),
            (.python, ["py", "pyw", "pyi"]),
            (.go, ["go"]),
            (.java, ["java"]),
            (.kotlin, ["kt", "kts"]),
            (.php, ["php", "phtml"]),
            (.ruby, ["rb", "rake", "gemspec", "ru"]),
            (.csharp, ["cs", "csx"]),
            (.swift, ["swift"]),
            (.shell, ["sh", "bash", "zsh", "ksh", "mk", "ps1", "dockerfile"]),
            (.yaml, ["yml", "yaml"]),
            (.json, ["json", "jsonc", "json5"]),
            (.env, ["env"]),
            (.conf, ["conf", "cfg", "ini", "toml", "properties", "cnf", "nginx"]),
            (.xml, ["xml", "plist", "config", "csproj"]),
            (.markup, ["html", "htm", "xhtml", "ejs", "hbs", "erb", "cshtml", "jsp", "twig"]),
        ]
        for (language, names) in groups { for name in names { table[name] = language } }
        return table
    }()
}
