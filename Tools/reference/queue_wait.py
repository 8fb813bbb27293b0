#!/usr/bin/env python3
"""Independent reference for WaitModel: for each case on stdin (JSON list of {waiting, counters, handling_s,
walk_s}) prints the mean of max(0, S - T) with S ~ Gamma(waiting + 1, scale = handling_s / counters),
by numerical integration with SciPy, and the 10th and 90th percentiles of S - T floored at 0."""
import json
import sys

from scipy import integrate, stats

out = []
for case in json.load(sys.stdin):
    k = case["waiting"] + 1
    scale = case["handling_s"] / case["counters"]
    walk = case["walk_s"]
    gamma = stats.gamma(a=k, scale=scale)
    # E[(S - T)+] is the integral of P(S > s) from T on; the survival function is negligible past
    # its 1 - 1e-15 quantile, and the mode is given as a point so that the integrator does not miss it.
    upper = gamma.ppf(1 - 1e-15)
    mean = 0.0
    if upper > walk:
        mode = (k - 1) * scale
        points = [mode] if walk < mode < upper else None
        mean, _ = integrate.quad(gamma.sf, walk, upper, points=points, limit=500, epsabs=1e-11, epsrel=1e-12)
    out.append({"mean": mean, "low": max(0.0, gamma.ppf(0.1) - walk), "high": max(0.0, gamma.ppf(0.9) - walk)})
json.dump(out, sys.stdout)
