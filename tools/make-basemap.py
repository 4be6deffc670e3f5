#!/usr/bin/env python3
"""Turns Natural Earth's Admin-0 countries (1:110m) into the base map that
GreenSilk ships: Sources/GreenSilkUI/Map/BaseMapData.swift.

Run it once after changing anything below; the program itself never needs
Python, the shapefile or the network. The output is deterministic: the same
input gives the same bytes.

Input: the copy of Natural Earth that PyPI's geopandas 0.14.x wheel ships
under geopandas/datasets/naturalearth_lowres (public domain). Without a
network-free copy at hand:

    pip install pyshp
    pip download geopandas==0.14.4 --no-deps -d /tmp/gpd
    python3 tools/make-basemap.py --wheel /tmp/gpd/geopandas-0.14.4-py3-none-any.whl

(--shapefile DIR reads an unpacked naturalearth_lowres directory instead.)
The wheel also holds naturalearth_cities, which gives a marker position to
the few countries too small to have an outline at 1:110m (Singapore,
Bahrain, Hong Kong, ...).

What it does, in order:
  1. keeps the countries whose outline meets the map's region (Eurasia,
     Africa, and enough around them to look right: lon -30..180,
     lat -50..85); parts across the antimeridian (Chukotka) move east by
     360 degrees so that Russia stays in one piece;
  2. gives every outline an ISO 3166-1 alpha-3 code: Natural Earth writes
     -99 where ISO has none (Kosovo: XKX, the code the EU and the IMF use)
     and its own codes for two areas ISO counts as parts of a member state
     (N. Cyprus, Somaliland), which are merged into that state here so that
     an ISO-keyed lookup finds them;
  3. simplifies each ring with Douglas-Peucker (tolerance below), drops
     rings that collapse, quantises to 0.01 degree;
  4. finds a marker point inside each country: the pole of inaccessibility
     (the inside point farthest from any edge, found by a grid search) of
     its largest part, or of the part that holds the capital where the
     largest part is not the one people expect (Malaysia, Indonesia);
  5. writes the result as base64 text in a Swift string literal: one
     string compiles in a moment, where a large array literal would not.

Binary layout (all integers are LEB128 varints; signed ones zigzag-encoded):
  "GSBM", version byte (1), country count,
  per country (sorted by code): 3 ASCII bytes of the code, the marker point
    (lon*100, lat*100, signed), ring count, then per ring the point count
    and each point as a signed delta (lon, lat) from the previous point
    (the first ring starts from the marker point); rings are closed
    implicitly and filled even-odd,
  then the count of point-only countries and, per country, 3 bytes of code
    and lon*100, lat*100 (signed).
"""

import argparse
import base64
import hashlib
import io
import json
import math
import os
import sys
import zipfile

try:
    import shapefile  # pyshp
except ImportError:
    sys.exit("make-basemap: needs pyshp (pip install pyshp)")

REGION = (-30.0, -50.0, 180.0, 85.0)  # lon min, lat min, lon max, lat max
TOLERANCE = 0.05  # Douglas-Peucker, degrees
SCALE = 100  # 0.01 degree

# Natural Earth -99 (no ISO code), by the shapefile's name.
CODE_BY_NAME = {"Kosovo": "XKX"}
# Natural Earth codes for areas ISO 3166-1 counts as part of a member state.
MERGED_INTO = {"CYN": "CYP", "SOL": "SOM"}
# Where the largest part is not where a marker belongs: use the part that
# holds this point (the capital).
MARKER_PART = {"MYS": (101.69, 3.14), "IDN": (106.83, -6.18)}
# Countries with no outline at 1:110m: marker at this place from
# naturalearth_cities (names as the shapefile spells them).
POINT_ONLY = {
    "AND": "Andorra", "BHR": "Manama", "COM": "Moroni", "CPV": "Praia",
    "HKG": "Hong Kong", "LIE": "Vaduz", "MCO": "Monaco", "MDV": "Malé",
    "MLT": "Valletta", "MUS": "Port Louis", "SGP": "Singapore",
    "SMR": "San Marino", "STP": "São Tomé", "SYC": "Victoria",
    "VAT": "Vatican City",
}


def read_shapefiles(args):
    """(countries reader, cities reader, description of the input)."""
    if args.wheel:
        archive = zipfile.ZipFile(args.wheel)
        digest = hashlib.sha256(open(args.wheel, "rb").read()).hexdigest()

        def reader(name):
            base = f"geopandas/datasets/{name}/{name}"
            return shapefile.Reader(
                shp=io.BytesIO(archive.read(base + ".shp")),
                shx=io.BytesIO(archive.read(base + ".shx")),
                dbf=io.BytesIO(archive.read(base + ".dbf")),
                encoding=archive.read(base + ".cpg").decode("ascii").strip(),
            )

        described = f"{os.path.basename(args.wheel)} (sha256 {digest})"
        return reader("naturalearth_lowres"), reader("naturalearth_cities"), described
    directory = args.shapefile.rstrip("/")

    def reader(base):
        with open(base + ".cpg", encoding="ascii") as f:
            return shapefile.Reader(base, encoding=f.read().strip())

    cities = os.path.join(os.path.dirname(directory), "naturalearth_cities", "naturalearth_cities")
    return reader(os.path.join(directory, "naturalearth_lowres")), reader(cities), directory


