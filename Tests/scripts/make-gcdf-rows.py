#!/usr/bin/env python3
"""Write N rows shaped like AidData's whole GCDF 3.0 release (126 columns).

Usage: make-gcdf-rows.py N OUT.csv [--source SOURCE.csv] [--seed S]

The real release holds about 21,000 projects in some 165 recipient
countries; the repository only carries AidData's Malaysia file (176 real
rows, see Tests/GreenSilkCoreTests/Fixtures/aiddata/NOTICE.md). This script
builds the real release's *shape* from those real rows, for benchmarks and
scale tests only:

- Rows are copied in blocks: each block is the Malaysia portfolio (its 176
  rows, in file order) moved to one recipient, and no recipient gets a
  second block until every recipient in the table below has had one. The
  country name and its adjective are replaced in the text columns, and the
  ISO-3 code and region follow the recipient.
- Some blocks go to a region rather than a country ("Africa, regional",
  with an empty ISO-3 code), as AidData's multi-country rows do.
- Record ids and parent ids are renumbered per block with one offset, so a
  parent link that resolves inside the Malaysia file resolves inside its
  block, and umbrella agreements keep their children.
- Amounts keep their original currencies (USD, MYR, CNY, HKD, EUR or none),
  so non-USD amounts and rows without an amount appear in every block.
- One row in 60 gets a long description (the row's own description repeated
  to 12-40 KB), since real descriptions run to tens of kilobytes.

The rows are real records under invented ids and recipients: never present
them as real projects. Deterministic for a given N and seed.
"""
import argparse
import csv
import os
import random
import sys

