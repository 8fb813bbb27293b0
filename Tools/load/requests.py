#!/usr/bin/env python3
"""Writes the mixed traffic of the load test, one request per line, for Tools/load/mix.lua.

Usage: requests.py BASE_URL OUT_FILE [COUNT]

Places are drawn around the served channels (up to 300 m away), and kept only when a channel is
reachable on foot from them, so that every request of the mix is one the service should answer with 2xx.
The mix, by share of requests:
  35% nearest by straight line, 25% nearest by walking time, 15% walking routes to a channel,
  10% ten-minute isochrones, 10% status reports of self-service channels (operator token),
   5% replacements of test kiosks load-0 … load-499 (admin token).
Line format: METHOD <tab> PATH <tab> TOKEN_ROLE (admin, operator or -) <tab> BODY (or empty).
"""
import json
import math
import random
import sys
import urllib.request

MIX = [("nearest", 35), ("walk", 25), ("route", 15), ("isochrone", 10), ("status", 10), ("replace", 5)]


def get(base, path):
    with urllib.request.urlopen(base + path, timeout=30) as response:
        return json.load(response)


def jitter(lat, lon, rng, metres=300.0):
    distance = rng.uniform(0, metres)
    bearing = rng.uniform(0, 2 * math.pi)
    dlat = distance * math.cos(bearing) / 111_320.0
    dlon = distance * math.sin(bearing) / (111_320.0 * math.cos(math.radians(lat)))
    return lat + dlat, lon + dlon


def main():
    base, out = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 20_000
    rng = random.Random(20261124)
    channels = get(base, "/v1/points?bbox=-180,-90,180,90&limit=5000")["features"]
    if not channels:
        sys.exit("requests.py: the server has no channels to load-test against")
    places = []  # (lat, lon, id of the nearest channel reachable on foot)
    for _ in range(400):
        feature = rng.choice(channels)
        lon, lat = feature["geometry"]["coordinates"]
        lat, lon = jitter(lat, lon, rng)
        answer = get(base, f"/v1/nearest?lat={lat:.6f}&lon={lon:.6f}&k=1&by=walk")
        reachable = [r for r in answer["results"] if r.get("reachable", True) and r.get("walk_s") is not None]
        if reachable:
            places.append((lat, lon, reachable[0]["id"]))
    if len(places) < 50:
        sys.exit(f"requests.py: only {len(places)} of 400 places reach a channel on foot")
    self_service = [f["properties"]["id"] for f in channels if f["properties"]["kind"] in ("kiosk", "bank_booth")]
    self_service = self_service or [f["properties"]["id"] for f in channels]

    kinds = [kind for kind, weight in MIX for _ in range(weight)]
    lines = []
    for _ in range(count):
        kind = rng.choice(kinds)
        lat, lon, target = rng.choice(places)
        if kind == "nearest":
            lines.append(("GET", f"/v1/nearest?lat={lat:.6f}&lon={lon:.6f}&k=5", "-", ""))
        elif kind == "walk":
            lines.append(("GET", f"/v1/nearest?lat={lat:.6f}&lon={lon:.6f}&k=3&by=walk", "-", ""))
        elif kind == "route":
            lines.append(("GET", f"/v1/route?from={lat:.6f},{lon:.6f}&to_point={target}", "-", ""))
        elif kind == "isochrone":
            lines.append(("GET", f"/v1/isochrone?lat={lat:.6f}&lon={lon:.6f}&minutes=10", "-", ""))
        elif kind == "status":
            status = rng.choice(["online", "online", "offline", "fault"])
            lines.append(("PUT", f"/v1/points/{rng.choice(self_service)}/status", "operator", json.dumps({"status": status})))
        else:
            number = rng.randrange(500)
            body = {"id": f"load-{number}", "name": f"负载测试终端 {number}", "kind": "kiosk", "opening_hours": "24/7",
                    "services": ["card", "qr"], "lat": round(lat, 6), "lon": round(lon, 6)}
            lines.append(("PUT", f"/v1/points/load-{number}", "admin", json.dumps(body, ensure_ascii=False)))
    with open(out, "w", encoding="utf-8") as file:
        for line in lines:
            file.write("\t".join(line) + "\n")
    print(f"{len(lines)} requests around {len(places)} places and {len(channels)} channels written to {out}")


if __name__ == "__main__":
    main()
