"""`abr-db bench --scales 0.3,1,3`: how cost grows with data. For each scale, the synthetic
dataset is seeded again (`seed --scale S --replace`: S x 100,000 people) and the frontend
suite runs; the result is each client query's p50 (as its user) against data size, as a
markdown table and a plot (an SVG written by this module: no plotting dependency).

A query an index serves stays flat: its p50 at the largest scale within 1.3x of the scale
1 figure (GROWTH_GOAL). One that grows is named in the table ("grows").
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from . import bench_frontend, ui
from .connect import connect
from .errors import UsageError
from .scale_seed import counts, seed_scale

GROWTH_GOAL = 1.3


def parse_scales(text: str) -> list[float]:
    try:
        scales = sorted({float(part) for part in text.split(",") if part.strip()})
    except ValueError:
        raise UsageError(f"--scales takes comma-separated numbers (0.3,1,3), not {text!r}") from None
    if len(scales) < 2 or not all(0 < s <= 20 for s in scales):
        raise UsageError("--scales needs at least two scales, each above 0 and at most 20")
    return scales


@dataclass
class ScalesReport:
    scales: list[float]
    people: dict[float, int] = field(default_factory=dict)
    p50: dict[str, dict[float, float]] = field(default_factory=dict)  # case -> scale -> user p50 ms

    @property
    def reference(self) -> float:
        return 1.0 if 1.0 in self.scales else self.scales[len(self.scales) // 2]

    def growth(self, case: str) -> float:
        row = self.p50[case]
        ref = row.get(self.reference)
        last = row.get(self.scales[-1])
        return last / ref if ref and last is not None else float("nan")

    def as_dict(self) -> dict:
        return {
            "scales": self.scales, "people": {str(k): v for k, v in self.people.items()},
            "reference_scale": self.reference, "goal": GROWTH_GOAL,
            "cases": [{"case": c, "p50_ms": {str(s): round(v, 3) for s, v in row.items()},
                       "growth": round(self.growth(c), 2)} for c, row in self.p50.items()],
        }


def run(
    url: str, scales: list[float], repeat: int = 15, quiet: bool = False, on_scale=None
) -> ScalesReport:
    """on_scale(report) after each scale (the CLI writes what it has so far: a long run keeps its first scales)."""
    report = ScalesReport(scales)
    for scale in scales:
        with ui.steps(f"seed --scale {scale:g}") as on_step:
            seed_scale(url, scale, replace=True, on_step=on_step)
        conn = connect(url)
        try:
            report.people[scale] = counts(conn).get("profiles", 0)
            with ui.steps(f"frontend suite at scale {scale:g}") as on_step:
                results = bench_frontend.run(conn, repeat=repeat, on_case=on_step)
                on_step("done", len(results), len(results))
        finally:
            conn.close()
        for r in results:
            report.p50.setdefault(f"{r.name} [{r.form}]", {})[scale] = r.user_p50
        if on_scale:
            on_scale(report)
    if not quiet:
        ui.console.print(markdown(report))
    return report


def markdown(report: ScalesReport) -> str:
    s = report.scales
    head = "| query | " + " | ".join(f"p50 ms at {x:g} ({report.people.get(x, 0):,} people)" for x in s)
    head += f" | {s[-1]:g} vs {report.reference:g} | flat |"
    lines = [head, "|---|" + "---|" * (len(s) + 2)]
    for case, row in report.p50.items():
        g = report.growth(case)
        cells = " | ".join(f"{row.get(x, float('nan')):.3f}" for x in s)
        verdict = "?" if math.isnan(g) else "yes" if g <= GROWTH_GOAL else "**grows**"
        lines.append(f"| {case} | {cells} | {g:.2f}x | {verdict} |")
    return "\n".join(lines)


def svg(report: ScalesReport, width: int = 900, height: int = 560) -> str:
    """p50 against data size, log-log, one line per query; the ones that grow are labelled."""
    left, right, top, bottom = 70, 260, 30, 50
    xs = [math.log10(report.people.get(x) or x * 100_000) for x in report.scales]
    values = [v for row in report.p50.values() for v in row.values() if v > 0]
    lo, hi = math.log10(min(values)), math.log10(max(values))
    if hi - lo < 1e-9:
        hi = lo + 1
    x0, x1 = min(xs), max(xs)

    def px(i: int) -> float:
        return left + (xs[i] - x0) / ((x1 - x0) or 1) * (width - left - right)

    def py(v: float) -> float:
        return top + (hi - math.log10(v)) / (hi - lo) * (height - top - bottom)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif"'
           ' font-size="11">', f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="{left}" y="18" font-size="13">p50 per client query (ms, log) against people in the dataset'
           ' (log)</text>']
    for e in range(math.floor(lo), math.ceil(hi) + 1):
        v = 10 ** e
        if lo - 1e-9 <= e <= hi + 1e-9:
            out.append(f'<line x1="{left}" x2="{width - right}" y1="{py(v):.1f}" y2="{py(v):.1f}" stroke="#ddd"/>')
            out.append(f'<text x="{left - 6}" y="{py(v) + 4:.1f}" text-anchor="end">{v:g}</text>')
    for i, x in enumerate(report.scales):
        out.append(f'<line x1="{px(i):.1f}" x2="{px(i):.1f}" y1="{top}" y2="{height - bottom}" stroke="#ddd"/>')
        out.append(f'<text x="{px(i):.1f}" y="{height - bottom + 16}" text-anchor="middle">'
                   f'{report.people.get(x, 0):,} (scale {x:g})</text>')
    palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
               "#bcbd22", "#17becf"]
    label_y = top + 10
    for n, (case, row) in enumerate(report.p50.items()):
        grows = report.growth(case) > GROWTH_GOAL
        colour = palette[n % len(palette)] if grows else "#9ab"
        pts = " ".join(f"{px(i):.1f},{py(row[x]):.1f}" for i, x in enumerate(report.scales) if row.get(x, 0) > 0)
        out.append(f'<polyline points="{pts}" fill="none" stroke="{colour}" stroke-width="{2 if grows else 1}"/>')
        if grows:
            name = case if len(case) <= 42 else case[:40] + "…"
            out.append(f'<text x="{width - right + 8}" y="{label_y}" fill="{colour}">{_xml(name)} '
                       f'({report.growth(case):.1f}x)</text>')
            label_y += 14
    out.append(f'<text x="{width - right + 8}" y="{label_y + 10}" fill="#9ab">grey: flat (within '
               f'{GROWTH_GOAL}x)</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_plot(report: ScalesReport, path: Path) -> None:
    path.write_text(svg(report))