def rings_of(shape):
    parts = list(shape.parts) + [len(shape.points)]
    return [shape.points[parts[i]:parts[i + 1]] for i in range(len(parts) - 1)]


def ring_area(ring):
    area = 0.0
    for i in range(len(ring)):
        x0, y0 = ring[i - 1]
        x1, y1 = ring[i]
        area += x0 * y1 - x1 * y0
    return abs(area) / 2


def meets_region(ring):
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    lon0, lat0, lon1, lat1 = REGION
    return not (max(xs) < lon0 or min(xs) > lon1 or max(ys) < lat0 or min(ys) > lat1)


def douglas_peucker(points, tolerance):
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        worst, index = -1.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            if length == 0:
                distance = math.hypot(px - ax, py - ay)
            else:
                distance = abs(dy * px - dx * py + bx * ay - by * ax) / length
            if distance > worst:
                worst, index = distance, i
        if index >= 0 and worst > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep) if k]


def simplify_ring(ring):
    """A closed ring (first point == last) simplified, quantised, without
    the closing point; None when it collapses below a triangle."""
    # Split the closed ring at its point farthest from the start, so that
    # both halves are open polylines Douglas-Peucker can take.
    start = ring[0]
    far = max(range(len(ring)), key=lambda i: (ring[i][0] - start[0]) ** 2 + (ring[i][1] - start[1]) ** 2)
    first = douglas_peucker(ring[: far + 1], TOLERANCE)
    second = douglas_peucker(ring[far:], TOLERANCE)
    points = first[:-1] + second[:-1]
    quantised = []
    for lon, lat in points:
        q = (math.floor(lon * SCALE + 0.5), math.floor(lat * SCALE + 0.5))
        if not quantised or quantised[-1] != q:
            quantised.append(q)
    while len(quantised) > 1 and quantised[-1] == quantised[0]:
        quantised.pop()
    return quantised if len(set(quantised)) >= 3 else None


def inside(rings, x, y):
    """Even-odd point in polygon over all rings."""
    result = False
    for ring in rings:
        j = len(ring) - 1
        for i in range(len(ring)):
            xi, yi = ring[i]
            xj, yj = ring[j]
            if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
                result = not result
            j = i
    return result


def distance_to_edges(rings, x, y):
    best = math.inf
    for ring in rings:
        j = len(ring) - 1
        for i in range(len(ring)):
            ax, ay = ring[j]
            bx, by = ring[i]
            dx, dy = bx - ax, by - ay
            length2 = dx * dx + dy * dy
            t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / length2))
            best = min(best, math.hypot(x - (ax + t * dx), y - (ay + t * dy)))
            j = i
    return best


def pole_of_inaccessibility(part, holes):
    """The point inside `part` (and outside `holes`) farthest from their
    edges: a grid search, refined twice around the best cell."""
    rings = [part] + holes
    xs = [p[0] for p in part]
    ys = [p[1] for p in part]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    best = None
    steps = 24
    for _ in range(3):
        dx, dy = (x1 - x0) / steps, (y1 - y0) / steps
        for i in range(steps + 1):
            for j in range(steps + 1):
                x, y = x0 + i * dx, y0 + j * dy
                if not inside(rings, x, y):
                    continue
                d = distance_to_edges(rings, x, y)
                if best is None or d > best[0]:
                    best = (d, x, y)
        if best is None:
            break
        _, bx, by = best
        x0, x1, y0, y1 = bx - 2 * dx, bx + 2 * dx, by - 2 * dy, by + 2 * dy
    if best is None:  # a sliver: its first vertex is as good as any
        return part[0]
    return best[1], best[2]


def marker_point(code, rings):
    """Rings are quantised simplified rings (integers); returns lon, lat in
    degrees."""
    degrees = [[(x / SCALE, y / SCALE) for x, y in ring] for ring in rings]
    outers = sorted(range(len(degrees)), key=lambda i: -ring_area(degrees[i]))
    chosen = outers[0]
    if code in MARKER_PART:
        px, py = MARKER_PART[code]
        holding = [i for i in outers if inside([degrees[i]], px, py)]
        if not holding:
            sys.exit(f"make-basemap: {code}: no part holds {MARKER_PART[code]}")
        chosen = holding[0]
    part = degrees[chosen]
    # Rings of the country lying inside the chosen part are its holes.
    holes = [r for i, r in enumerate(degrees) if i != chosen and inside([part], r[0][0], r[0][1])]
    return pole_of_inaccessibility(part, holes)


