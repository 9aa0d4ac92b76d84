"""Writes a scenario file (format version 1) as the generators in this folder produce it."""
import json


def q(s):
    """A RON string literal."""
    return json.dumps(s, ensure_ascii=False)


def scenario_ron(header, name, description, extra_indicators, series):
    """`header`: comment lines; `extra_indicators`: (id, name, name_en, unit) tuples;
    `series`: dicts with id, indicator, region, unit, kind, label, source and points
    (dicts with year, value, source, quote and optionally derived)."""
    out = [f"// {line}" for line in header]
    w = out.append
    w("(")
    w("    format_version: 1,")
    w(f"    name: {q(name)},")
    w(f"    description: {q(description)},")
    w('    plan: "内蒙古自治区“十三五”科技创新规划",')
    w("    extra_indicators: [")
    for ind, zh, en, unit in extra_indicators:
        w(f"        (id: {q(ind)}, name: {q(zh)}, name_en: {q(en)}, unit: {q(unit)}),")
    w("    ],")
    w("    series: [")
    for s in series:
        w("        (")
        for k in ("id", "indicator", "region", "unit"):
            w(f"            {k}: {q(s[k])},")
        w(f"            kind: {s['kind']},")
        w(f"            label: {q(s['label'])},")
        w(f"            source: {q(s['source'])},")
        w("            points: [")
        for p in sorted(s["points"], key=lambda p: p["year"]):
            extra = f", derived: Some({q(p['derived'])})" if p.get("derived") else ""
            w(f"                (year: {p['year']}, value: {float(p['value'])!r}, source: {q(p['source'])}, quote: {q(p['quote'])}{extra}),")
        w("            ],")
        w("        ),")
    w("    ],")
    w(")")
    return "\n".join(out)
