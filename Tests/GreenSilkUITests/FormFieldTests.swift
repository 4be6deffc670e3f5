import GreenSilkCore
import Testing

@testable import GreenSilkUI

/// Every field type of the forms, with its validation messages.
@Suite struct FormFieldTests {
  let context = FormContext(countryNames: ScreenFixture.shipped.dataSet.countryNames)

  func projectForm() -> FormState {
    FormState.editing(ScreenFixture.shipped.dataSet.project(id: "P-0007")!, context: context)
  }

  func error(_ form: inout FormState, _ key: String, _ text: String) -> String? {
    let index = form.index(of: key)!
    form.fields[index].text = text
    form.validateField(index, context: context)
    return form.fields[index].error
  }

  @Test func singleLineTextRequired() {
    var form = projectForm()
    #expect(error(&form, "title", "   ") == "a title is required")
    #expect(error(&form, "title", "Gwadar plant") == nil)
  }

  @Test func datesSayWhatIsWrongAndWhatIsExpected() {
    var form = projectForm()
    #expect(error(&form, "dates.planned_start", "2025-13-01") == "\"2025-13-01\": month 13 is not 01-12 — expected YYYY-MM-DD, e.g. 2026-06-30")
    #expect(error(&form, "dates.planned_start", "30/06/2026") == "\"30/06/2026\": expected a date as YYYY-MM-DD — expected YYYY-MM-DD, e.g. 2026-06-30")
    #expect(error(&form, "dates.planned_start", "2025-02-29") == "\"2025-02-29\": day 29 does not exist in 2025-02 — expected YYYY-MM-DD, e.g. 2026-06-30")
    #expect(error(&form, "dates.planned_start", "") == nil)
    #expect(error(&form, "dates.planned_start", "2026-06-30") == nil)
  }

  @Test func moneyAndCurrency() {
    var form = projectForm()
    #expect(error(&form, "budget.amount", "12,500,000") == nil)
    #expect(error(&form, "budget.amount", "12.5 million") == "\"12.5 million\" is not an amount — expected digits such as 12,500,000 or 1250.50")
    #expect(error(&form, "budget.amount", "-5") == "an amount cannot be negative")
    #expect(error(&form, "budget.currency", "usd") == nil)
    #expect(error(&form, "budget.currency", "US$") == "\"US$\" is not a currency — expected a three-letter ISO 4217 code such as USD, CNY, EUR")
  }

  @Test func choicesAcceptLabelsOrFileSpellings() {
    var form = projectForm()
    #expect(error(&form, "stage", "Approved") == nil)
    #expect(error(&form, "screening.pollution", "significant_irreversible") == nil)
    #expect(
      error(&form, "delivery", "late")
        == "\"late\" is not a delivery health — pick one of: On track, At risk, Off track, Not assessed")
  }

  @Test func countriesAndCorridorsByCodeOrName() {
    var form = projectForm()
    #expect(error(&form, "countries", "MYS, Thailand") == nil)
    #expect(error(&form, "countries", "MYS, Malasia") == "unknown country \"Malasia\" — type an ISO code (MYS) or a name; ↓ lists matches")
    #expect(error(&form, "corridors", "cpec, CICPEC") == nil)
    #expect(error(&form, "corridors", "MSR") == "unknown corridor \"MSR\" — expected codes among NELB, CMREC, CCWAEC, CICPEC, CPEC, BCIMEC")
  }

  @Test func listsReportTheLineAndTheFormat() {
    var form = projectForm()
    #expect(error(&form, "milestones", "2026-06-30 | Commissioning |\n2026-13-01 | Handover") == "line 2: \"2026-13-01\": month 13 is not 01-12 — expected YYYY-MM-DD, e.g. 2026-06-30 — expected due | title | done, e.g. 2026-06-30 | Commissioning |")
    #expect(error(&form, "indicators", "Capacity | MW | 0 | 50") == "line 1: 4 part(s) — expected title | unit | baseline | target | actual | 2025 or 2030")
    #expect(error(&form, "indicators", "Capacity | MW | 0 | 50 | - | 2030") == nil)
    #expect(error(&form, "budget.financing", "green_bond | 10,000,000 | Bank\nbond | 5") != nil)
    #expect(error(&form, "partners", "Silk Road Fund | lender") == "line 1: \"lender\" is not a partner role — pick one of: Funding, Accountable, Extending, Implementing, Guarantor, Insurer — expected name | role | kind, e.g. Silk Road Fund | funding | fund")
    #expect(error(&form, "sdgs", "6, 18") == "\"18\" is not an SDG — expected numbers 1-17, e.g. 6, 13")
  }

  @Test func participantsOnePerLine() {
    var form = FormState.editing(ScreenFixture.shipped.dataSet.activities[3], context: context)
    #expect(error(&form, "participants", "PAK 5\nMalaysia 3") == nil)
    #expect(error(&form, "participants", "PAK five") == "line 1: no count at the end of \"PAK five\" — expected one country per line: code or name, then the count, e.g. PAK 5")
    #expect(error(&form, "participants", "PAK 5\nPakistan 2") == "line 2: PAK is listed twice — expected one country per line: code or name, then the count, e.g. PAK 5")
  }

  @Test func unchangedFormAssemblesToTheSameRecord() throws {
    let project = ScreenFixture.shipped.dataSet.project(id: "P-0007")!
    var form = FormState.editing(project, context: context)
    guard let assembled = form.assemble(context: context)?.typed(Project.self)?.record else {
      Issue.record("did not assemble: \(form.fields.compactMap(\.error))")
      return
    }
    #expect(assembled == project)
    for activity in ScreenFixture.shipped.dataSet.activities {
      var activityForm = FormState.editing(activity, context: context)
      guard let back = activityForm.assemble(context: context)?.typed(EnvoyActivity.self)?.record else {
        Issue.record("\(activity.id) did not assemble")
        continue
      }
      #expect(back == activity)
    }
  }

  @Test func everyShippedProjectRoundTripsThroughItsForm() {
    for project in ScreenFixture.shipped.dataSet.projects {
      var form = FormState.editing(project, context: context)
      guard let back = form.assemble(context: context)?.typed(Project.self)?.record else {
        Issue.record("\(project.id): \(form.fields.compactMap { $0.error.map { e in "\(e)" } })")
        continue
      }
      #expect(back == project, "\(project.id)")
    }
  }
}
