#!/usr/bin/env python3
"""Reference WGS-84 / GCJ-02 / BD-09 conversions from the public-domain prcoords package.

Reads JSON [[lat, lon], ...] (WGS-84) on stdin and prints, for each, {"wgs": [...], "gcj": [...], "bd": [...]}.
"""
import json
import sys

import prcoords

points = json.load(sys.stdin)
out = []
for lat, lon in points:
    gcj = prcoords.wgs_gcj((lat, lon), True)
    bd = prcoords.gcj_bd(gcj)
    out.append({"wgs": [lat, lon], "gcj": [gcj[0], gcj[1]], "bd": [bd[0], bd[1]]})
json.dump(out, sys.stdout)
