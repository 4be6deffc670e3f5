import GreenSilkCore

/// One activity in full: title, dates, place, host, focus, who came from
/// where, and where the record comes from.
enum EnvoysActivity {
  static func render(_ state: AppState, in area: Rect, into buffer: inout Buffer, focused: Bool) {
    let glyphs = state.settings.glyphs
    guard let activity = state.envoys.selectedActivity(state.data) else {
      let inner = Panel("Activity", glyphs: glyphs).focused(focused).render(in: area, into: &buffer)
      if !inner.isEmpty { buffer.put("No activity selected", in: inner.row(0), style: Style(.muted)) }
      return
    }
    let inner = Panel("\(activity.id) \(activity.kind.label)", glyphs: glyphs)
      .rightTitle(activity.source.isIllustrative ? "illustrative" : "sourced")
      .focused(focused)
      .render(in: area, into: &buffer)
      .inset(horizontal: 1, vertical: 0)
    guard !inner.isEmpty else { return }

    var lines: [(label: String, text: String, style: Style)] = []
    for line in TextWidth.wrap(activity.title, width: inner.width) {
      lines.append(("", line, Style(.text, emphasis: .bold)))
    }
    lines.append(("", "", .text))
    let labelWidth = 8
    let valueWidth = max(1, inner.width - labelWidth - 1)
    func add(_ label: String, _ text: String, _ style: Style = .text) {
      for (index, line) in TextWidth.wrap(text, width: valueWidth).enumerated() {
        lines.append((index == 0 ? label : "", line, style))
      }
    }
    let days = activity.start.days(until: activity.end) + 1
    add("When", activity.end == activity.start
      ? activity.start.description
      : "\(activity.start) to \(activity.end) (\(days) days)")
    add("Where", activity.location)
    add("Host", activity.host)
    add("Focus", activity.focus.label)
    add("People", peopleText(activity))
    // Packed by entry, so that a country never parts from its count.
    for line in pack(breakdown(activity, state.data), width: valueWidth) { lines.append(("", line, Style(.muted))) }
    add("Source", activity.source.dataset + (activity.source.asOf.map { ", as of \($0)" } ?? ""))
    if let url = activity.source.url, !url.isEmpty { add("", url, Style(.link)) }
    if let note = activity.source.note, !note.isEmpty { add("", note, Style(.muted)) }

    for (row, line) in lines.enumerated() {
      let y = inner.y + row
      guard y < inner.maxY else { break }
      if !line.label.isEmpty { buffer.put(line.label, x: inner.x, y: y, style: Style(.muted), maxWidth: labelWidth) }
      // The title spans the width; fields sit right of their labels.
      let x = line.style.emphasis == .bold ? inner.x : inner.x + labelWidth + 1
      buffer.put(line.text, x: x, y: y, style: line.style, maxWidth: inner.maxX - x)
    }
  }

  /// `24 from 5 countries`, or the reported total and what the breakdown
  /// covers when they differ.
  static func peopleText(_ activity: EnvoyActivity) -> String {
    let counted = activity.countedParticipants
    let countries = activity.participants.count
    let from = "from \(countries) \(countries == 1 ? "country" : "countries")"
    guard let reported = activity.reportedTotal, reported > counted else {
      return "\(Presentation.count(counted)) \(from)"
    }
    // The source's own qualifier ("about 30", "more than 50") stays with
    // its figure: the stored number is not exact.
    let shown = activity.totalQualifier.map { "\($0) \(Presentation.count(reported))" } ?? Presentation.count(reported)
    if counted == 0 { return "\(shown), a reported total (no per-country breakdown)" }
    return "\(shown) reported; \(Presentation.count(counted)) \(from) in the breakdown"
  }

  /// `Thailand 6`, `Viet Nam 5`, …: most first.
  static func breakdown(_ activity: EnvoyActivity, _ data: DataSet) -> [String] {
    activity.participants
      .map { (name: data.countryName($0.country), count: $0.count) }
      .sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
      .map { "\($0.name) \($0.count)" }
  }

  /// Entries joined by ", " into lines of at most `width` columns, a line
  /// breaking only between entries (an entry wider than a line is cut
  /// when drawn).
  static func pack(_ entries: [String], width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for (index, entry) in entries.enumerated() {
      let piece = entry + (index + 1 < entries.count ? "," : "")
      if line.isEmpty {
        line = piece
      } else if TextWidth.columns(of: line) + 1 + TextWidth.columns(of: piece) <= width {
        line += " " + piece
      } else {
        lines.append(line)
        line = piece
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }
}