# ISO-3, name, adjective, AidData region. Low- and middle-income countries
# of the kind GCDF covers; the order is the order blocks are handed out.
RECIPIENTS = [
    ("PAK", "Pakistan", "Pakistani", "Asia"), ("KAZ", "Kazakhstan", "Kazakh", "Asia"),
    ("MNG", "Mongolia", "Mongolian", "Asia"), ("LAO", "Laos", "Lao", "Asia"),
    ("KHM", "Cambodia", "Cambodian", "Asia"), ("VNM", "Vietnam", "Vietnamese", "Asia"),
    ("THA", "Thailand", "Thai", "Asia"), ("MMR", "Myanmar", "Myanmar", "Asia"),
    ("BGD", "Bangladesh", "Bangladeshi", "Asia"), ("LKA", "Sri Lanka", "Sri Lankan", "Asia"),
    ("NPL", "Nepal", "Nepali", "Asia"), ("IDN", "Indonesia", "Indonesian", "Asia"),
    ("PHL", "Philippines", "Philippine", "Asia"), ("UZB", "Uzbekistan", "Uzbek", "Asia"),
    ("KGZ", "Kyrgyz Republic", "Kyrgyz", "Asia"), ("TJK", "Tajikistan", "Tajik", "Asia"),
    ("TKM", "Turkmenistan", "Turkmen", "Asia"), ("AFG", "Afghanistan", "Afghan", "Asia"),
    ("IRN", "Iran", "Iranian", "Middle East"), ("IRQ", "Iraq", "Iraqi", "Middle East"),
    ("TUR", "Turkey", "Turkish", "Europe"), ("BLR", "Belarus", "Belarusian", "Europe"),
    ("UKR", "Ukraine", "Ukrainian", "Europe"), ("SRB", "Serbia", "Serbian", "Europe"),
    ("MNE", "Montenegro", "Montenegrin", "Europe"), ("BIH", "Bosnia and Herzegovina", "Bosnian", "Europe"),
    ("MKD", "North Macedonia", "Macedonian", "Europe"), ("ALB", "Albania", "Albanian", "Europe"),
    ("GEO", "Georgia", "Georgian", "Asia"), ("ARM", "Armenia", "Armenian", "Asia"),
    ("AZE", "Azerbaijan", "Azerbaijani", "Asia"), ("RUS", "Russia", "Russian", "Europe"),
    ("EGY", "Egypt", "Egyptian", "Middle East"), ("JOR", "Jordan", "Jordanian", "Middle East"),
    ("SYR", "Syria", "Syrian", "Middle East"), ("YEM", "Yemen", "Yemeni", "Middle East"),
    ("ETH", "Ethiopia", "Ethiopian", "Africa"), ("KEN", "Kenya", "Kenyan", "Africa"),
    ("TZA", "Tanzania", "Tanzanian", "Africa"), ("UGA", "Uganda", "Ugandan", "Africa"),
    ("NGA", "Nigeria", "Nigerian", "Africa"), ("GHA", "Ghana", "Ghanaian", "Africa"),
    ("AGO", "Angola", "Angolan", "Africa"), ("ZMB", "Zambia", "Zambian", "Africa"),
    ("ZWE", "Zimbabwe", "Zimbabwean", "Africa"), ("MOZ", "Mozambique", "Mozambican", "Africa"),
    ("SDN", "Sudan", "Sudanese", "Africa"), ("DJI", "Djibouti", "Djiboutian", "Africa"),
    ("CMR", "Cameroon", "Cameroonian", "Africa"), ("COD", "Democratic Republic of the Congo", "Congolese", "Africa"),
    ("COG", "Republic of the Congo", "Congolese", "Africa"), ("GAB", "Gabon", "Gabonese", "Africa"),
    ("SEN", "Senegal", "Senegalese", "Africa"), ("CIV", "Cote d'Ivoire", "Ivorian", "Africa"),
    ("MLI", "Mali", "Malian", "Africa"), ("NER", "Niger", "Nigerien", "Africa"),
    ("GIN", "Guinea", "Guinean", "Africa"), ("SLE", "Sierra Leone", "Sierra Leonean", "Africa"),
    ("LBR", "Liberia", "Liberian", "Africa"), ("BEN", "Benin", "Beninese", "Africa"),
    ("TGO", "Togo", "Togolese", "Africa"), ("RWA", "Rwanda", "Rwandan", "Africa"),
    ("MWI", "Malawi", "Malawian", "Africa"), ("MDG", "Madagascar", "Malagasy", "Africa"),
    ("NAM", "Namibia", "Namibian", "Africa"), ("BWA", "Botswana", "Botswanan", "Africa"),
    ("ZAF", "South Africa", "South African", "Africa"), ("MAR", "Morocco", "Moroccan", "Middle East"),
    ("DZA", "Algeria", "Algerian", "Middle East"), ("TUN", "Tunisia", "Tunisian", "Middle East"),
    ("ERI", "Eritrea", "Eritrean", "Africa"), ("SSD", "South Sudan", "South Sudanese", "Africa"),
    ("TCD", "Chad", "Chadian", "Africa"), ("CAF", "Central African Republic", "Central African", "Africa"),
    ("BDI", "Burundi", "Burundian", "Africa"), ("LSO", "Lesotho", "Basotho", "Africa"),
    ("MRT", "Mauritania", "Mauritanian", "Africa"), ("GNQ", "Equatorial Guinea", "Equatoguinean", "Africa"),
    ("BFA", "Burkina Faso", "Burkinabe", "Africa"), ("GMB", "Gambia", "Gambian", "Africa"),
    ("CPV", "Cabo Verde", "Cabo Verdean", "Africa"), ("COM", "Comoros", "Comorian", "Africa"),
    ("SYC", "Seychelles", "Seychellois", "Africa"), ("MUS", "Mauritius", "Mauritian", "Africa"),
    ("FJI", "Fiji", "Fijian", "Oceania"), ("PNG", "Papua New Guinea", "Papua New Guinean", "Oceania"),
    ("VUT", "Vanuatu", "Vanuatuan", "Oceania"), ("WSM", "Samoa", "Samoan", "Oceania"),
    ("TON", "Tonga", "Tongan", "Oceania"), ("SLB", "Solomon Islands", "Solomon Islander", "Oceania"),
    ("TLS", "Timor-Leste", "Timorese", "Asia"), ("MDV", "Maldives", "Maldivian", "Asia"),
    ("BRA", "Brazil", "Brazilian", "Americas"), ("ARG", "Argentina", "Argentine", "Americas"),
    ("VEN", "Venezuela", "Venezuelan", "Americas"), ("ECU", "Ecuador", "Ecuadorian", "Americas"),
    ("BOL", "Bolivia", "Bolivian", "Americas"), ("PER", "Peru", "Peruvian", "Americas"),
    ("COL", "Colombia", "Colombian", "Americas"), ("MEX", "Mexico", "Mexican", "Americas"),
    ("CUB", "Cuba", "Cuban", "Americas"), ("JAM", "Jamaica", "Jamaican", "Americas"),
    ("CRI", "Costa Rica", "Costa Rican", "Americas"), ("SUR", "Suriname", "Surinamese", "Americas"),
    ("GUY", "Guyana", "Guyanese", "Americas"), ("DOM", "Dominican Republic", "Dominican", "Americas"),
    ("NIC", "Nicaragua", "Nicaraguan", "Americas"), ("PRK", "North Korea", "North Korean", "Asia"),
    ("KOR", "South Korea", "Korean", "Asia"), ("BTN", "Bhutan", "Bhutanese", "Asia"),
    ("IND", "India", "Indian", "Asia"), ("LBN", "Lebanon", "Lebanese", "Middle East"),
    ("MDA", "Moldova", "Moldovan", "Europe"), ("BGR", "Bulgaria", "Bulgarian", "Europe"),
    ("ROU", "Romania", "Romanian", "Europe"), ("HUN", "Hungary", "Hungarian", "Europe"),
    ("SOM", "Somalia", "Somali", "Africa"), ("LBY", "Libya", "Libyan", "Middle East"),
    ("STP", "Sao Tome and Principe", "Santomean", "Africa"), ("GNB", "Guinea-Bissau", "Bissau-Guinean", "Africa"),
]

