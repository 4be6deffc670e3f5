import GreenSilkCore

/// The project detail: every field of one project, grouped in sections,
/// under a header (title, light, stage, delivery) that stays in place
/// while the sections scroll. Wide terminals get two columns of sections.
enum ProjectDetailScreen {
  static func render(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
    let glyphs = state.settings.glyphs
    guard let id = state.detail.projectID, let project = state.data.project(id: id) else {
      renderNoProject(state, in: area, into: &buffer)
      return
    }
    let layout = ProjectDetailLayout(project, context: state.context, area: area, glyphs: glyphs)
    let scroll = min(max(0, state.detail.scroll), layout.maxScroll)
    var panel = Panel("Project \(project.id)", glyphs: glyphs).focused()
    if layout.maxScroll > 0 {
      let last = min(layout.contentHeight, scroll + layout.body.height)
      panel = panel.rightTitle("\(scroll + 1)-\(last) of \(layout.contentHeight)")
    }
    panel.render(in: area, into: &buffer)
    for (row, line) in layout.header.enumerated() {
      line.render(at: layout.content.x, y: layout.content.y + row, width: layout.content.width, glyphs: glyphs, into: &buffer)
    }
    for column in layout.columns {
      for row in 0..<layout.body.height {
        let index = scroll + row
        guard index < column.lines.count else { break }
        column.lines[index].render(at: column.x, y: layout.body.y + row, width: column.width, glyphs: glyphs, into: &buffer)
      }
    }
    let bar = Scrollbar(total: layout.contentHeight, visible: layout.body.height, offset: scroll, glyphs: glyphs)
    bar.render(in: Rect(x: layout.inner.maxX - 1, y: layout.body.y, width: 1, height: layout.body.height), into: &buffer)
  }

  /// Screen 4 before any project was opened, or after the opened one left
  /// the data: say so, and how to pick one.
  static func renderNoProject(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
    let inner = Panel("Project", glyphs: state.settings.glyphs).render(in: area, into: &buffer)
    guard !inner.isEmpty else { return }
    var paragraphs: [(String, Style)]
    if let id = state.detail.projectID {
      paragraphs = [
        ("Project \(id) is no longer in the data", Style(.title)),
        ("It was removed or renamed since it was opened.", .text),
      ]
    } else {
      paragraphs = [("No project chosen yet", Style(.title))]
    }
    paragraphs.append((
      "Pick one in the Pipeline (press 3) or in a corridor's project list (press 2): move to a project and press Enter.",
      .text))
    paragraphs.append(("In the Pipeline, / filters by id, title, country or agency.", Style(.muted)))
    let width = max(1, min(inner.width - 4, 60))
    var lines: [(String, Style)] = []
    for (index, (text, style)) in paragraphs.enumerated() {
      if index > 0 { lines.append(("", .text)) }
      lines += TextWidth.wrap(text, width: width).map { ($0, style) }
    }
    let top = inner.y + max(0, (inner.height - lines.count) / 2)
    let x = inner.x + max(0, (inner.width - width) / 2)
    for (offset, (line, style)) in lines.enumerated() where top + offset < inner.maxY {
      buffer.put(line, x: x, y: top + offset, style: style, maxWidth: inner.maxX - x)
    }
  }
}

/// The project detail laid out in an area: the fixed header, and one or
/// two columns of section lines that scroll together. The reducer builds
/// the same layout to clamp the scroll to the content.
struct ProjectDetailLayout {
  /// Below this content width, one column of sections.
  static let twoColumnWidth = 110

  var inner: Rect
  /// The inner area less a cell of padding on the left and the scroll
  /// bar's column on the right.
  var content: Rect
  var header: [DetailLine]
  /// The scrolling part, below the header.
  var body: Rect
  var columns: [(x: Int, width: Int, lines: [DetailLine])]

