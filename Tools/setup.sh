#!/usr/bin/env bash
# Installs what PayCircle needs on a fresh Debian machine: C libraries, tools, and the Python packages
# that the tests use as independent references. Safe to run again.
set -euo pipefail

# libjs-leaflet: the map pages' Leaflet, served by the service itself. chromium, fonts-noto-cjk and gdal-bin:
# the browser test of the map pages (with Chinese names) and GDAL reading the OGC API as a client would.
# postgresql-15-postgis-3: the PostGIS store's tests run against a throwaway server (Tools/postgres.sh).
apt_packages=(libspatialite-dev libsqlite3-dev libproj-dev proj-data libreadosm-dev zlib1g-dev libbz2-dev
              pkg-config bzip2 unzip wrk libjs-leaflet chromium fonts-noto-cjk gdal-bin
              postgresql-15 postgresql-15-postgis-3 postgresql-client-15)
missing=()
for package in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python_packages=(osmium prcoords pyproj shapely networkx scipy openapi-spec-validator schemathesis playwright)
if ! python3 -c "import osmium, prcoords, pyproj, shapely, networkx, scipy, openapi_spec_validator, schemathesis, playwright" 2>/dev/null; then
  echo "==> pip install ${python_packages[*]}"
  python3 -m pip install -q --root-user-action=ignore "${python_packages[@]}"
fi
