import GreenSilkCore
import Testing

/// The one number formatter of screens and reports: the same text for
/// the same value everywhere, and no input that traps.
@Suite("Numbers")
struct NumberTextTests {
  @Test func integers() {
    #expect(NumberText.integer(0) == "0")
    #expect(NumberText.integer(999) == "999")
    #expect(NumberText.integer(1_000) == "1,000")
    #expect(NumberText.integer(-1_234_567) == "-1,234,567")
    #expect(NumberText.integer(1_234_567, grouping: false) == "1234567")
    #expect(NumberText.integer(.min) == "-9,223,372,036,854,775,808")
  }

  @Test func decimals() {
    #expect(NumberText.decimal(3.14159, places: 2) == "3.14")
    #expect(NumberText.decimal(2.5, places: 0) == "3")
    #expect(NumberText.decimal(-0.05, places: 1) == "-0.1")
    #expect(NumberText.decimal(1234.5) == "1,234.5")
    #expect(NumberText.decimal(.nan) == "?")
    #expect(NumberText.decimal(1e300) == ">9e15")
    #expect(NumberText.compact(42) == "42")
    #expect(NumberText.compact(10.25) == "10.3")
    #expect(NumberText.percent(1.324) == "132%")
    #expect(NumberText.percent(.infinity) == "?%")
  }

  @Test func money() {
    #expect(NumberText.money(950) == "950")
    #expect(NumberText.money(12_300_000) == "12.3 M")
    #expect(NumberText.money(2_100_000_000) == "2.1 bn")
    #expect(NumberText.money(-45_600) == "-45.6 k")
    #expect(NumberText.money(1_234_500_000_000) == "1234.5 bn")
    #expect(NumberText.money(0.4) == "0")
  }

  /// Every function on the values that trap a naive `Int(…)` or `abs(…)`:
  /// each answers with text (the old report formatter trapped on all of them).
  @Test(arguments: [Double.infinity, -Double.infinity, Double.nan, 1e300, -1e300, Double.greatestFiniteMagnitude, 9.3e18, -9.3e18])
  func extremeDoublesNeverTrap(_ value: Double) {
    #expect(!NumberText.decimal(value).isEmpty)
    #expect(!NumberText.decimal(value, places: 6, grouping: false).isEmpty)
    #expect(!NumberText.compact(value).isEmpty)
    #expect(!NumberText.percent(value).isEmpty)
    #expect(!NumberText.money(value).isEmpty)
  }

  @Test func extremeValuesReadAsSuch() {
    #expect(NumberText.money(.infinity) == "?")
    #expect(NumberText.money(.nan) == "?")
    #expect(NumberText.money(1e300) == ">9e15 bn")
    #expect(NumberText.percent(-.infinity) == "?%")
    #expect(NumberText.percent(1e300) == ">9e15%")
    #expect(NumberText.decimal(-1e300) == "<-9e15")
    #expect(NumberText.integer(.max) == "9,223,372,036,854,775,807")
    #expect(NumberText.integer(.min, grouping: false) == "-9223372036854775808")
  }
}
