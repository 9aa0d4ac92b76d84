#!/usr/bin/env python3
"""Check a benchmark run against the budgets in docs/PERFORMANCE.md.

    cargo bench --bench frames -- --output-format bencher | python3 tools/bench_budgets.py

Every budget is a ratio to the yardstick, egui's own demo frame measured in the same run
(`frame/egui_demo` first and `frame/egui_demo/again` last: the faster of the two is used, as
the first measurement of a process reads up to 40 % slow on this machine, and a yardstick
read slow would make every ratio look good). A ratio holds on any machine, where
milliseconds would not.

Prints each benchmark beside its budget and exits 1 when one is over it or was not measured,
2 when the input has no yardstick or the budget table cannot be read.
"""

import argparse
import pathlib
import re
import sys

YARDSTICKS = ("frame/egui_demo", "frame/egui_demo/again")

# criterion's bencher format: `test frame/map/1 ... bench:     381,204 ns/iter (+/- 9,817)`
RESULT = re.compile(r"^test (\S+) \.\.\. bench:\s+([\d,]+) (ns|us|µs|ms|s)/iter")
UNIT_NS = {"ns": 1.0, "us": 1e3, "µs": 1e3, "ms": 1e6, "s": 1e9}

# A budget row of the table under "## Budgets": | `name` | ≤ 4× | …
BUDGET_ROW = re.compile(r"^\|\s*`([^`]+)`\s*\|\s*≤\s*([\d.,]+)\s*×\s*\|")

DEFAULT_BUDGETS = pathlib.Path(__file__).resolve().parent.parent / "docs" / "PERFORMANCE.md"


def parse_run(lines):
    """Median time in nanoseconds per benchmark name."""
    times = {}
    for line in lines:
        m = RESULT.match(line.strip())
        if m:
            times[m.group(1)] = float(m.group(2).replace(",", "")) * UNIT_NS[m.group(3)]
    return times


def parse_budgets(text):
    """The budget table: benchmark name → largest allowed ratio to the yardstick."""
    budgets = {}
    in_section = False
    for line in text.splitlines():
        if line.startswith("## "):
            in_section = line.strip() == "## Budgets"
            continue
        m = BUDGET_ROW.match(line) if in_section else None
        if m:
            budgets[m.group(1)] = float(m.group(2).replace(",", ""))
    return budgets


def yardstick(times):
    """The faster of the run's demo frames, or None when it has neither."""
    return min((times[y] for y in YARDSTICKS if y in times), default=None)


def check(times, budgets):
    """(yardstick, rows, broken): a row per budget, and how many are over or missing."""
    yardstick_ns = yardstick(times)
    if yardstick_ns is None:
        raise ValueError("the run has no yardstick (frame/egui_demo): run the whole frames bench")
    rows, broken = [], 0
    for name, budget in budgets.items():
        if name not in times:
            rows.append((name, None, None, budget, "NOT MEASURED"))
            broken += 1
            continue
        ratio = times[name] / yardstick_ns
        verdict = "ok" if ratio <= budget else "OVER"
        broken += verdict != "ok"
        rows.append((name, times[name], ratio, budget, verdict))
    return yardstick_ns, rows, broken


def millis(ns):
    return f"{ns / 1e6:.3f} ms"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--budgets", type=pathlib.Path, default=DEFAULT_BUDGETS,
                        help="the Markdown file with the '## Budgets' table (default: docs/PERFORMANCE.md)")
    args = parser.parse_args(argv)
    try:
        budgets = parse_budgets(args.budgets.read_text(encoding="utf-8"))
    except OSError as e:
        print(f"bench_budgets: cannot read {args.budgets}: {e}", file=sys.stderr)
        return 2
    if not budgets:
        print(f"bench_budgets: no budget rows under '## Budgets' in {args.budgets}", file=sys.stderr)
        return 2
    times = parse_run(sys.stdin)
    try:
        yardstick_ns, rows, broken = check(times, budgets)
    except ValueError as e:
        print(f"bench_budgets: {e}", file=sys.stderr)
        return 2
    print(f"yardstick (faster of {', '.join(YARDSTICKS)}): {millis(yardstick_ns)}")
    width = max(len(r[0]) for r in rows)
    print(f"{'benchmark':<{width}}  {'time':>12}  {'÷ demo':>8}  {'budget':>7}  verdict")
    for name, ns, ratio, budget, verdict in rows:
        shown_ns = millis(ns) if ns is not None else "—"
        shown_ratio = f"{ratio:.2f}×" if ratio is not None else "—"
        print(f"{name:<{width}}  {shown_ns:>12}  {shown_ratio:>8}  {'≤ ' + format(budget, 'g') + '×':>7}  {verdict}")
    print(f"{len(rows) - broken} of {len(rows)} budgets met")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
