/// Writes a whole data set into a directory (a new data set: `generate`,
/// tests). Each file is written atomically; the directory is created.
public enum DataSetWriter {
  public static func write(_ data: DataSet, to directory: String) throws(FileSystemError) {
    try FileSystem.createDirectory(directory)
    func lines<R: StoredRecord>(_ records: [R]) -> [UInt8] {
      var out: [UInt8] = []
      out.reserveCapacity(records.count * 600)
      for record in records.sorted(by: { $0.id < $1.id }) {
        var writer = JSONWriter()
        record.encode(into: &writer)
        out += writer.bytes
        out.append(0x0A)
      }
      return out
    }
    func put(_ file: DataFile, _ bytes: [UInt8]) throws(FileSystemError) {
      try FileSystem.writeAtomically(FileSystem.join(directory, file.fileName), bytes)
    }
    try FileSystem.writeAtomically(FileSystem.join(directory, FileStore.metaFileName), Array(data.meta.fileText.utf8))
    try put(.countries, lines(data.countries))
    try put(.corridors, lines(data.corridors))
    try put(.corridorCountries, lines(data.memberships))
    try put(.areas, lines(data.areas))
    if data.projects.count > ProjectParts.splitThreshold {
      // As a store would have split them (`ProjectParts`).
      let folder = FileSystem.join(directory, ProjectParts.folderName)
      try FileSystem.createDirectory(folder)
      for (index, projects) in Dictionary(grouping: data.projects, by: { ProjectParts.partIndex(of: $0.id) }) {
        try FileSystem.writeAtomically(FileSystem.join(folder, ProjectParts.partFileName(index)), lines(projects))
      }
    } else {
      try put(.projects, lines(data.projects))
    }
    try put(.activities, lines(data.activities))
    try put(.programTotals, lines(data.programTotals))
    try put(.corridorRoutes, lines(data.routes))
  }
}
