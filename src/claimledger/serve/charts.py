"""The chart of claims by date and side on a place's and a story's page, drawn as SVG.

:func:`claims_chart` counts claims per day (per week or month when the dates span longer) and
side, and lays out stacked bars in a fixed ``viewBox`` that the template draws; no script.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any, Iterable

from .sides import order_sides, side_label

WIDTH, HEIGHT = 560.0, 150.0  # the viewBox; the chart scales to its column
LEFT, RIGHT, TOP, BOTTOM = 30.0, 8.0, 8.0, 22.0  # room for the axes' labels
MAX_DAY_BINS = 90  # more days than this: bars are weeks, then months
MAX_WEEK_BINS = 104
TICKS = 5  # date labels under the bars, at most
OUTLIER_SHARE = 0.05
MAX_BAR = 26.0  # a bar's widest (few days: thin bars, not blocks)


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        return None


def _bin(day: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return day - dt.timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


def _next(day: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return day + dt.timedelta(days=7)
    if unit == "month":
        return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return day + dt.timedelta(days=1)


def _outliers(counted: Counter) -> dt.date:
    """Return the first day drawn: a few claims dated years before the rest (a speech recalling
    1922) would squeeze every bar into one corner, so the earliest :data:`OUTLIER_SHARE` of the
    claims are left out when the rest spans less than a quarter of the whole range."""
    dated = sorted(d for (d, _), n in counted.items() for _ in range(n))
    start = dated[int(len(dated) * OUTLIER_SHARE)]
    whole, rest = (dated[-1] - dated[0]).days, (dated[-1] - start).days
    return start if whole > 365 and rest < whole / 4 else dated[0]


def claims_chart(claims: Iterable[dict[str, Any]], anchor: str | None = "day-") -> dict[str, Any] | None:
    """Return the chart of ``claims`` (dicts with ``date`` or ``story_date``, and ``side``):
    ``bars`` (x, width, the day or period, its link, title and stacked ``parts`` per side),
    ``ticks`` (x, text), ``grid`` (y, count), ``sides`` for the legend and ``undated`` (claims
    without a date, or dated long before the rest, not drawn); None without dated claims. A bar links to ``#<anchor><date>`` (the timeline's row) when bars are days."""
    counted: Counter = Counter()
    undated = 0
    for claim in claims:
        day = _date(claim.get("date") or claim.get("story_date"))
        if day is None:
            undated += 1
            continue
        counted[(day, claim.get("side") or "unknown")] += 1
    if not counted:
        return None
    earlier = _outliers(counted)
    for key in [k for k in counted if k[0] < earlier]:
        undated += counted.pop(key)
    days = sorted({d for d, _ in counted})
    span = (days[-1] - days[0]).days + 1
    unit = "day" if span <= MAX_DAY_BINS else "week" if span <= MAX_WEEK_BINS * 7 else "month"
    bins: dict[dt.date, Counter] = {}
    for (day, side), n in counted.items():
        bins.setdefault(_bin(day, unit), Counter())[side] += n
    first, last = min(bins), max(bins)
    periods = [first]
    while periods[-1] < last:
        periods.append(_next(periods[-1], unit))
    sides = order_sides({s for _, s in counted})
    top = max(sum(c.values()) for c in bins.values())
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / len(periods)
    bars = []
    for index, period in enumerate(periods):
        counts = bins.get(period)
        if not counts:
            continue
        y = TOP + plot_h
        parts = []
        for side in sides:
            n = counts.get(side, 0)
            if n:
                h = plot_h * n / top
                y -= h
                parts.append({"side": side, "y": round(y, 1), "h": round(h, 1), "n": n})
        label = period.isoformat() if unit == "day" else (
            f"week of {period.isoformat()}" if unit == "week" else period.strftime("%Y-%m"))
        title = f"{label}: " + ", ".join(f"{side_label(p['side'])} {p['n']}" for p in parts)
        width = min(max(step * 0.8, 0.8), MAX_BAR)
        bars.append({"x": round(LEFT + index * step + (step - width) / 2, 1), "w": round(width, 1),
                     "date": period.isoformat(), "title": title, "parts": parts,
                     "href": f"#{anchor}{period.isoformat()}" if anchor and unit == "day" else None})
    every = max(1, -(-len(periods) // TICKS))
    ticks = [{"x": round(LEFT + (i + 0.5) * step, 1),
              "text": p.isoformat() if unit == "day" else p.strftime("%Y-%m") if unit == "month"
              else p.isoformat()} for i, p in enumerate(periods) if i % every == 0]
    grid = [{"y": round(TOP + plot_h - plot_h * v / top, 1), "n": v}
            for v in sorted({top, max(top // 2, 1)}) if v]
    return {"width": WIDTH, "height": HEIGHT, "left": LEFT, "base": TOP + plot_h,
            "right": WIDTH - RIGHT, "bars": bars, "ticks": ticks, "grid": grid, "unit": unit,
            "sides": [(s, side_label(s)) for s in sides], "total": sum(counted.values()),
            "undated": undated}
