#!/usr/bin/env python3
"""Independent straight-line coverage of population areas with shapely and pyproj, for checking
PayCircle's areas without streets.

Usage: area_coverage.py AREAS.geojson < request.json
request.json: {"points": [[lon, lat], ...], "radius_m": r}. Each area's covered share is the part of its
surface within r metres of a point (polygons and discs in UTM, discs with 256 segments), answered as
{"feature index": share, ...}; uniform density makes that the share of its people.
"""
import json
import sys

from pyproj import Transformer
from shapely.geometry import Point, shape
from shapely.ops import transform, unary_union


def main():
    features = json.load(open(sys.argv[1]))["features"]
    request = json.load(sys.stdin)
    lon0 = sum(p[0] for p in request["points"]) / len(request["points"])
    zone = int((lon0 + 180) // 6) + 1
    to_utm = Transformer.from_crs("EPSG:4326", f"EPSG:{32600 + zone}", always_xy=True).transform
    discs = unary_union([Point(*to_utm(lon, lat)).buffer(request["radius_m"], 64) for lon, lat in request["points"]])
    shares = {}
    for index, feature in enumerate(features):
        area = transform(to_utm, shape(feature["geometry"]))
        shares[str(index)] = area.intersection(discs).area / area.area if area.area > 0 else 0.0
    json.dump(shares, sys.stdout)


if __name__ == "__main__":
    main()
