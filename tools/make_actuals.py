#!/usr/bin/env python3
"""Build scenarios/actual-2010-2023.ron from the sourced CSVs in ../shared/data.

Every value is copied as printed with its URL and quote. Where one row has to be turned
into the plan's unit (万元 → 亿元) or a ratio is formed from two sourced values (fiscal
S&T share, patents per 10,000 people), the point says so in `derived` with the formula.
Rows of the same indicator, region and unit from different kinds of source (NBS bulletin,
statistical yearbook, regional bulletin, news) become separate series, so disagreements
stay visible instead of being resolved silently.

Usage: python3 tools/make_actuals.py [DATA_DIR] > scenarios/actual-2010-2023.ron
"""
import csv
import os
import sys
from collections import OrderedDict

from scenario_ron import scenario_ron

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "shared", "data")

# Indicators of the data that are measures of the plan, with the plan's unit.
PLAN_MEASURES = {
    "rd_expenditure": ("rd_expenditure", "亿元"),
    "rd_intensity": ("rd_intensity", "%"),
    "rd_intensity_revised": ("rd_intensity", "%"),
    "fiscal_st_share": ("fiscal_st_share", "%"),
    "enterprise_rd_share": ("enterprise_rd_share", "%"),
    "invention_patents_per_10k": ("invention_patents_per_10k", "件"),
    "tech_contract_value": ("tech_contract_value", "亿元"),
    "tech_contract_value_inflow": ("tech_contract_value", "亿元"),
    "high_tech_enterprises": ("high_tech_enterprises", "个"),
    "st_progress_contribution": ("st_progress_contribution", "%"),
    "science_literacy": ("science_literacy", "%"),
}

# Statistics that are not plan measures but give context (regional view, ratios).
EXTRA = OrderedDict([
    ("gdp", ("地区生产总值（现价）", "GDP (current prices)")),
    ("population", ("年末常住人口", "Resident population, year end")),
    ("population_census", ("常住人口（第七次人口普查，2020年11月1日）", "Resident population, 7th census")),
    ("fiscal_st_expenditure", ("财政科学技术支出", "Fiscal S&T expenditure")),
    ("general_budget_expenditure", ("一般公共预算支出", "General budget expenditure")),
    ("rd_personnel_fte", ("R&D人员全时当量", "R&D personnel, full-time equivalent")),
    ("valid_invention_patents", ("有效发明专利数", "Valid invention patents")),
    ("invention_patents_per_10k_employed", ("每万名就业人员发明专利拥有量", "Invention patents per 10,000 employed")),
    ("invention_patents_granted_cum_2016_2020", ("发明专利授权量（2016–2020合计）", "Invention patents granted, 2016–2020")),
    ("patents_granted_cum_2016_2020", ("专利授权量（2016–2020合计）", "Patents granted, 2016–2020")),
    ("patents_granted_jan_jul", ("专利授权量（1–7月）", "Patents granted, January–July")),
    ("patents_granted_month", ("专利授权量（2021年5月）", "Patents granted, May 2021")),
    ("invention_patents_granted_month", ("发明专利授权量（2021年5月）", "Invention patents granted, May 2021")),
    ("tech_contract_value_cum_2011_2015", ("技术合同输出成交额（“十二五”合计）", "Technology contracts sold, 2011–2015")),
])

LABELS = {
    "rd_expenditure": "R&D经费",
    "rd_intensity": "R&D经费投入强度（首次公布）",
    "rd_intensity_revised": "R&D经费投入强度（GDP修订后）",
    "fiscal_st_share": "财政科技支出占一般公共预算支出比重",
    "enterprise_rd_share": "企业R&D经费占比",
    "invention_patents_per_10k": "每万人发明专利拥有量",
    "tech_contract_value": "技术合同成交额（技术输出，卖方在区内）",
    "tech_contract_value_inflow": "技术合同成交额（技术吸纳，买方在区内）",
    "high_tech_enterprises": "国家高新技术企业",
    "st_progress_contribution": "科技进步贡献率",
    "science_literacy": "公民具备科学素质比例",
}


