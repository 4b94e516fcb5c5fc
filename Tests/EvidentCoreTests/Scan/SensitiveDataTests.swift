import EvidentCore
import Testing

/// Secret keys, webhook secrets and card numbers are found and masked; look-alikes are not.
@Suite struct SensitiveDataTests {
    @Test(arguments: [
        ("key sk_live_abcdefghijklmnopqrstuvwxyz123456 here", "key sk_live_…3456 here"),
        ("sk_test_0123456789abcdef", "sk_test_…cdef"),
        ("rk_live_ABCDEFGHIJKLMNOP1234", "rk_live_…1234"),
        ("rk_test_ABCDEFGHIJKLMNOPabcd.", "rk_test_…abcd."),
        ("secret=whsec_1234567890abcdefXYZW", "secret=whsec_…XYZW"),
        ("card 4242 4242 4242 4242 paid", "card …4242 paid"),
        ("4111-1111-1111-1111", "card …1111"),
        ("pan:5555555555554444;", "pan:card …4444;"),
        ("two 4111111111111111 and 378282246310005", "two card …1111 and card …0005"),
    ])
    func masksEverySensitiveValue(input: String, expected: String) {
        #expect(SensitiveData.mask(input).text == expected)
    }

    @Test(arguments: [
        "sk_live_short123",
        "sk_prod_abcdefghijklmnopqrstuvwxyz",
        "whsec_tooShort",
        "order 4242 4242 4242 4241",
        "2026-10-01 12:00",
        "call +1 415-555-0100",
        "id 12345678901234567890123",
        "4242  4242  4242  4242",
        "process.env.LIASONPAY_API_KEY",
    ])
    func leavesLookAlikesAlone(input: String) {
        #expect(SensitiveData.find(in: input).isEmpty)
        #expect(SensitiveData.mask(input).text == input)
    }

    @Test func reportsKindsAndByteRanges() {
        let text = "é sk_live_abcdefghijklmnop1234 4242424242424242"
        let matches = SensitiveData.find(in: text)
        #expect(matches.map(\.kind) == [.secretKey, .cardNumber])
        #expect(matches.first?.range == 3..<31)
        #expect(matches.last?.masked == "card …4242")
    }

    @Test func aLongDigitRunOfWholeGroupsYieldsEachCard() {
        let text = "4111 1111 1111 1111 4242 4242 4242 4242"
        #expect(SensitiveData.mask(text).text == "card …1111 card …4242")
    }
}
