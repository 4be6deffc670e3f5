import Foundation

@testable import GreenSilkUI

/// The repository root, found from this file's path so tests run from any
/// working directory.
let themeTestRepoRoot: String = {
  var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
  parts.removeLast(3)  // Tests/GreenSilkUITests/ThemeTestSupport.swift
  return parts.joined(separator: "/")
}()

let shippedThemesDirectory = themeTestRepoRoot + "/Themes"

/// A fresh temporary directory holding `files` (name → text).
func makeThemeDirectory(_ files: [String: String]) throws -> String {
  let path = NSTemporaryDirectory() + "greensilk-theme-" + UUID().uuidString
  try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  for (name, text) in files {
    try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8)
  }
  return path
}
