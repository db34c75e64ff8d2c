import Foundation
import Testing
@testable import AnkangModel

@Suite("Unified social credit code (GB 32100)")
struct UnifiedSocialCreditCodeTests {
    @Test("worked examples check out", arguments: ["91321084732318620H", "8132108450781234X1"])
    func workedExamples(_ text: String) {
        let code = UnifiedSocialCreditCode(text)
        #expect(code.isValid)
        #expect(code.problems.isEmpty)
        #expect(code.expectedCheckCharacter == String(text.last!))
        #expect(code.divisionCode == "321084")
        #expect(code.embeddedOrgCode?.isValid == true)
    }

    @Test func enterpriseExampleDetails() throws {
        let code = UnifiedSocialCreditCode("91321084732318620H")
        #expect(code.registrationAuthorityCode == "9")
        #expect(code.registrationAuthority?.zh == "工商")
        #expect(code.organizationType?.zh == "企业")
        #expect(code.checkCharacter == "H")
        let org = try #require(code.embeddedOrgCode)
        #expect(org.normalized == "732318620")
        #expect(org.formatted == "73231862-0")
        #expect(org.isValid)
    }

    @Test func unionExampleDetails() {
        let code = UnifiedSocialCreditCode("8132108450781234X1")
        #expect(code.registrationAuthority?.zh == "工会")
        #expect(code.organizationType?.zh == "基层工会")
        #expect(code.organizationType?.en == "Base-level trade union")
        #expect(code.embeddedOrgCode?.formatted == "50781234-X")
        #expect(code.embeddedOrgCode?.isValid == true)
    }

    @Test func checkCharacterHelper() {
        #expect(UnifiedSocialCreditCode.checkCharacter(forBody: "91321084732318620") == "H")
        #expect(UnifiedSocialCreditCode.checkCharacter(forBody: "8132108450781234X") == "1")
        #expect(UnifiedSocialCreditCode.checkCharacter(forBody: "9132108473231862") == nil)
        #expect(UnifiedSocialCreditCode.checkCharacter(forBody: "9132108473231862O") == nil)
        // The weights are 3^i mod 31.
        var power = 1
        for weight in UnifiedSocialCreditCode.weights {
            #expect(weight == power)
            power = power * 3 % 31
        }
    }

    @Test func wrongCheckCharacterIsAWarning() {
        let code = UnifiedSocialCreditCode("91321084732318620A")
        #expect(!code.isValid)
        #expect(code.isWellFormed)
        #expect(code.hasCheckCharacterMismatch)
        #expect(code.problems == [.checkCharacterMismatch(expected: "H", actual: "A")])
        #expect(code.problems.first?.severity == .warning)
        #expect(code.expectedCheckCharacter == "H")
    }

    @Test func knownRealWorldAnomalyFailsChecksum() {
        // A code special-cased by a published validator (domain.md S29).
        let code = UnifiedSocialCreditCode("91350203M0001QAY9B")
        #expect(code.isWellFormed)
        #expect(code.problems == [.checkCharacterMismatch(expected: "9", actual: "B")])
    }

    @Test("wrong length", arguments: [("91321084732318620", 17), ("91321084732318620HH", 19), ("9132108473", 10)])
    func wrongLength(_ text: String, _ count: Int) {
        let code = UnifiedSocialCreditCode(text)
        #expect(!code.isWellFormed)
        #expect(code.problems.contains(.wrongLength(expected: 18, actual: count)))
        #expect(!code.hasCheckCharacterMismatch)
    }

    @Test func missingCheckCharacterStillComputesTheExpectedOne() {
        #expect(UnifiedSocialCreditCode("91321084732318620").expectedCheckCharacter == "H")
    }

    @Test("forbidden letters I O S V Z", arguments: ["I", "O", "S", "V", "Z"])
    func forbiddenLetters(_ letter: String) {
        // In the organisation-code part (position 9) and as check character (position 18).
        let inBody = UnifiedSocialCreditCode("91321084" + letter + "32318620H")
        #expect(inBody.problems.contains(.forbiddenLetter(letter, position: 9)))
        #expect(!inBody.isWellFormed)
        #expect(inBody.expectedCheckCharacter == nil)
        let asCheck = UnifiedSocialCreditCode("91321084732318620" + letter)
        #expect(asCheck.problems == [.forbiddenLetter(letter, position: 18)])
        #expect(asCheck.expectedCheckCharacter == "H")
    }

    @Test func lettersNotAllowedInDivisionCode() {
        let code = UnifiedSocialCreditCode("91A21084732318620H")
        #expect(code.problems == [.invalidCharacter("A", position: 3)])
        #expect(code.divisionCode == nil)
    }

    @Test func otherInvalidCharacters() {
        #expect(UnifiedSocialCreditCode("9132108473231862-H").problems == [.invalidCharacter("-", position: 17)])
        #expect(UnifiedSocialCreditCode("").problems == [.empty])
    }