# Multi-country rows: AidData names the region and leaves ISO-3 empty.
REGIONAL = [
    ("", "Africa, regional", "African", "Africa"), ("", "Asia, regional", "Asian", "Asia"),
    ("", "Europe, regional", "European", "Europe"), ("", "Americas, regional", "American", "Americas"),
]

# Columns whose text names the recipient.
TEXT_COLUMNS = ("Title", "Description", "Staff Comments", "Location Narrative", "Source Titles")
LONG_DESCRIPTION_EVERY = 60
REGIONAL_EVERY = 24  # one block in 24 goes to a region


def default_source():
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.join(here, "..", "GreenSilkCoreTests", "Fixtures", "aiddata", "malaysia_projects.csv")


def renumber(value, offset, known):
    """Parent ids may list several ids separated by '|'."""
    if not value:
        return value
    return "|".join(str(offset + int(part)) if part.isdigit() else part for part in value.split("|"))


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("out")
    parser.add_argument("--source", default=default_source())
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv[1:])

    with open(args.source, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        rows = list(reader)
    if len(header) != 126 or not rows:
        sys.stderr.write(f"{args.source}: expected a 126-column header and some rows\n")
        return 1
    col = {name: index for index, name in enumerate(header)}
    known_ids = {row[col["AidData Record ID"]] for row in rows}
    rng = random.Random(args.seed)

    written = 0
    block = 0
    recipients_used = 0
    with open(args.out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        while written < args.count:
            if block % REGIONAL_EVERY == REGIONAL_EVERY - 1:
                iso, name, adjective, region = REGIONAL[(block // REGIONAL_EVERY) % len(REGIONAL)]
            else:
                iso, name, adjective, region = RECIPIENTS[recipients_used % len(RECIPIENTS)]
                recipients_used += 1
            offset = 10_000_000 + block * 100_000
            for source_row in rows:
                if written >= args.count:
                    break
                row = list(source_row)
                row[col["AidData Record ID"]] = str(offset + int(row[col["AidData Record ID"]]))
                row[col["AidData Parent ID"]] = renumber(row[col["AidData Parent ID"]], offset, known_ids)
                row[col["Recipient"]] = name
                row[col["Recipient ISO-3"]] = iso
                row[col["Recipient Region"]] = region
                for column in TEXT_COLUMNS:
                    text = row[col[column]].replace("Malaysian", adjective).replace("Malaysia", name)
                    row[col[column]] = text
                if written % LONG_DESCRIPTION_EVERY == LONG_DESCRIPTION_EVERY - 1:
                    description = row[col["Description"]] or row[col["Title"]]
                    target = rng.randint(12_000, 40_000)
                    pieces = [description]
                    while sum(len(p) + 1 for p in pieces) < target:
                        pieces.append(description)
                    row[col["Description"]] = "\n".join(pieces)
                writer.writerow(row)
                written += 1
            block += 1
    sys.stderr.write(f"{args.out}: {written} rows in {block} blocks ({recipients_used} countries, "
                     f"{block - recipients_used} regional)\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
