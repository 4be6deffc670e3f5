import ArgumentParser

@main
struct GreenSilk: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "greensilk",
    abstract: "A terminal dashboard for the Belt and Road Ecological and Environmental Cooperation Plan."
  )
  func run() throws { print("GreenSilk") }
}
