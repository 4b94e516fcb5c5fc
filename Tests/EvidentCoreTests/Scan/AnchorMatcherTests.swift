@testable import EvidentCore
import Testing

/// The prefilter finds every anchor, in any case, exactly where a plain search would, and the
/// detector table is complete.
@Suite struct AnchorMatcherTests {
    private static let anchors = ["verify", "sk_live_", "http://", "select", "err.stack", "abc", "bcd", "500"]

    /// Every (position, anchor) a naive case-insensitive search finds.
    private func naive(_ text: [UInt8]) -> Set<[Int]> {
        var found: Set<[Int]> = []
        for (index, anchor) in Self.anchors.enumerated() {
            let needle = anchor.utf8.map(ASCII.lower)
            guard text.count >= needle.count else { continue }
            for start in 0...(text.count - needle.count) where (0..<needle.count).allSatisfy({ ASCII.lower(text[start + $0]) == needle[$0] }) {
                found.insert([start, index])
            }
        }
        return found
    }

    private func fast(_ text: [UInt8]) -> Set<[Int]> {
        let matcher = AnchorMatcher(anchors: Self.anchors.enumerated().map { ($1, DetectorSet.only($0)) })
        var found: Set<[Int]> = []
        for hit in text.withUnsafeBufferPointer({ matcher.hits(in: $0) }) {
            for index in 0..<Self.anchors.count where hit.detectors.contains(.only(index)) { found.insert([hit.position, index]) }
        }
        return found
    }

    @Test func agreesWithANaiveSearchOnHandPickedText() {
        let text = Array("abcd VERIFY=false; Select 500 sk_live_ HTTP://x err.STACK abc\nabcd".utf8)
        #expect(fast(text) == naive(text))
        #expect(fast(text).count == 11)
    }

    @Test func agreesWithANaiveSearchOnRandomText() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdABCDsSeElLtT_:/.500 \nverifykKihp".utf8)
        for _ in 0..<200 {
            let text = (0..<Int.random(in: 0...300, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            #expect(fast(text) == naive(text))
        }
    }

    @Test func findsNothingInShortOrEmptyText() {
        #expect(fast([]).isEmpty && fast(Array("ab".utf8)).isEmpty)
        #expect(fast(Array("abc".utf8)) == [[0, 5]])
    }

    @Test func theTableHasOneEntryPerDetectorIDWithAnchorsAndTexts() {
        #expect(Detector.all.map(\.id) == DetectorID.allCases)
        for detector in Detector.all {
            #expect(!detector.anchors.isEmpty && !detector.title.isEmpty && !detector.help.isEmpty)
            #expect(detector.anchors.allSatisfy { $0.utf8.count >= 3 })
        }
    }
}
