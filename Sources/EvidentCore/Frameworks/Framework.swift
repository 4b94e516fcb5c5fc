/// The frameworks a checklist's `references` may name (SPEC §2), and how each reference string
/// reads as one of their requirements.
public enum Framework: String, Sendable, CaseIterable, Codable {
    case pciDSS = "pci-dss"
    case asvs
    case nist80053 = "nist-800-53"

    /// The framework's name as reports print it.
    public var title: String {
        switch self {
        case .pciDSS: "PCI DSS v4.0"
        case .asvs: "OWASP ASVS 4.0.3"
        case .nist80053: "NIST SP 800-53 rev5"
        }
    }

    /// What one group of requirements is called: PCI DSS principal requirements, ASVS chapters,
    /// 800-53 families.
    public var groupNoun: String {
        switch self {
        case .pciDSS: "requirement"
        case .asvs: "chapter"
        case .nist80053: "family"
        }
    }

    /// The prefixes a reference to this framework starts with: the shipped checklist's form and,
    /// for 800-53, the catalog title an OSCAL import writes.
    var prefixes: [String] {
        switch self {
        case .pciDSS: ["PCI DSS v4.0 "]
        case .asvs: ["OWASP ASVS 4.0.3 "]
        case .nist80053: ["NIST SP 800-53 rev5 ", "NIST Special Publication 800-53 Revision 5 "]
        }
    }

    /// The requirement id `reference` names in this framework, nil when it names another one or
    /// its id does not have the framework's shape (`3.5.1`, `V9.1.1`, `SC-8(1)`).
    public func requirement(in reference: String) -> String? {
        guard let prefix = prefixes.first(where: reference.hasPrefix) else { return nil }
        let id = String(reference.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
        return hasShape(id) ? id : nil
    }

    /// Whether `id` is shaped as this framework's requirement ids are.
    private func hasShape(_ id: String) -> Bool {
        switch self {
        case .pciDSS: id.wholeMatch(of: #/[0-9]{1,2}(\.[0-9]+)*/#) != nil
        case .asvs: id.wholeMatch(of: #/V[0-9]{1,2}\.[0-9]+\.[0-9]+/#) != nil
        case .nist80053: id.wholeMatch(of: #/[A-Z]{2}-[0-9]+(\([0-9]+\))?/#) != nil
        }
    }

    /// The group `id` belongs to: `3` for `3.5.1`, `V9` for `V9.1.1`, `SC` for `SC-8(1)`.
    public func group(of id: String) -> String {
        switch self {
        case .pciDSS: String(id.prefix { $0 != "." })
        case .asvs: String(id.prefix { $0 != "." })
        case .nist80053: String(id.prefix { $0 != "-" })
        }
    }
}

/// Orders requirement ids as people read them: `3.4.1` before `3.10.1`, `AC-2` before `AC-2(1)`
/// before `AC-10`.
public enum RequirementOrder {
    /// Whether `lhs` comes before `rhs`.
    public static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        let left = parts(lhs), right = parts(rhs)
        for (a, b) in zip(left, right) where a != b {
            switch (Int(a), Int(b)) {
            case let (x?, y?): return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a < b
            }
        }
        return left.count < right.count
    }

    /// Letters and numbers of an id, split at every other character.
    private static func parts(_ id: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var digits = false
        for character in id {
            if character.isLetter || character.isNumber {
                if !current.isEmpty, character.isNumber != digits {
                    parts.append(current)
                    current = ""
                }
                digits = character.isNumber
                current.append(character)
            } else if !current.isEmpty {
                parts.append(current)
                current = ""
            }
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }
}
