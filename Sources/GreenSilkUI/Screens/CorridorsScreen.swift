import GreenSilkCore

/// The Corridors screen: the six corridors on the left, the selected
/// one's profile (countries, stages, lights, envoys) and its projects on
/// the right. Enter moves the focus into the project table, Enter again
/// opens a project, Esc goes back to the list.
///
///     ┌ Corridors ─────┐┌ CICPEC · China-Indochina Peninsula ── 51 projects ┐
///     │▶ NELB   New E… ││ Countries  Cambodia, China, Lao People's…         │
///     │  …             ││ Concept      ███▌   7   Green      █████  34      │
///     └────────────────┘│ …                                                 │
///     ┌ Budget  USD … ─┐└───────────────────────────────────────────────────┘
///     │Green finance … │┌ Projects ─────────────────────────────── 51 ──────┐
///
/// Everything shown is read from `Portfolio.corridors` and
/// `CorridorsState` (both computed once per data change); the table
/// builds only its visible rows.
enum CorridorsScreen {
  /// Where each part of the screen goes in a body area.
  struct Areas: Equatable {
    var list: Rect
    /// Member countries with envoy participants (only when tall enough).
    var members: Rect?
    var budget: Rect
    var profile: Rect
    var table: Rect
  }

  /// Rows the list panel needs: the six corridors and the border.
  static let listHeight = CorridorCode.allCases.count + 2
  /// Rows the budget panel needs: two groups of instruments, the
  /// unattributed rest, the green share and the border.
  static let budgetHeight = 13
  /// Stage bars: one row per stage.
  static let stageRows = Stage.allCases.count

  static func layout(_ area: Rect) -> Areas {
    let leftWidth = min(44, max(24, area.width * 3 / 10))
    let columns = Layout.horizontal([.length(leftWidth), .fill(1)]).split(area)
    let left = columns[0]
    let right = columns[1]
    let rest = left.height - listHeight
    let showsMembers = rest >= budgetHeight + 6
    let leftRows = Layout.vertical(
      showsMembers ? [.length(listHeight), .length(budgetHeight), .fill(1)] : [.length(listHeight), .fill(1)]
    ).split(left)
    // Border, two rows of countries (or of the route when the members
    // panel lists the countries), the stage bars.
    let profileHeight = 2 + 2 + stageRows
    // In a short window the profile gives way before the table does.
    let rightRows = Layout.vertical([.max(profileHeight), .min(6)]).split(right)
    return Areas(
      list: leftRows[0], members: showsMembers ? leftRows[2] : nil, budget: leftRows[1],
      profile: rightRows[0], table: rightRows[1])
  }

  /// Project rows the table shows in a window of `size` (what PgUp and
  /// PgDn move by).
  static func tableRows(in size: Size) -> Int {
    Table.rows(inPanel: layout(AppView.body(for: size)).table)
  }

  static func render(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    let areas = layout(area)
    let corridors = state.context.portfolio.corridors
    let index = min(max(state.corridors.selected, 0), corridors.count - 1)
    CorridorsSidebar.renderList(state, in: areas.list, into: &buffer)
    if let members = areas.members {
      CorridorsSidebar.renderMembers(state, in: members, into: &buffer)
    }
    guard corridors.indices.contains(index) else { return }
    let summary = corridors[index]
    CorridorsSidebar.renderBudget(summary, glyphs: state.settings.glyphs, in: areas.budget, into: &buffer)
    CorridorsProfile.render(state, summary, showsRoute: areas.members != nil, in: areas.profile, into: &buffer)
    CorridorsTable.render(state, in: areas.table, into: &buffer)
  }

  /// `China-Indochina Peninsula` for `China-Indochina Peninsula Economic
  /// Corridor`: the part that tells the corridors apart.
  static func shortName(_ name: String) -> String {
    for suffix in [" Economic Corridor", " Corridor"] where name.hasSuffix(suffix) && name.count > suffix.count {
      return String(name.dropLast(suffix.count))
    }
    return name
  }
}
