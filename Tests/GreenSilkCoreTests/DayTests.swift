import Testing

@testable import GreenSilkCore

@Suite struct DayTests {
  @Test func parsesAndFormatsRoundTrip() throws {
    for text in ["1970-01-01", "2000-02-29", "2025-12-31", "2030-06-15", "1999-03-01"] {
      #expect(try Day.parse(text).description == text)
    }
  }

  @Test func ordersByDate() {
    #expect(Day("2025-01-31")! < Day("2025-02-01")!)
    #expect(Day("2024-12-31")!.days(until: Day("2025-01-01")!) == 1)
  }

  @Test(arguments: [
    ("2025-13-01", "month 13 is not 01-12"),
    ("2025-02-30", "day 30 does not exist in 2025-02"),
    ("2023-02-29", "day 29 does not exist in 2023-02"),
    ("25-01-01", "expected a date as YYYY-MM-DD"),
    ("2025/01/01", "expected a date as YYYY-MM-DD"),
    ("01/02/2025", "expected a date as YYYY-MM-DD"),
    ("2025-1-1", "expected a date as YYYY-MM-DD"),
  ])
  func rejectsBadDatesWithReason(text: String, reason: String) {
    #expect(throws: DateFormatError(text: text, reason: reason)) { try Day.parse(text) }
  }

  @Test func timestampsRoundTrip() {
    let stamp = Timestamp("2026-11-29T06:30:52Z")
    #expect(stamp?.description == "2026-11-29T06:30:52Z")
    #expect(stamp?.day == Day("2026-11-29"))
    #expect(Timestamp("2026-11-29 06:30:52") == nil)
  }
}
