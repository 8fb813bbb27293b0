#!/usr/bin/env python3
"""Hostile-load benchmark driver: how well one well-behaved customer is served while others attack.

Usage: hostile.py --port PORT [--duration 60] [--rate 20] [--connections 4] [--half-open 200]
                  [--token ADMIN_SECRET (default $PAYCIRCLE_ADMIN_TOKEN)] [--rss-file RSS.tsv] [--json OUT]

Talks only to 127.0.0.1:PORT, from loopback source addresses only, for --duration seconds, then stops:
  well-behaved  127.0.0.1  GET /v1/nearest k=5 at places spread over Monaco, --rate a second on one
                           keep-alive connection (reconnecting when closed); latency is send -> whole answer,
                           success is HTTP 200; slots skipped because the previous answer came late are counted
  planning      127.0.0.2  /v1/coverage (PNG), /v1/gaps and /v1/suggest at 60 minutes, a new `at` each time
  tickets       127.0.0.3  POST /v1/halls/{id}/tickets, ids of served points and unknown ones
  bad-input     127.0.0.4  malformed parameters, huge k, %00 in ids, 100 KB bodies to POST /v1/points
  half-open     127.0.0.5  up to --half-open sockets at once, each sending a request head without its final
                           blank line and then nothing; counts those the server closes and after how long
Attackers (--connections keep-alive connections each) send again as soon as an answer comes back.
Reports requests, success rate and p50/p90/p99/max latency of the well-behaved client; answers by status
(429, 503, ...) and connection errors per attacker; half-open sockets opened, closed by the server and the
median seconds until closed; the server's RSS from --rss-file ("seconds<TAB>kB" lines). Exits 0 whatever
the figures. Python 3.11+. The attackers share one process on the server's machine, so their rates are what
it reaches; the well-behaved client has a process of its own.
"""
import argparse
import asyncio
import itertools
import json
import math
import multiprocessing
import os
import random
import signal
import statistics
import sys
import time
import urllib.parse
from collections import Counter
from datetime import datetime, timedelta, timezone

HOST = "127.0.0.1"                                   # the only target
SOURCES = {"well-behaved": "127.0.0.1", "planning": "127.0.0.2", "tickets": "127.0.0.3",
           "bad-input": "127.0.0.4", "half-open": "127.0.0.5"}
REQUEST_TIMEOUT = 30.0                               # seconds for one request, then it counts as an error
GRACE = 5.0                                          # seconds after the deadline before everything is cancelled
                                                     # (requests still out time out a second before)
PARTIAL_HEAD = b"GET / HTTP/1.1\r\nHost: x\r\n"      # no final blank line


class Client:
    """A minimal HTTP/1.1 client on one keep-alive connection from a loopback source address."""

    def __init__(self, port, source):
        self.port, self.source, self.reader, self.writer = port, source, None, None

    async def request(self, method, path, body=b"", headers=()):
        """Sends one request and reads the whole answer: (status, body). Raises on socket and protocol errors."""
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(HOST, self.port, local_addr=(self.source, 0))
        head = [f"{method} {path} HTTP/1.1", f"Host: {HOST}:{self.port}", *(f"{k}: {v}" for k, v in headers)]
        if body or method in ("POST", "PUT"):
            head.append(f"Content-Length: {len(body)}")
        try:
            self.writer.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)
            await self.writer.drain()
            while True:
                version, status, fields = await self._head()
                if not 100 <= status < 200:          # skip 100 Continue and other interim answers
                    break
            keep_alive = version == "HTTP/1.1" and fields.get("connection", "").lower() != "close"
            if method == "HEAD" or status in (204, 304):
                answer = b""
            elif "chunked" in fields.get("transfer-encoding", "").lower():
                answer = await self._chunked()
            elif "content-length" in fields:
                answer = await self.reader.readexactly(int(fields["content-length"]))
            else:                                    # delimited by the end of the connection
                answer, keep_alive = await self.reader.read(), False
        except BaseException:
            self.close()
            raise
        if not keep_alive:
            self.close()
        return status, answer

    async def _head(self):
        line = await self.reader.readline()
        version, status = (line.decode("latin-1").split(None, 2) + ["", ""])[:2]
        if not version.startswith("HTTP/1.") or not status.isdigit():
            raise ConnectionError("not an HTTP/1.x answer" if line else "closed before an answer")
        fields = {}
        while (line := await self.reader.readline()) not in (b"\r\n", b"\n"):
            if not line:
                raise ConnectionError("closed in the answer's head")
            name, _, value = line.decode("latin-1").partition(":")
            fields[name.strip().lower()] = value.strip()
        return version, int(status), fields

    async def _chunked(self):
        parts = []
        while size := int((await self.reader.readline()).split(b";")[0].strip() or b"?", 16):
            parts.append(await self.reader.readexactly(size))
            await self.reader.readexactly(2)         # the CRLF after each chunk
        while (await self.reader.readline()) not in (b"\r\n", b"\n", b""):
            pass                                     # trailer fields
        return b"".join(parts)

    def close(self):
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


