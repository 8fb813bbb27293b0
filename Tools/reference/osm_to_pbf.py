#!/usr/bin/env python3
"""Copies an OSM file into PBF with pyosmium: osm_to_pbf.py in.osm out.osm.pbf [raw]
With 'raw' the blocks are stored uncompressed, so that every byte of the output is protobuf."""
import sys

import osmium

file_format = "pbf,pbf_compression=none" if sys.argv[3:] == ["raw"] else "pbf"
with osmium.SimpleWriter(osmium.io.File(sys.argv[2], file_format)) as writer:
    for entity in osmium.FileProcessor(sys.argv[1]):
        writer.add(entity)