def zigzag(value):
    return (value << 1) if value >= 0 else ((-value << 1) - 1)


def varint(value, out):
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return


def known_codes(repo):
    path = os.path.join(repo, "data", "countries.jsonl")
    with open(path, encoding="utf-8") as f:
        return {json.loads(line)["id"] for line in f if line.strip()}


def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--wheel", help="geopandas-0.14.x wheel holding geopandas/datasets/naturalearth_lowres")
    source.add_argument("--shapefile", help="an unpacked naturalearth_lowres directory")
    parser.add_argument("--out", default=os.path.join(repo, "Sources", "GreenSilkUI", "Map", "BaseMapData.swift"))
    args = parser.parse_args()

    countries_reader, cities_reader, described = read_shapefiles(args)
    codes = known_codes(repo)

    rings_by_code = {}
    for shape_record in countries_reader.iterShapeRecords():
        record = shape_record.record
        code = record["iso_a3"]
        if code == "-99":
            code = CODE_BY_NAME.get(record["name"])
        code = MERGED_INTO.get(code, code)
        rings = rings_of(shape_record.shape)
        crosses = any(max(p[0] for p in r) > 170 for r in rings) and any(min(p[0] for p in r) < -170 for r in rings)
        if crosses:
            rings = [[(x + 360, y) for x, y in r] if max(p[0] for p in r) < 0 else r for r in rings]
        rings = [r for r in rings if meets_region(r)]
        if not rings:
            continue
        if code is None:
            sys.exit(f"make-basemap: no ISO code for {record['name']!r}; add it to CODE_BY_NAME")
        if code not in codes:
            sys.exit(f"make-basemap: {code} ({record['name']}) is not in data/countries.jsonl")
        simplified = [s for s in (simplify_ring(r) for r in rings) if s]
        if simplified:
            rings_by_code.setdefault(code, []).extend(simplified)

    city_points = {}
    for shape_record in cities_reader.iterShapeRecords():
        city_points.setdefault(shape_record.record["name"], shape_record.shape.points[0])
    point_only = {}
    for code, city in sorted(POINT_ONLY.items()):
        if code in rings_by_code:
            continue
        if city not in city_points:
            sys.exit(f"make-basemap: {city!r} is not in naturalearth_cities")
        if code not in codes:
            sys.exit(f"make-basemap: {code} is not in data/countries.jsonl")
        point_only[code] = city_points[city]

    out = bytearray(b"GSBM")
    out.append(1)
    varint(len(rings_by_code), out)
    point_count = 0
    for code in sorted(rings_by_code):
        rings = rings_by_code[code]
        lon, lat = marker_point(code, rings)
        mx, my = math.floor(lon * SCALE + 0.5), math.floor(lat * SCALE + 0.5)
        out += code.encode("ascii")
        varint(zigzag(mx), out)
        varint(zigzag(my), out)
        varint(len(rings), out)
        px, py = mx, my
        for ring in rings:
            varint(len(ring), out)
            for x, y in ring:
                varint(zigzag(x - px), out)
                varint(zigzag(y - py), out)
                px, py = x, y
                point_count += 1
    varint(len(point_only), out)
    for code in sorted(point_only):
        lon, lat = point_only[code]
        out += code.encode("ascii")
        varint(zigzag(math.floor(lon * SCALE + 0.5)), out)
        varint(zigzag(math.floor(lat * SCALE + 0.5)), out)

    text = base64.b64encode(bytes(out)).decode("ascii")
    lines = [text[i:i + 100] for i in range(0, len(text), 100)]
    ring_count = sum(len(r) for r in rings_by_code.values())
    swift = [
        "// Generated by tools/make-basemap.py; do not edit by hand. Rerun the",
        "// script to change it (README, Development).",
        "//",
        "// Natural Earth Admin-0 countries 1:110m, version 5.1 as shipped in",
        f"// {described},",
        "// public domain (see NaturalEarth-NOTICE.md beside this file).",
        f"// {len(rings_by_code)} countries, {ring_count} rings, {point_count} points",
        f"// (Douglas-Peucker {TOLERANCE} degree, quantised to 1/{SCALE} degree),",
        f"// {len(point_only)} countries placed by a point only; {len(out)} bytes.",
        "",
        "enum BaseMapData {",
        "  /// The base map in the binary layout that tools/make-basemap.py",
        "  /// describes, base64-encoded (line breaks are skipped).",
        "  static let encoded = \"\"\"",
    ]
    swift += ["    " + line for line in lines]
    swift += ["    \"\"\"", "}", ""]
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(swift))
    print(
        f"make-basemap: {len(rings_by_code)} countries, {ring_count} rings, {point_count} points, "
        f"{len(point_only)} point-only; {len(out)} bytes, {len(text)} base64 characters -> {args.out}"
    )


if __name__ == "__main__":
    main()
