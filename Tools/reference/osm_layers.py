#!/usr/bin/env python3
"""Independent residential buildings and candidate shops of an OSM file, with pyosmium and pyproj.

Usage: osm_layers.py FILE MAPPING.json
Prints {"buildings": {"osm:w<id>": floor_m2, ...}, "candidates": ["osm:n<id>", ...]}. The building rules are
written here from the documentation of `paycircle import osm`: a closed way whose `building` is a dwelling
type, or `yes` with no tag of another use; levels from `building:levels` (1-200) else 5 for flats and
dormitories, 2 for houses, 1 for bungalows and cabins, 3 for untyped; the footprint is the geodesic area.
Candidates: features matching the mapping's "candidates" rules (ways need all their nodes).
"""
import json
import sys

import osmium
from pyproj import Geod

LEVELS = {"apartments": 5, "residential": 5, "dormitory": 5, "house": 2, "detached": 2, "semidetached_house": 2,
          "terrace": 2, "bungalow": 1, "cabin": 1, "farm": 2, "yes": 3}
OTHER_USES = ("amenity", "shop", "office", "tourism", "leisure", "craft", "industrial", "public_transport", "railway",
              "aeroway", "man_made", "historic", "religion", "building:part")


def main():
    path, mapping_path = sys.argv[1], sys.argv[2]
    candidate_rules = json.load(open(mapping_path, encoding="utf-8")).get("candidates", [])
    geod = Geod(ellps="WGS84")
    out = {"buildings": {}, "candidates": []}

    def is_candidate(tags):
        return any(tags.get(rule["tag"]) in rule["values"] for rule in candidate_rules)

    class Handler(osmium.SimpleHandler):
        def node(self, n):
            if is_candidate({t.k: t.v for t in n.tags}) and n.location.valid():
                out["candidates"].append(f"osm:n{n.id}")

        def way(self, w):
            tags = {t.k: t.v for t in w.tags}
            nodes = list(w.nodes)
            located = all(node.location.valid() for node in nodes)
            if is_candidate(tags) and any(node.location.valid() for node in nodes):
                out["candidates"].append(f"osm:w{w.id}")
            kind = tags.get("building")
            if kind not in LEVELS or len(nodes) < 4 or nodes[0].ref != nodes[-1].ref or not located:
                return
            if kind == "yes" and any(key in tags for key in OTHER_USES):
                return
            try:
                levels = float(tags.get("building:levels", ""))
                levels = levels if 1 <= levels <= 200 else LEVELS[kind]
            except ValueError:
                levels = LEVELS[kind]
            area, _ = geod.polygon_area_perimeter([n.location.lon for n in nodes], [n.location.lat for n in nodes])
            out["buildings"][f"osm:w{w.id}"] = abs(area) * levels

    Handler().apply_file(path, locations=True, idx="flex_mem")
    out["candidates"].sort()
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
