import Testing

@testable import GreenSilkCore

@Suite struct LightDerivationTests {
  typealias R = ImpactRating

  @Test(arguments: [
    // Any significant-and-irreversible dimension makes it red, even with unrated ones.
    (R.significantIrreversible, R.positive, R.positive, TrafficLight?.some(.red)),
    (R.unknown, R.significantIrreversible, R.unknown, .some(.red)),
    (R.positive, R.positive, R.significantIrreversible, .some(.red)),
    // Otherwise undecided while any dimension is unrated.
    (R.unknown, R.positive, R.positive, nil),
    (R.neutralMitigable, R.unknown, R.neutralMitigable, nil),
    // Green: nothing significant and at least one positive.
    (R.positive, R.neutralMitigable, R.neutralMitigable, .some(.green)),
    (R.positive, R.positive, R.positive, .some(.green)),
    // Yellow: all neutral or mitigable.
    (R.neutralMitigable, R.neutralMitigable, R.neutralMitigable, .some(.yellow)),
  ])
  func derivesLight(pollution: R, climate: R, biodiversity: R, expected: TrafficLight?) {
    let screening = Screening(pollution: pollution, climate: climate, biodiversity: biodiversity)
    #expect(screening.light == expected)
  }

  @Test func recordedNeedsAllRatingsAndCategory() {
    var screening = Screening(pollution: .positive, climate: .positive, biodiversity: .positive)
    #expect(!screening.isRecorded)
    screening.esCategory = .c
    #expect(screening.isRecorded)
    screening.climate = .unknown
    #expect(!screening.isRecorded)
  }
}
