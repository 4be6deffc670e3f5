#!/usr/bin/env python3
"""Write N rows in AidData's GCDF 3.0 project-level format (126 columns).

Usage: make-aiddata-rows.py N OUT.csv [SOURCE.csv]

Cycles through the rows of the Malaysia file (default: the test fixture
next to this script's test tree) and gives each one a fresh AidData Record
ID (900000001, 900000002, ...), so that every row imports as a new
project. Everything else is copied as read, and Python's csv module writes
it back with the same quoting rules AidData's export uses (minimal quoting,
doubled quotes, LF line ends), so long descriptions, commas, quotes and
non-ASCII text stay exactly as in the real file. For benchmarks only: the
rows are copies of real records under invented ids, not real projects.
"""
import csv
import os
import sys


def main(argv):
    if len(argv) not in (3, 4) or not argv[1].isdigit():
        sys.stderr.write(__doc__)
        return 2
    count = int(argv[1])
    out = argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    source = argv[3] if len(argv) == 4 else os.path.join(
        here, "..", "GreenSilkCoreTests", "Fixtures", "aiddata", "malaysia_projects.csv")
    with open(source, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        rows = list(reader)
    if len(header) != 126 or not rows:
        sys.stderr.write(f"{source}: expected a 126-column header and some rows\n")
        return 1
    id_column = header.index("AidData Record ID")
    with open(out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        for index in range(count):
            row = list(rows[index % len(rows)])
            row[id_column] = str(900000001 + index)
            writer.writerow(row)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