def family(row):
    url, quote = row["source_url"], row["quote"]
    if "年鉴" in quote:
        return "统计年鉴"
    if "公报" in quote and "techme" in url:
        return "全国科技经费投入统计公报"
    if "PhD_2022_2025" in url:
        return "CSMAR地级市数据"
    if "fixedeals.com/policy" in url:
        return "自治区政府文件"
    if "公报" in quote or "te-ch.tech" in url or "yfsoft" in url:
        return "自治区统计公报"
    return "新闻报道"


def read(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return list(csv.DictReader(f))


def num(v):
    return float(v)


rows = read("inner-mongolia-actuals.csv")
city_rows = read("inner-mongolia-cities.csv")
# Values this project found itself (scenarios/sources/README.md says where and how);
# a row the shared data already hold (same indicator, region, year and value) is skipped.
with open(os.path.join(HERE, "..", "scenarios", "sources", "actuals-extra.csv"), encoding="utf-8") as f:
    have = {(r["indicator"], r["region"], r["year"], float(r["value"])) for r in rows}
    rows += [r for r in csv.DictReader(f) if (r["indicator"], r["region"], r["year"], float(r["value"])) not in have]
# The cities file repeats some 盟市 rows of the actuals file; keep one of each.
seen = {(r["indicator"], r["region"], r["year"], r["value"], r["source_url"]) for r in rows}
rows += [r for r in city_rows if (r["indicator"], r["region"], r["year"], r["value"], r["source_url"]) not in seen]

series = OrderedDict()


def add(key, meta, point):
    s = series.setdefault(key, dict(meta, points=[]))
    if any(p["year"] == point["year"] for p in s["points"]):
        # A second value for the same year from the same kind of source: its own series.
        n = 2
        while True:
            k2 = key + (n,)
            s2 = series.setdefault(k2, dict(meta, id=meta["id"] + f".{n}", label=meta["label"] + f"（另一来源{n}）", points=[]))
            if not any(p["year"] == point["year"] for p in s2["points"]):
                s2["points"].append(point)
                return
            n += 1
    s["points"].append(point)


for r in rows:
    ind, region, unit = r["indicator"], r["region"], r["unit"]
    fam = family(r)
    value = num(r["value"])
    derived = None
    if ind in PLAN_MEASURES:
        measure, plan_unit = PLAN_MEASURES[ind]
        if unit == "万元" and plan_unit == "亿元":
            derived = f"{r['value']}万元 ÷ 10000 = {round(value / 10000, 4)}亿元"
            value = round(value / 10000, 4)
            unit = plan_unit
        if unit == "家" and plan_unit == "个":
            unit = plan_unit
        if unit == "件/万人" and plan_unit == "件":
            unit = plan_unit
        label = LABELS[ind]
    else:
        measure = ind
        label = EXTRA[ind][0] if ind in EXTRA else ind
        # One unit per indicator: convert the odd rows, formula recorded.
        if ind == "population" and unit == "人":
            derived = f"{r['value']}人 ÷ 10000 = {round(value / 10000, 4)}万人"
            value, unit = round(value / 10000, 4), "万人"
        if ind == "rd_personnel_fte" and unit == "万人年":
            derived = f"{r['value']}万人年 × 10000 = {round(value * 10000)}人年"
            value, unit = float(round(value * 10000)), "人年"
    sid = f"{ind}.{region}.{unit}.{fam}"
    meta = dict(id=sid, indicator=measure, region=region, unit=unit, label=f"{label} · {fam}", source=fam)
    point = dict(year=int(r["year"]), value=value, source=r["source_url"], quote=r["quote"])
    if derived:
        point["derived"] = derived
    add((ind, region, unit, fam), meta, point)
    # The 2020 whole-region census count is the same measure as the 盟市 census rows.
    if ind == "population" and region == "全区" and "第七次" in r["quote"]:
        cmeta = dict(meta, id=f"population_census.{region}.{unit}.{fam}", indicator="population_census",
                     label=f"{EXTRA['population_census'][0]} · {fam}")
        cmeta["unit"] = r["unit"]
        cmeta["id"] = f"population_census.{region}.{r['unit']}.{fam}"
        craw = dict(year=int(r["year"]), value=num(r["value"]), source=r["source_url"], quote=r["quote"])
        add(("population_census", region, r["unit"], fam), cmeta, craw)

# Ratios formed from two sourced values.
def first_by_year(ind, region, unit):
    out = {}
    for r in rows:
        if r["indicator"] == ind and r["region"] == region and r["unit"] == unit and int(r["year"]) not in out:
            out[int(r["year"])] = r
    return out

exp = first_by_year("fiscal_st_expenditure", "全区", "亿元")
bud = first_by_year("general_budget_expenditure", "全区", "亿元")
for y in sorted(set(exp) & set(bud)):
    a, b = exp[y], bud[y]
    v = round(100 * num(a["value"]) / num(b["value"]), 2)
    add(("fiscal_st_share", "全区", "%", "computed"),
        dict(id="fiscal_st_share.全区.computed", indicator="fiscal_st_share", region="全区", unit="%",
             label="财政科技支出占一般公共预算支出比重 · 由支出额计算", source="计算：财政科学技术支出 ÷ 一般公共预算支出"),
        dict(year=y, value=v, source=f"{a['source_url']} ; {b['source_url']}", quote=f"{a['quote']} / {b['quote']}",
             derived=f"{a['value']}亿元 ÷ {b['value']}亿元 × 100 = {v}%"))

pat = first_by_year("valid_invention_patents", "全区", "件")
pop = {}
for y, r in first_by_year("population", "全区", "万人").items():
    pop[y] = (num(r["value"]), r, "万人")
for y, r in first_by_year("population", "全区", "人").items():
    pop.setdefault(y, (num(r["value"]) / 10000, r, "人"))
for y in sorted(set(pat) & set(pop)):
    p, (people, pr, pu) = pat[y], pop[y]
    v = round(num(p["value"]) / people, 2)
    add(("invention_patents_per_10k", "全区", "件", "computed"),
        dict(id="invention_patents_per_10k.全区.computed", indicator="invention_patents_per_10k", region="全区", unit="件",
             label="每万人发明专利拥有量 · 由有效发明专利数和人口计算", source="计算：国内有效发明专利数 ÷ 常住人口（万人）"),
        dict(year=y, value=v, source=f"{p['source_url']} ; {pr['source_url']}", quote=f"{p['quote']} / {pr['quote']}",
             derived=f"{p['value']}件 ÷ ({pr['value']}{pu} ÷ 10000) = {v}件/万人" if pu == '人'
             else f"{p['value']}件 ÷ {pr['value']}{pu} = {v}件/万人"))

order = {"全国科技经费投入统计公报": 0, "自治区统计公报": 1, "自治区政府文件": 1, "统计年鉴": 2, "computed": 3, "CSMAR地级市数据": 4, "新闻报道": 5}
items = sorted(series.values(), key=lambda s: (s["region"] != "全区", s["indicator"], order.get(s["source"], 9) if "·" in s["label"] else 9, s["id"]))

units = {}
for s in items:
    units.setdefault(s["indicator"], s["unit"])
print(scenario_ron(
    ["Actual values for the plan's indicators and context statistics, 2010–2023, each with the",
     "URL and quote it was read from. Generated by tools/make_actuals.py from the sourced CSVs;",
     "regenerate rather than edit. Points marked `derived` were converted or computed, formula given."],
    "实际值 2010–2023",
    "内蒙古全区及各盟市的实际统计值，逐值注明来源网址与原文摘录。不同来源口径不同（如GDP修订前后的R&D强度、技术合同的输出与吸纳两侧）时分列为不同序列，不作取舍。",
    [(ind, zh, en, units[ind]) for ind, (zh, en) in EXTRA.items() if ind in units],
    [dict(s, kind="Actual") for s in items],
))
