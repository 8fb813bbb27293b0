#!/usr/bin/env python3
"""Measures how long a write through one PayCircle instance takes to show in another's answers.

Usage: propagation.py WRITER_URL READER_URL ADMIN_TOKEN [WRITES]

For each of WRITES (default 200) new kiosks: POST it to the writer, then poll the reader's
GET /v1/points/{id} every millisecond until it answers 200; prints the median, 90th and 99th percentiles
and the maximum of the delay from the writer's answer to the reader's first 200, then deletes the kiosks.
"""
import json
import statistics
import sys
import time
import urllib.error
import urllib.request


def call(method, url, token=None, body=None):
    request = urllib.request.Request(url, method=method, data=json.dumps(body).encode() if body is not None else None)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def main():
    writer, reader, token = sys.argv[1], sys.argv[2], sys.argv[3]
    writes = int(sys.argv[4]) if len(sys.argv) > 4 else 200
    delays = []
    for n in range(writes):
        kiosk = {"id": f"propagation-{n}", "name": f"传播测试 {n}", "kind": "kiosk", "opening_hours": "24/7",
                 "lat": 22.9 + n * 1e-4, "lon": 113.9}
        if call("POST", writer + "/v1/points", token, kiosk) != 201:
            sys.exit(f"the writer refused kiosk {n}")
        written = time.monotonic()
        while call("GET", f"{reader}/v1/points/propagation-{n}") != 200:
            if time.monotonic() - written > 30:
                sys.exit(f"kiosk {n} never reached the reader")
            time.sleep(0.001)
        delays.append((time.monotonic() - written) * 1000)
    for n in range(writes):
        call("DELETE", f"{writer}/v1/points/propagation-{n}", token)
    delays.sort()
    quantile = lambda p: delays[min(len(delays) - 1, int(p * len(delays)))]
    print(f"write on one instance -> visible on the other, {writes} writes: median {statistics.median(delays):.1f} ms, "
          f"p90 {quantile(0.9):.1f} ms, p99 {quantile(0.99):.1f} ms, max {delays[-1]:.1f} ms")


if __name__ == "__main__":
    main()
