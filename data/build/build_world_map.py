#!/usr/bin/env python3
"""Convert world-atlas' countries-110m TopoJSON into Kapok's compact world map, data/map/world-110m.txt.

Usage:
    mkdir -p /tmp/kapok-npm && (cd /tmp/kapok-npm && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz)
    python3 data/build/build_world_map.py [/tmp/kapok-npm/package/countries-110m.json]

The server draws the map itself (src/library/map.rs); nothing is downloaded at run time.

What the conversion does:
  * decodes the TopoJSON arcs (quantised, delta-encoded) into longitude/latitude rings per country;
  * rounds every point to a tenth of a degree (about 11 km, a third of a pixel on the 1000-pixel map
    Kapok draws) and drops points that round onto the previous one, and rings left with fewer than
    three distinct points;
  * lets rings that cross the antimeridian run on past ±180° (the server draws them again 360° over);
  * leaves Antarctica out (no government of the gazetteer is there; the map ends at 60° S).

Output format (UTF-8 text, `\n` line ends, deterministic: countries sorted by id):
    lines starting with `#`: comments (source and licence)
    one line per country: `id<TAB>name<TAB>rings`
      id    ISO 3166-1 numeric code as world-atlas gives it (a few territories have none: `-`)
      name  English name as world-atlas gives it
      rings rings separated by `;`; a ring is whitespace-free integers separated by `,`: the first
            point as longitude and latitude in tenths of a degree, then each next point as the
            difference from the previous one; a ring that crosses the antimeridian (Fiji, Russia)
            continues past ±180° rather than jumping across the map
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "data" / "map" / "world-110m.txt"
SOURCE = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/kapok-npm/package/countries-110m.json")
ANTARCTICA = "010"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def quantise(points: list[tuple[float, float]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    shift = 0
    for lon, lat in points:
        point = (round(lon * 10) + shift, round(lat * 10))
        # A ring that crosses the antimeridian goes on past ±180° instead of jumping across the
        # map; the server draws such a ring a second time, 360° over.
        if out and point[0] - out[-1][0] > 1800:
            shift -= 3600
            point = (point[0] - 3600, point[1])
        elif out and out[-1][0] - point[0] > 1800:
            shift += 3600
            point = (point[0] + 3600, point[1])
        if not out or out[-1] != point:
            out.append(point)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def encode(points: list[tuple[int, int]]) -> str:
    numbers = [points[0][0], points[0][1]]
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        numbers += [x1 - x0, y1 - y0]
    return ",".join(str(n) for n in numbers)


def main() -> None:
    topology = json.loads(SOURCE.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    rows = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        country_id = geometry.get("id") or "-"
        if country_id == ANTARCTICA:
            continue
        polygons = {"Polygon": [geometry.get("arcs", [])], "MultiPolygon": geometry.get("arcs", [])}.get(
            geometry["type"], []
        )
        rings = []
        for polygon in polygons:
            for indexes in polygon:
                points = quantise(ring(arcs, indexes))
                if len(set(points)) >= 3:
                    rings.append(encode(points))
        if rings:
            name = geometry["properties"]["name"].replace("\t", " ")
            rows.append((country_id, name, ";".join(rings)))
    rows.sort()
    header = [
        "# Kapok world map: country outlines for the library's map, converted by data/build/build_world_map.py",
        "# from world-atlas 2.0.2 countries-110m.json (https://github.com/topojson/world-atlas), ISC License,",
        "# Copyright 2013-2019 Michael Bostock; data from Natural Earth (https://www.naturalearthdata.com/),",
        "# public domain. See data/map/README.md. Format: id<TAB>name<TAB>rings (see the script).",
    ]
    text = "\n".join(header + ["\t".join(row) for row in rows]) + "\n"
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    points = sum(row[2].count(",") // 2 + 1 for row in rows)
    print(f"{OUTPUT.relative_to(ROOT)}: {len(rows)} countries, about {points} points, {len(text.encode())} bytes")


if __name__ == "__main__":
    main()