class Stats:
    def __init__(self):
        self.statuses, self.by_request, self.errors, self.latencies, self.missed = Counter(), {}, Counter(), [], 0

    def answer(self, label, status, started):
        self.statuses[status] += 1
        self.by_request.setdefault(label, Counter())[status] += 1
        self.latencies.append((time.monotonic() - started) * 1000)

    def summary(self):
        text = lambda counter: {str(k): v for k, v in sorted(counter.items())}
        return {"answers": sum(self.statuses.values()), "statuses": text(self.statuses), "errors": dict(self.errors),
                "by_request": {label: text(c) for label, c in self.by_request.items()},
                "latency_ms": {f"p{round(p * 100)}" if p < 1 else "max": quantile(self.latencies, p)
                               for p in (.5, .9, .99, 1)}}


def describe(error):
    detail = getattr(error, "strerror", None) or (str(error) if type(error) is ConnectionError else "")
    return f"{type(error).__name__}: {detail}" if detail else type(error).__name__


async def timed(awaitable, deadline):
    # asyncio.timeout, not wait_for: wait_for of 3.11 can swallow a cancellation (Ctrl-C) that meets an answer
    async with asyncio.timeout(max(1.0, min(REQUEST_TIMEOUT, deadline + GRACE - 1 - time.monotonic()))):
        return await awaitable


async def well_behaved(port, rate, deadline, rng, stats):
    client, interval, slot = Client(port, SOURCES["well-behaved"]), 1.0 / rate, time.monotonic()
    while True:
        await asyncio.sleep(max(0.0, slot - time.monotonic()))
        now = time.monotonic()
        if now >= deadline:
            stats.missed += max(0, math.ceil((deadline - slot) / interval))
            break
        if now - slot > interval:                    # the previous answer came late: skip its slots, no burst
            stats.missed += int((now - slot) / interval)
            slot = now
        slot += interval
        path = f"/v1/nearest?lat={rng.uniform(43.73, 43.75):.6f}&lon={rng.uniform(7.41, 7.44):.6f}&k=5"
        try:
            status, _ = await timed(client.request("GET", path), deadline)
            stats.answer("nearest", status, now)
        except Exception as error:
            stats.errors[describe(error)] += 1
    client.close()


