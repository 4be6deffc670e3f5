import ArgumentParser
import GreenSilkCore

/// `--all-in-totals`: the one switch, shared by the dashboard, the kiosk,
/// `report` and `export`, that makes every total count every record,
/// those not in totals (pledges, umbrella agreements, cancelled portions,
/// superseded records, records left out by hand) included. Each total
/// then says so.
struct TotalsOptions: ParsableArguments {
  @Flag(
    name: .customLong("all-in-totals"),
    help: "Count every record in the totals, including pledges, umbrella agreements, cancelled portions and other records not in totals (labelled so).")
  var allInTotals = false

  var scope: TotalsScope { allInTotals ? .everything : .eligible }
}
