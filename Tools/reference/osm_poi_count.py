#!/usr/bin/env python3
"""Independent count of payment channels in an OSM file, with pyosmium and PayCircle's channel mapping.

Usage: osm_poi_count.py FILE MAPPING.json
Prints {"nodes": N, "ways": N, "by_kind": {...}, "ids": [...], "assumed_ids": [...]} on stdout. A node or way
counts when the first mapping rule whose tag and value match it exists; a way also needs at least one of its
nodes in the file. assumed_ids are those whose rule has untagged_hours and which carry no opening_hours tag.
"""
import json
import sys

import osmium


def main():
    path, mapping_path = sys.argv[1], sys.argv[2]
    with open(mapping_path, encoding="utf-8") as f:
        rules = json.load(f)["rules"]

    def rule_for(tags):
        for rule in rules:
            value = tags.get(rule["tag"])
            if value is not None and value in rule["values"]:
                return rule
        return None

    counts = {"nodes": 0, "ways": 0, "by_kind": {}, "ids": [], "assumed_ids": []}

    def record(prefix, ident, rule, tags):
        counts[prefix] += 1
        counts["by_kind"][rule["kind"]] = counts["by_kind"].get(rule["kind"], 0) + 1
        name = ("osm:n" if prefix == "nodes" else "osm:w") + str(ident)
        counts["ids"].append(name)
        if rule.get("untagged_hours") and "opening_hours" not in tags:
            counts["assumed_ids"].append(name)

    class Handler(osmium.SimpleHandler):
        def node(self, n):
            tags = {t.k: t.v for t in n.tags}
            rule = rule_for(tags)
            if rule and n.location.valid():
                record("nodes", n.id, rule, tags)

        def way(self, w):
            tags = {t.k: t.v for t in w.tags}
            rule = rule_for(tags)
            if rule and any(node.location.valid() for node in w.nodes):
                record("ways", w.id, rule, tags)

    Handler().apply_file(path, locations=True, idx="flex_mem")
    counts["ids"].sort()
    counts["assumed_ids"].sort()
    json.dump(counts, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