def well_behaved_process(pipe, port, rate, seed):
    """The well-behaved client in a process of its own, so that the attackers' work in this one does not delay
    its requests; the deadline comes through the pipe (the system's monotonic clock, shared), the Stats go back."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)    # ended by the parent (a daemon process) or by the deadline
    deadline, stats = pipe.recv(), Stats()

    async def bounded():
        async with asyncio.timeout(deadline + GRACE - time.monotonic()):
            await well_behaved(port, rate, deadline, random.Random(seed), stats)
    try:
        asyncio.run(bounded())
    except TimeoutError:
        pass
    pipe.send(vars(stats))


async def attacker(port, source, deadline, requests, stats):
    client = Client(port, source)
    while time.monotonic() < deadline:
        label, method, path, body, headers = next(requests)
        started = time.monotonic()
        try:
            status, _ = await timed(client.request(method, path, body, headers), deadline)
            stats.answer(label, status, started)
        except Exception as error:
            stats.errors[f"{label}: {describe(error)}"] += 1
            await asyncio.sleep(0.05)                # no hot loop while connections are refused
    client.close()


def planning_requests():
    start = datetime(2026, 11, 23, tzinfo=timezone(timedelta(hours=1)))
    at = (urllib.parse.quote((start + timedelta(minutes=7 * n)).isoformat(), safe="") for n in itertools.count())
    while True:
        yield "coverage", "GET", f"/v1/coverage?minutes=60&format=png&at={next(at)}", b"", ()
        yield "gaps", "GET", f"/v1/gaps?minutes=60&at={next(at)}", b"", ()
        yield "suggest", "GET", "/v1/suggest?candidates=grid&minutes=60&target_share=1", b"", ()


def ticket_requests(hall_ids):
    body = json.dumps({"service": "cash", "customer": "x"}).encode()
    for hall in itertools.cycle(hall_ids):
        path = f"/v1/halls/{urllib.parse.quote(hall, safe='')}/tickets"
        yield "tickets", "POST", path, body, (("Content-Type", "application/json"),)


def bad_requests(token):
    big = b'{"id": "hostile-big", "name": "' + b"x" * 100_000 + b'", "kind": "kiosk", "lat": 43.74, "lon": 7.42}'
    auth = (("Authorization", f"Bearer {token}"),) if token else ()
    return itertools.cycle([
        ("lat=abc", "GET", "/v1/nearest?lat=abc&lon=7.42", b"", ()),
        ("huge k", "GET", "/v1/nearest?lat=43.74&lon=7.42&k=99999999999999999999999", b"", ()),
        ("lat=1e999", "GET", "/v1/nearest?lat=1e999&lon=NaN&k=-1", b"", ()),
        ("%00 id", "GET", "/v1/points/osm%3An1%00%00x", b"", ()),
        ("%00 hall", "POST", "/v1/halls/%00hall%00/tickets", b'{"service": "cash"}', ()),
        ("minutes=1e9", "GET", "/v1/coverage?minutes=1000000000&at=%00", b"", ()),
        ("100 KB body", "POST", "/v1/points", big, (("Content-Type", "application/json"), *auth))])


async def half_open_slot(port, deadline, stats):
    """Keeps one half-open socket until the deadline, opening another when the server closes it."""
    while time.monotonic() < deadline:
        try:
            reader, writer = await timed(asyncio.open_connection(HOST, port, local_addr=(SOURCES["half-open"], 0)),
                                         deadline)
            writer.write(PARTIAL_HEAD)
            await writer.drain()
        except Exception as error:
            stats["connect_errors"][describe(error)] += 1
            await asyncio.sleep(0.1)
            continue
        opened, first, closed = time.monotonic(), b"", True
        stats["opened"] += 1
        try:
            async with asyncio.timeout(deadline - time.monotonic()):
                while chunk := await reader.read(4096):
                    first = first or chunk
        except TimeoutError:
            closed = False                           # still open at the deadline
        except OSError:
            pass                                     # reset by the server
        writer.close()
        if not closed:
            stats["open_at_end"] += 1
            break
        stats["closed_after_s"].append(time.monotonic() - opened)
        stats["first_bytes"][first.split(b"\r\n")[0].decode("latin-1")[:40] or "(nothing)"] += 1
        await asyncio.sleep(0.1)


async def fetch(port, path):
    client = Client(port, SOURCES["well-behaved"])
    try:
        async with asyncio.timeout(5):
            return await client.request("GET", path)
    except Exception as error:
        return describe(error), b""
    finally:
        client.close()


async def run(args):
    _, body = await fetch(args.port, "/v1/points?bbox=7.40,43.72,7.45,43.76&limit=20")
    try:
        hall_ids = [f.get("id") or f["properties"]["id"] for f in json.loads(body)["features"]]
    except (ValueError, KeyError, TypeError, AttributeError):
        hall_ids = []
    hall_ids += ["no-such-hall", "osm:n0"]
    pipe, child_end = multiprocessing.Pipe()
    child = multiprocessing.Process(target=well_behaved_process, args=(child_end, args.port, args.rate, args.seed),
                                    daemon=True)
    child.start()                                   # before the clock starts
    child_end.close()
    start = time.monotonic()
    deadline = start + args.duration
    pipe.send(deadline)
    stats = {kind: Stats() for kind in ("well-behaved", "planning", "tickets", "bad-input")}
    half = {"opened": 0, "open_at_end": 0, "closed_after_s": [], "first_bytes": Counter(), "connect_errors": Counter()}
    sources = {"planning": planning_requests(), "tickets": ticket_requests(hall_ids),
               "bad-input": bad_requests(args.token)}

    async def good():                                # the well-behaved client's Stats, when its process ends
        while not pipe.poll():
            await asyncio.sleep(0.05)
        stats["well-behaved"].__dict__.update(pipe.recv())

    async def staggered(i):                          # 100 new half-open sockets a second until all are open
        await asyncio.sleep(i * 0.01)
        await half_open_slot(args.port, deadline, half)
    tasks = [good(), *(staggered(i) for i in range(args.half_open))]
    for kind, requests in sources.items():          # one stream of requests shared by the attacker's connections
        tasks += [attacker(args.port, SOURCES[kind], deadline, requests, stats[kind]) for _ in range(args.connections)]
    tasks = [asyncio.create_task(t) for t in tasks]
    _, pending = await asyncio.wait(tasks, timeout=args.duration + GRACE)
    for task in pending:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    elapsed = time.monotonic() - start
    return report(args, stats, half, elapsed, (await fetch(args.port, "/healthz"))[0], len(hall_ids))


def quantile(values, p):
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))], 2) if ordered else None


def rss_mb(path):
    try:
        with open(path) as f:
            kb = [int(fields[1]) for fields in map(str.split, f) if len(fields) == 2 and fields[1].isdigit()]
    except (OSError, TypeError):
        kb = []
    return {"samples": len(kb), "min": min(kb) / 1024, "median": statistics.median(kb) / 1024,
            "max": max(kb) / 1024, "last": kb[-1] / 1024} if kb else None


def report(args, stats, half, elapsed, healthz, hall_count):
    well, times = stats.pop("well-behaved"), half.pop("closed_after_s")
    good = well.summary()
    requests = good["answers"] + sum(good["errors"].values())
    return {"duration_s": round(elapsed, 1), "port": args.port, "healthz_after": healthz,
            "serve_flags": os.environ.get("PAYCIRCLE_SERVE_FLAGS", ""),
            "well_behaved": {"source": SOURCES["well-behaved"], "target_rate": args.rate, "requests": requests,
                             "success_rate_pct": round(100 * good["statuses"].get("200", 0) / max(1, requests), 2),
                             "skipped_slots": well.missed, **good},
            "attackers": {kind: {"source": SOURCES[kind], "connections": args.connections, **s.summary()}
                          for kind, s in stats.items()},
            "ticket_hall_ids": hall_count,
            "half_open": {"source": SOURCES["half-open"], "at_once": args.half_open, **half,
                          "closed_by_server": len(times),
                          "median_s_to_close": round(statistics.median(times), 2) if times else None,
                          "max_s_to_close": quantile(times, 1)},
            "server_rss_mb": rss_mb(args.rss_file)}


def print_report(r):
    g, h, m = r["well_behaved"], r["half_open"], r["server_rss_mb"]
    print(f"==> {r['duration_s']} s; /healthz afterwards: {r['healthz_after']}")
    print(f"well-behaved ({g['source']}, {g['target_rate']:g} req/s): {g['requests']} requests, "
          f"{g['success_rate_pct']}% HTTP 200, {g['skipped_slots']} slots skipped; latency ms "
          + " ".join(f"{k} {v}" for k, v in g["latency_ms"].items()))
    print(f"    statuses {g['statuses']}" + (f", errors {g['errors']}" if g["errors"] else ""))
    for kind, a in r["attackers"].items():
        print(f"{kind} ({a['source']}, {a['connections']} connections): {a['answers']} answers "
              f"({a['answers'] / max(r['duration_s'], 0.1):.0f}/s), 429: {a['statuses'].get('429', 0)}, 503: "
              f"{a['statuses'].get('503', 0)}, latency ms p50 {a['latency_ms']['p50']} max {a['latency_ms']['max']}")
        for label, statuses in a["by_request"].items():
            print(f"    {label:<12} {statuses}")
        errors = Counter()
        for error, count in a["errors"].items():       # "label: error", summed over the labels
            errors[error.partition(": ")[2]] += count
        for error, count in errors.most_common():
            print(f"    connection errors: {count} {error}")
    print(f"half-open ({h['source']}, up to {h['at_once']} at once): {h['opened']} opened, {h['closed_by_server']} "
          f"closed by the server (median after {h['median_s_to_close']} s, max {h['max_s_to_close']} s), "
          f"{h['open_at_end']} open at the end\n    sent before closing {dict(h['first_bytes'])}; "
          f"connect errors {dict(h['connect_errors'])}")
    print(f"server RSS: min {m['min']:.0f} MB, median {m['median']:.0f} MB, max {m['max']:.0f} MB, last "
          f"{m['last']:.0f} MB ({m['samples']} samples)" if m else "server RSS: not sampled")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--duration", type=float, default=60, help="seconds (default 60)")
    parser.add_argument("--rate", type=float, default=20, help="well-behaved requests a second (20)")
    parser.add_argument("--connections", type=int, default=4, help="connections of each attacker (4)")
    parser.add_argument("--half-open", type=int, default=200, help="half-open sockets at most at once (200)")
    parser.add_argument("--token", default=os.environ.get("PAYCIRCLE_ADMIN_TOKEN", ""),
                        help="admin token for the oversized POST /v1/points (default $PAYCIRCLE_ADMIN_TOKEN)")
    parser.add_argument("--rss-file", help="the server's RSS samples, 'seconds<TAB>kB' a line")
    parser.add_argument("--json", help="write the report here too")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    if not (0 < args.duration <= 86400 and args.rate > 0 and args.connections >= 0 and args.half_open >= 0):
        parser.error("--duration must be in (0, 86400], --rate above 0, the counts not negative")
    try:
        result = asyncio.run(run(args))
    except KeyboardInterrupt:
        sys.exit("interrupted")
    print_report(result)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
