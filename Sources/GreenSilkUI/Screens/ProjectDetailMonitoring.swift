import GreenSilkCore

/// The milestones and indicators of the project detail (renderers of
/// `ProjectDetailFields`; their headings' counts are `headingNote`).
extension ProjectDetailFields {
  static func milestones(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    let today = context.today
    if p.milestones.isEmpty { w.paragraph("No milestones recorded.", indent: 0, style: Style(.muted)) }
    // marker, due date, status, then the title wrapped beside them.
    let statusWidth = 15
    let titleColumn = 2 + 10 + 2 + statusWidth + 2
    for milestone in p.milestones {
      let late = milestone.isOverdue(asOf: today)
      let status: Span
      if let doneOn = milestone.done {
        status = Span("done " + doneOn.description, role: .muted)
      } else if late {
        status = Span(DetailText.days(milestone.due.days(until: today)) + " late", role: .overdue)
      } else {
        status = Span("due in " + DetailText.days(today.days(until: milestone.due)), role: .text)
      }
      let marker = late ? Span(w.glyphs.overdue + " ", role: .overdue) : Span("  ")
      let titleLines = TextWidth.wrap(milestone.title, width: max(1, w.width - titleColumn))
      let fixed = [
        marker, Span(milestone.due.description, role: late ? .overdue : .text), Span("  "),
        Span(TextWidth.pad(status.text, toWidth: statusWidth), style: status.style), Span("  "),
      ]
      for (index, title) in titleLines.enumerated() {
        if index == 0 {
          w.line(DetailLine(fixed + [Span(title)]))
        } else {
          w.line(DetailLine(indent: titleColumn, [Span(title)]))
        }
      }
    }
  }
  static func indicators(_ w: inout DetailWriter, _ p: Project, _ context: DataContext) {
    if p.indicators.isEmpty { w.paragraph("No indicators recorded.", indent: 0, style: Style(.muted)) }
    let gaugeWidth = max(8, min(24, w.width / 3))
    for indicator in p.indicators {
      let title = indicator.title + " (\(indicator.goal.label))"
      w.paragraph(title, indent: 0)
      let baseline = NumberText.compact(indicator.baseline)
      let target = NumberText.compact(indicator.target)
      let unit = indicator.unit.isEmpty ? "" : " " + indicator.unit
      if let progress = indicator.progress, let actual = indicator.actual {
        w.line(DetailLine(indent: 2, [
          Span(TextWidth.pad(NumberText.percent(progress), toWidth: 4, align: .right)),
          Span("  \(baseline) \(DetailText.arrow(w.glyphs)) ", role: .muted),
          Span(NumberText.compact(actual), style: Style(.text, emphasis: .bold)),
          Span(" \(DetailText.arrow(w.glyphs)) \(target)\(unit)", role: .muted),
        ], gauge: (progress, gaugeWidth)))
      } else {
        let why = indicator.actual == nil ? "no actual value reported yet" : "baseline equals target"
        w.line(DetailLine(indent: 2, [Span("\(why) · baseline \(baseline), target \(target)\(unit)", role: .muted)]))
      }
    }
  }}
