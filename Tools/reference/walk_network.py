#!/usr/bin/env python3
"""Independent walking times with pyosmium, pyproj and networkx, for checking PayCircle's routes.

Usage: walk_network.py FILE [SPEED_KMH] [STEPS_SLOWDOWN] < request.json
request.json is either [[from_osm_node, to_osm_node], ...], answered with [{"seconds": s, "metres": m} | null,
...] (the quickest walk and its length, or null where there is no path), or {"sources": [osm_node, ...]},
answered with {"osm_node": seconds, ...}: every node's walking time to the nearest source (multi-source
Dijkstra on the reversed graph), or {"on_edges": [[source_osm_node, target_osm_node, fraction, end_seconds,
highway], ...]}: the same to places part-way along segments (both ends of each place's segment joined to a
super-sink, priced with this script's own time for that segment of that highway class, as parallel ways may
differ; from the target end only where the segment may be walked that way). The walkable-way rules are written here from DESIGN.md independently of the Swift code.
"""
import json
import sys

import networkx as nx
import osmium
from pyproj import Geod

WALKABLE = {"footway", "path", "pedestrian", "steps", "residential", "service", "living_street", "unclassified",
            "track", "corridor", "cycleway", "bridleway", "road", "tertiary", "tertiary_link", "secondary",
            "secondary_link", "primary", "primary_link", "trunk", "trunk_link"}


def walkable(tags):
    highway = tags.get("highway")
    if highway not in WALKABLE:
        return False
    foot = tags.get("foot")
    if foot in ("yes", "designated", "permissive"):
        return True
    if foot in ("no", "private"):
        return False
    if tags.get("access") in ("no", "private"):
        return False
    if highway in ("trunk", "trunk_link"):
        return tags.get("sidewalk") in ("both", "left", "right", "yes", "separate")
    return True


def main():
    path = sys.argv[1]
    speed = float(sys.argv[2]) if len(sys.argv) > 2 else 5.0
    slowdown = float(sys.argv[3]) if len(sys.argv) > 3 else 2.0
    geod = Geod(ellps="WGS84")
    graph = nx.DiGraph()
    segment_seconds = {}

    class Handler(osmium.SimpleHandler):
        def way(self, w):
            tags = {t.k: t.v for t in w.tags}
            if not walkable(tags):
                return
            direction = {"yes": 1, "true": 1, "1": 1, "-1": -1, "reverse": -1}.get(tags.get("oneway:foot"), 0)
            factor = slowdown if tags.get("highway") == "steps" else 1.0
            nodes = [(n.ref, n.location) for n in w.nodes]
            for (a, la), (b, lb) in zip(nodes, nodes[1:]):
                if a == b or not (la.valid() and lb.valid()):
                    continue
                _, _, metres = geod.inv(la.lon, la.lat, lb.lon, lb.lat)
                seconds = metres / (speed / 3.6) * factor
                for u, v in ([(a, b)] if direction == 1 else [(b, a)] if direction == -1 else [(a, b), (b, a)]):
                    segment_seconds[(u, v, tags.get("highway"))] = seconds
                    if not graph.has_edge(u, v) or graph[u][v]["seconds"] > seconds:
                        graph.add_edge(u, v, seconds=seconds, metres=metres)

    Handler().apply_file(path, locations=True, idx="flex_mem")
    request = json.load(sys.stdin)
    if isinstance(request, dict) and "on_edges" in request:
        def join(node, seconds):
            if not graph.has_edge(node, "sink") or graph[node]["sink"]["seconds"] > seconds:
                graph.add_edge(node, "sink", seconds=seconds)

        for source, target, fraction, end, highway in request["on_edges"]:
            forward = segment_seconds[(source, target, highway)]
            join(source, end + fraction * forward)
            if (target, source, highway) in segment_seconds:
                join(target, end + (1 - fraction) * forward)
        times = nx.single_source_dijkstra_path_length(graph.reverse(copy=False), "sink", weight="seconds")
        json.dump({str(node): seconds for node, seconds in times.items() if node != "sink"}, sys.stdout)
        return
    if isinstance(request, dict):
        times = nx.multi_source_dijkstra_path_length(graph.reverse(copy=False), set(request["sources"]), weight="seconds")
        json.dump({str(node): seconds for node, seconds in times.items()}, sys.stdout)
        return
    out = []
    for source, target in request:
        try:
            seconds, nodes = nx.single_source_dijkstra(graph, source, target, weight="seconds")
            metres = sum(graph[u][v]["metres"] for u, v in zip(nodes, nodes[1:]))
            out.append({"seconds": seconds, "metres": metres})
        except (nx.NetworkXNoPath, nx.NodeNotFound):
            out.append(None)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