  init(_ project: Project, context: DataContext, area: Rect, glyphs: GlyphSet) {
    inner = Panel.inner(of: area)
    // A cell of padding on each side, then the scroll bar's column.
    content = Rect(x: inner.x + 1, y: inner.y, width: max(0, inner.width - 3), height: inner.height)
    header = Self.header(project, context: context, width: content.width, glyphs: glyphs)
    body = content.splitTop(min(header.count, max(0, content.height - 1))).rest
    let sections = ProjectDetailSections.all
    let area = content
    guard area.width >= Self.twoColumnWidth else {
      let lines = Self.join(sections.map { Self.lines($0, project, context, area.width, glyphs) })
      columns = [(area.x, area.width, lines)]
      return
    }
    let gap = 3
    let leftWidth = (area.width - gap) / 2
    let rightWidth = area.width - gap - leftWidth
    // Sections keep their order: the left column takes the first few, the
    // right the rest, split where the two columns come out most even.
    let left = sections.map { Self.lines($0, project, context, leftWidth, glyphs) }
    let right = sections.map { Self.lines($0, project, context, rightWidth, glyphs) }
    var best = (split: 1, height: Int.max)
    for split in 1..<sections.count {
      let height = max(Self.height(of: left[..<split]), Self.height(of: right[split...]))
      if height < best.height { best = (split, height) }
    }
    columns = [
      (area.x, leftWidth, Self.join(left[..<best.split])),
      (area.x + leftWidth + gap, rightWidth, Self.join(right[best.split...])),
    ]
  }

  var contentHeight: Int { columns.map(\.lines.count).max() ?? 0 }
  var maxScroll: Int { max(0, contentHeight - body.height) }

  /// One section's lines, `width` cells wide.
  static func lines(
    _ section: ProjectDetailSections.Section, _ project: Project, _ context: DataContext, _ width: Int,
    _ glyphs: GlyphSet
  ) -> [DetailLine] {
    var writer = DetailWriter(width: width, glyphs: glyphs)
    section(&writer, project, context)
    return writer.lines
  }

  /// Sections one after the other, a blank line between two.
  static func join(_ sections: some Collection<[DetailLine]>) -> [DetailLine] {
    var lines: [DetailLine] = []
    for section in sections {
      if !lines.isEmpty { lines.append(DetailLine([])) }
      lines += section
    }
    return lines
  }

  static func height(of sections: some Collection<[DetailLine]>) -> Int {
    sections.reduce(0) { $0 + $1.count } + max(0, sections.count - 1)
  }

  /// The title (up to three lines) and one line of badges: light, stage,
  /// delivery, overdue milestones, key project.
  static func header(_ project: Project, context: DataContext, width: Int, glyphs: GlyphSet) -> [DetailLine] {
    guard width > 0 else { return [] }
    var title = TextWidth.wrap(project.title, width: width)
    if title.count > 3 {
      title = Array(title.prefix(3))
      title[2] = TextWidth.truncate(title[2] + " " + glyphs.ellipsis, toWidth: width, ellipsis: glyphs.ellipsis)
    }
    var lines = title.map { DetailLine([Span($0, style: Style(.title))]) }
    let lightRole = Presentation.role(for: project.light)
    var badges: [Span] = [
      Span(glyphs.dot + " ", role: lightRole),
      Span(project.light.map { "\($0.label) light" } ?? "No light yet", role: lightRole),
      Span("  ·  ", role: .muted), Span(project.stage.label, role: Presentation.role(for: project.stage)),
      Span("  ·  ", role: .muted), Span(project.delivery.label, role: Presentation.role(for: project.delivery)),
    ]
    let overdue = project.overdueMilestones(asOf: context.today).count
    if overdue > 0 {
      badges += [
        Span("  ·  ", role: .muted),
        Span("\(glyphs.overdue) \(overdue) overdue milestone\(overdue == 1 ? "" : "s")", role: .overdue),
      ]
    }
    if project.isKeyProject { badges += [Span("  ·  ", role: .muted), Span("Key project", role: .title)] }
    // Stays visible, marked: the reason is in the Finance section.
    if project.notInTotals != nil {
      badges += [Span("  ·  ", role: .muted), Span("Not in totals", role: .warning)]
    }
    if project.hasEstimate {
      badges += [Span("  ·  ", role: .muted), Span(ProjectDetailFields.estimateMark(glyphs) + " estimates", role: .warning)]
    }
    lines.append(DetailLine(badges))
    return lines
  }
}
