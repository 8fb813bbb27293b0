#!/usr/bin/env python3
"""Summarises the service's /metrics text (on stdin) by route: requests by status, mean latency and the
latency bucket that holds the 99th percentile. Usage: curl -s URL/metrics | metrics.py"""
import re
import sys
from collections import defaultdict

SAMPLE = re.compile(r'^(\w+)\{(.*)\}\s+(\S+)$')


def labels(text):
    return dict(re.findall(r'(\w+)="([^"]*)"', text))


def main():
    counts = defaultdict(lambda: defaultdict(float))   # route method -> status -> count
    sums, totals = defaultdict(float), defaultdict(float)
    buckets = defaultdict(list)                          # route method -> [(le, cumulative count)]
    for line in sys.stdin:
        match = SAMPLE.match(line.strip())
        if not match:
            continue
        name, tags, value = match.group(1), labels(match.group(2)), float(match.group(3))
        key = f'{tags.get("method", "?")} {tags.get("route", "?")}'
        if name == "paycircle_http_requests_total":
            counts[key][tags["status"]] += value
        elif name == "paycircle_http_request_duration_seconds_sum":
            sums[key] += value
        elif name == "paycircle_http_request_duration_seconds_count":
            totals[key] += value
        elif name == "paycircle_http_request_duration_seconds_bucket":
            bound = float("inf") if tags["le"] == "+Inf" else float(tags["le"])
            buckets[key].append((bound, value))
    print(f'{"route":<36} {"requests":>9}  {"by status":<24} {"mean":>9} {"p99 within":>11}')
    for key in sorted(counts, key=lambda k: -sum(counts[k].values())):
        requests = sum(counts[key].values())
        statuses = ", ".join(f"{status}: {int(count)}" for status, count in sorted(counts[key].items()))
        mean = sums[key] / totals[key] * 1000 if totals[key] else float("nan")
        p99 = "-"
        for bound, cumulative in sorted(buckets[key]):
            if totals[key] and cumulative >= 0.99 * totals[key]:
                p99 = "+Inf" if bound == float("inf") else f"{bound * 1000:g} ms"
                break
        print(f"{key:<36} {int(requests):>9}  {statuses:<24} {mean:>7.2f}ms {p99:>11}")


if __name__ == "__main__":
    main()