    @Test func lowercaseAndWhitespaceAreNormalised() {
        let code = UnifiedSocialCreditCode(" 91321084732318620h\n")
        #expect(code.normalized == "91321084732318620H")
        #expect(code.problems == [.notCanonical])
        #expect(code.isWellFormed)
        #expect(!code.isValid)
    }

    @Test func problemsHaveBilingualMessages() {
        let problem = IdentifierProblem.checkCharacterMismatch(expected: "H", actual: "A")
        #expect(problem.message.zh.contains("校验码"))
        #expect(problem.message.en.contains("'H'"))
    }
}

@Suite("Organisation code (GB 11714)")
struct OrganizationCodeTests {
    @Test("valid with or without hyphen", arguments: ["73231862-0", "732318620", "50781234-X", "50781234X"])
    func valid(_ text: String) {
        let code = OrganizationCode(text)
        #expect(code.isValid)
        #expect(code.normalized.count == 9)
        #expect(!code.normalized.contains("-"))
        #expect(code.hadHyphen == text.contains("-"))
    }

    @Test func checkCharacterRules() {
        #expect(OrganizationCode.checkCharacter(forBody: "73231862") == "0") // Σ mod 11 = 0 → 11 → "0"
        #expect(OrganizationCode.checkCharacter(forBody: "50781234") == "X") // Σ mod 11 = 1 → 10 → "X"
        #expect(OrganizationCode.checkCharacter(forBody: "7323186") == nil)
        #expect(OrganizationCode.checkCharacter(forBody: "7323186*") == nil)
    }

    @Test func formattedForm() {
        #expect(OrganizationCode("732318620").formatted == "73231862-0")
    }

    @Test func wrongCheckCharacter() {
        let code = OrganizationCode("73231862-1")
        #expect(code.problems == [.checkCharacterMismatch(expected: "0", actual: "1")])
        #expect(code.isWellFormed)
        #expect(!code.isValid)
    }

    @Test func checkCharacterMustBeDigitOrX() {
        let code = OrganizationCode("73231862-Y")
        #expect(code.problems == [.invalidCharacter("Y", position: 9)])
        #expect(code.expectedCheckCharacter == "0")
    }

    @Test("wrong length", arguments: [("7323186-0", 8), ("7323186200", 10), ("73231862", 8)])
    func wrongLength(_ text: String, _ count: Int) {
        #expect(OrganizationCode(text).problems.contains(.wrongLength(expected: 9, actual: count)))
    }

    @Test func misplacedHyphen() {
        let code = OrganizationCode("7323-18620")
        #expect(code.problems == [.misplacedHyphen(position: 5)])
        #expect(code.normalized == "732318620")
    }

    @Test func invalidBodyCharacter() {
        let code = OrganizationCode("7323186#-0")
        #expect(code.problems == [.invalidCharacter("#", position: 8)])
        #expect(code.expectedCheckCharacter == nil)
    }
}

@Suite("Business registration number (ISO 7064 MOD 11,10)")
struct BusinessRegistrationNumberTests {
    @Test("valid numbers", arguments: ["110108000000016", "321084000000123", "321084000123456"])
    func valid(_ text: String) {
        let number = BusinessRegistrationNumber(text)
        #expect(number.isValid)
        #expect(number.expectedCheckDigit == String(text.last!))
    }

    @Test func authorityCode() {
        #expect(BusinessRegistrationNumber("321084000000123").authorityCode == "321084")
    }

    @Test func wrongCheckDigit() {
        let number = BusinessRegistrationNumber("110108000000017")
        #expect(number.problems == [.checkCharacterMismatch(expected: "6", actual: "7")])
        #expect(number.isWellFormed)
    }

    @Test("wrong length", arguments: [("11010800000001", 14), ("1101080000000160", 16)])
    func wrongLength(_ text: String, _ count: Int) {
        let number = BusinessRegistrationNumber(text)
        #expect(number.problems.contains(.wrongLength(expected: 15, actual: count)))
        #expect(!number.isWellFormed)
    }

    @Test func nonDigits() {
        let number = BusinessRegistrationNumber("11010800000001X")
        #expect(number.problems == [.invalidCharacter("X", position: 15)])
        #expect(number.expectedCheckDigit == "6")
        #expect(BusinessRegistrationNumber("1101O8000000016").problems == [.invalidCharacter("O", position: 5)])
    }

    @Test func everyCheckDigitSatisfiesTheModulus() {
        // ISO 7064 MOD 11,10: running the recursion over all 15 digits ends with remainder 1.
        for body in ["00000000000000", "99999999999999", "12345678901234", "32108400000012"] {
            let check = BusinessRegistrationNumber.checkDigit(forBody: body)!
            var product = 10
            var last = 0
            for character in body + check {
                last = (product + Int(String(character))!) % 10
                product = ((last == 0 ? 10 : last) * 2) % 11
            }
            #expect(last == 1)
        }
    }
}
