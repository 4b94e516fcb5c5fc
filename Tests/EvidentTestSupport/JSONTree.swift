import Foundation

/// Searches parsed JSON (`JSONSerialization` output) for values by key, wherever they sit.
public enum JSONTree {
    /// Every string under a key named `key`, in document order (strings inside arrays included).
    public static func strings(in value: Any, key: String) -> [String] {
        strings(in: value) { $0 == key }
    }

    /// Every string under a key for which `matches` holds.
    public static func strings(in value: Any, matching matches: (String) -> Bool) -> [String] {
        var found: [String] = []
        collect(value, matches: matches, into: &found)
        return found
    }

    /// Every (key, string) pair in the tree, strings inside arrays reported under the array's key.
    public static func pairs(in value: Any) -> [(key: String, value: String)] {
        var found: [(String, String)] = []
        walk(value, key: "") { key, text in found.append((key, text)) }
        return found
    }

    /// The UUIDs of an OSCAL document's back-matter resources.
    public static func resourceUUIDs(_ root: [String: Any]) -> Set<String> {
        let resources = (root["back-matter"] as? [String: Any])?["resources"] as? [[String: Any]] ?? []
        return Set(resources.compactMap { $0["uuid"] as? String })
    }

    private static func collect(_ value: Any, matches: (String) -> Bool, into found: inout [String]) {
        walk(value, key: "") { key, text in if matches(key) { found.append(text) } }
    }

    private static func walk(_ value: Any, key: String, _ visit: (String, String) -> Void) {
        switch value {
        case let object as [String: Any]:
            for name in object.keys.sorted() { walk(object[name]!, key: name, visit) }
        case let array as [Any]:
            for element in array { walk(element, key: key, visit) }
        case let text as String:
            visit(key, text)
        default:
            break
        }
    }
}
