#!/usr/bin/env python3
"""Independent checks of GeoJSON polygons with shapely and pyproj.

Reads a JSON list of GeoJSON (Multi)Polygon geometries on stdin; prints, for each,
{"valid": bool, "reason": str, "area_m2": geodesic area on WGS-84, "rings": number of rings}.
"""
import json
import sys

from pyproj import Geod
from shapely.geometry import shape
from shapely.validation import explain_validity

geod = Geod(ellps="WGS84")
out = []
for geometry in json.load(sys.stdin):
    polygon = shape(geometry)
    area, _ = geod.geometry_area_perimeter(polygon)
    parts = list(polygon.geoms) if polygon.geom_type == "MultiPolygon" else [polygon]
    out.append({"valid": polygon.is_valid, "reason": explain_validity(polygon), "area_m2": abs(area),
                "rings": sum(1 + len(p.interiors) for p in parts)})
json.dump(out, sys.stdout)
