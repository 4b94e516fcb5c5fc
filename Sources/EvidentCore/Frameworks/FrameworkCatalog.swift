/// What Evident knows of a framework's requirements: its groups and, for ASVS and 800-53, every
/// requirement in force (from `Resources/frameworks/`, compiled in; see its README for where the
/// lists come from). PCI DSS's requirement text is licensed and not shipped, so for PCI DSS only
/// the twelve principal requirements are known and coverage is not measured.
public struct FrameworkCatalog: Sendable {
    /// One group: a PCI DSS principal requirement, an ASVS chapter, an 800-53 family.
    public struct Group: Sendable, Equatable {
        public var id: String
        public var title: String
    }

    /// One requirement in force.
    public struct Requirement: Sendable, Equatable {
        public var id: String
        public var group: String
        /// The control's title (800-53) or the section name (ASVS).
        public var title: String
    }

    public let framework: Framework
    public let groups: [Group]
    /// Every requirement in force, in reading order; empty when the framework's list is not shipped.
    public let requirements: [Requirement]

    /// Whether `requirements` is the framework's full list, so that coverage can be measured.
    public var isComplete: Bool { !requirements.isEmpty }

    /// The catalog of `framework`.
    public static func of(_ framework: Framework) -> FrameworkCatalog {
        switch framework {
        case .pciDSS: FrameworkCatalog(framework: .pciDSS, groups: pciPrincipalRequirements, requirements: [])
        case .asvs: parse(.asvs, file: "asvs-4.0.3.tsv")
        case .nist80053: parse(.nist80053, file: "nist-800-53-rev5.tsv")
        }
    }

    /// Reads one of the embedded lists: `group<TAB>id<TAB>title` and
    /// `requirement<TAB>id<TAB>group<TAB>title` lines; `#` lines are comments.
    static func parse(_ framework: Framework, file: String) -> FrameworkCatalog {
        let text = EmbeddedResources.groups["frameworks"]?[file] ?? ""
        var groups: [Group] = []
        var requirements: [Requirement] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            switch (fields.first, fields.count) {
            case ("group", 3): groups.append(Group(id: fields[1], title: fields[2]))
            case ("requirement", 4): requirements.append(Requirement(id: fields[1], group: fields[2], title: fields[3]))
            default: continue
            }
        }
        return FrameworkCatalog(framework: framework, groups: groups, requirements: requirements)
    }

    /// PCI DSS v4.0's twelve principal requirements.
    static let pciPrincipalRequirements: [Group] = [
        ("1", "Install and Maintain Network Security Controls"),
        ("2", "Apply Secure Configurations to All System Components"),
        ("3", "Protect Stored Account Data"),
        ("4", "Protect Cardholder Data with Strong Cryptography During Transmission Over Open, Public Networks"),
        ("5", "Protect All Systems and Networks from Malicious Software"),
        ("6", "Develop and Maintain Secure Systems and Software"),
        ("7", "Restrict Access to System Components and Cardholder Data by Business Need to Know"),
        ("8", "Identify Users and Authenticate Access to System Components"),
        ("9", "Restrict Physical Access to Cardholder Data"),
        ("10", "Log and Monitor All Access to System Components and Cardholder Data"),
        ("11", "Test Security of Systems and Networks Regularly"),
        ("12", "Support Information Security with Organizational Policies and Programs"),
    ].map { Group(id: $0.0, title: $0.1) }
}
