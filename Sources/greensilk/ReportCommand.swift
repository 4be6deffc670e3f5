import ArgumentParser
import GreenSilkCore

/// `greensilk report`: the portfolio overview, headless.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "report", abstract: "Print the portfolio report.")
  @OptionGroup var data: DataOptions
  func run() throws {}
}
