"""Helpers for the scripts that summarise wrk runs (bench-http-ab.sh, bench-http-floor.sh)."""
import statistics


def ms(text):
    """A wrk latency such as 850.00us, 2.31ms or 1.02s, in milliseconds."""
    for unit, scale in (("us", 1e-3), ("ms", 1.0), ("s", 1e3)):
        if text.endswith(unit):
            return float(text[:-len(unit)]) * scale
    raise ValueError(f"not a wrk latency: {text!r}")


def span(values, form):
    """The median and range of values, each written by form: 'median (min-max)'."""
    return f"{form(statistics.median(values))} ({form(min(values))}-{form(max(values))})"
