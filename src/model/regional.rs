//! The east/west picture: how much of the plan concerns each 盟市 and region (tasks, boxes,
//! named platforms), and sourced statistics per 盟市 with east/west totals that are only
//! summed when every part is known.

use super::document::Document;
use super::places::Region;
use super::plan::NodeKind;
use super::scenario::{Scenario, SeriesKind, WHOLE_REGION};
use crate::i18n::{Lang, Msg, tr};

/// Words that name a platform or park in the plan's text.
pub const PLATFORM_WORDS: [&str; 12] = [
    "高新区",
    "高新技术产业开发区",
    "农业科技园区",
    "孵化器",
    "重点实验室",
    "工程技术研究中心",
    "研究院",
    "众创空间",
    "产业园",
    "示范区",
    "产业化基地",
    "创新战略联盟",
];

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum PlanMetric {
    /// Task, item and paragraph nodes naming the place.
    #[default]
    Tasks,
    /// Boxes whose text or items name the place.
    Boxes,
    /// Nodes naming the place and a platform.
    Platforms,
}

impl PlanMetric {
    pub const ALL: [PlanMetric; 3] = [PlanMetric::Tasks, PlanMetric::Boxes, PlanMetric::Platforms];

    /// How a deck and `plan-explorer map --series` name it: `tasks`, `boxes`, `platforms`.
    pub fn id(self) -> &'static str {
        match self {
            PlanMetric::Tasks => "tasks",
            PlanMetric::Boxes => "boxes",
            PlanMetric::Platforms => "platforms",
        }
    }

    /// The metric an id names (any letter case), if any.
    pub fn from_id(id: &str) -> Option<PlanMetric> {
        PlanMetric::ALL.into_iter().find(|m| m.id().eq_ignore_ascii_case(id))
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            PlanMetric::Tasks => "任务与条目",
            PlanMetric::Boxes => "专栏",
            PlanMetric::Platforms => "平台（高新区、园区、孵化器、实验室等）",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            PlanMetric::Tasks => "Tasks and items",
            PlanMetric::Boxes => "Boxes",
            PlanMetric::Platforms => "Platforms (zones, parks, incubators, labs…)",
        }
    }
}

fn is_prose(kind: NodeKind) -> bool {
    matches!(kind, NodeKind::Task | NodeKind::Item | NodeKind::Paragraph | NodeKind::Overview)
}

/// The nodes that count for `metric` and name `city` (or, with `city` = None, `region`).
pub fn nodes_for(doc: &Document, metric: PlanMetric, city: Option<&str>, region: Option<Region>) -> Vec<usize> {
    let names = |i: usize| {
        let n = &doc.plan.nodes[i];
        match (city, region) {
            (Some(c), _) => n.cities.iter().any(|x| x == c),
            (None, Some(r)) => n.regions.contains(&r),
            (None, None) => false,
        }
    };
    let plan = &doc.plan;
    match metric {
        PlanMetric::Tasks => (0..plan.nodes.len()).filter(|&i| is_prose(plan.nodes[i].kind) && names(i)).collect(),
        PlanMetric::Platforms => (0..plan.nodes.len())
            .filter(|&i| {
                is_prose(plan.nodes[i].kind)
                    && names(i)
                    && PLATFORM_WORDS.iter().any(|w| plan.nodes[i].text.contains(w))
            })
            .collect(),
        PlanMetric::Boxes => (0..plan.nodes.len())
            .filter(|&i| plan.nodes[i].kind == NodeKind::Box && doc.outline.subtree(i).any(names))
            .collect(),
    }
}

/// Per-metric data of the plan side: which nodes concern each 盟市, region and chapter.
pub struct PlanCounts {
    /// (city, region, nodes) for every 盟市, east first.
    pub cities: Vec<(String, Region, Vec<usize>)>,
    /// (region, nodes) for 东部 and 西部 (the region itself or any of its 盟市 named).
    pub regions: Vec<(Region, Vec<usize>)>,
    /// (chapter, east nodes, west nodes).
    pub chapters: Vec<(usize, Vec<usize>, Vec<usize>)>,
}

impl PlanCounts {
    pub fn new(doc: &Document, metric: PlanMetric) -> Self {
        let mut cities: Vec<(String, Region, Vec<usize>)> = doc
            .plan
            .places
            .cities
            .iter()
            .map(|c| (c.name.clone(), c.region, nodes_for(doc, metric, Some(&c.name), None)))
            .collect();
        cities.sort_by_key(|c| c.1);
        let regions = Region::ALL.iter().map(|&r| (r, nodes_for(doc, metric, None, Some(r)))).collect();
        PlanCounts { cities, regions, chapters: by_chapter(doc, metric) }
    }
}

/// Per chapter: the nodes counting for `metric` that concern the east and the west.
pub fn by_chapter(doc: &Document, metric: PlanMetric) -> Vec<(usize, Vec<usize>, Vec<usize>)> {
    let east = nodes_for(doc, metric, None, Some(Region::East));
    let west = nodes_for(doc, metric, None, Some(Region::West));
    let chapter_of = |i: usize| {
        std::iter::once(i)
            .chain(doc.outline.ancestors(i).into_iter().rev())
            .find(|&k| doc.plan.nodes[k].kind == NodeKind::Chapter)
    };
    let mut out: Vec<(usize, Vec<usize>, Vec<usize>)> = Vec::new();
    for (i, node) in doc.plan.nodes.iter().enumerate() {
        if node.kind != NodeKind::Chapter {
            continue;
        }
        let e: Vec<usize> = east.iter().copied().filter(|&k| chapter_of(k) == Some(i)).collect();
        let w: Vec<usize> = west.iter().copied().filter(|&k| chapter_of(k) == Some(i)).collect();
        if !e.is_empty() || !w.is_empty() {
            out.push((i, e, w));
        }
    }
    out
}

/// A sum over the 盟市 of a region, and how many of them are known.
#[derive(Clone, Debug, PartialEq)]
pub struct Total {
    pub sum: f64,
    pub known: usize,
    pub of: usize,
}

impl Total {
    pub fn complete(&self) -> bool {
        self.known == self.of && self.of > 0
    }
}

/// Where a value was read: the scenario, its series, the point's source, and whether it is a
/// projection rather than an observation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Provenance {
    /// The scenario's name (the file a user loaded, or the shipped actual values).
    pub scenario: String,
    /// The series' label and the point's source (or the formula of a computed value).
    pub note: String,
    pub projected: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CityValue {
    pub city: String,
    /// Its name in English, for an English window and its exports.
    pub city_en: String,
    pub region: Region,
    /// `None`: not published (a gap, never filled).
    pub value: Option<f64>,
    pub from: Provenance,
}

impl CityValue {
    /// Its name in the reader's language.
    pub fn name(&self, lang: Lang) -> &str {
        if lang.is_english() && !self.city_en.is_empty() { &self.city_en } else { &self.city }
    }

    pub fn projected(&self) -> bool {
        self.value.is_some() && self.from.projected
    }
}

/// A region's own figure, as a scenario gives it for 东部 or 西部 (not summed from 盟市).
#[derive(Clone, Debug, PartialEq)]
pub struct GivenValue {
    pub value: f64,
    pub from: Provenance,
}

/// How a region's figure comes out of its 盟市.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Aggregation {
    /// The 盟市 add up (GDP, people, money).
    #[default]
    Sum,
    /// A ratio (per person): the region's numerator over its denominator, never a sum of ratios.
    PerPerson,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StatTable {
    pub indicator: String,
    pub year: u16,
    pub unit: String,
    pub cities: Vec<CityValue>,
    /// The 盟市 of each half combined: summed, or for a ratio, the halves' own ratio.
    pub east: Total,
    pub west: Total,
    /// 东部 and 西部 as a scenario states them, when one does.
    pub east_given: Option<GivenValue>,
    pub west_given: Option<GivenValue>,
    /// The 全区 figure of the same indicator and year, if a scenario has it.
    pub whole: Option<(f64, String)>,
    pub aggregation: Aggregation,
}

impl StatTable {
    /// A half's 盟市 combined, and its figure as a scenario states it.
    pub fn total_and_given(&self, region: Region) -> (&Total, Option<&GivenValue>) {
        match region {
            Region::East => (&self.east, self.east_given.as_ref()),
            Region::West => (&self.west, self.west_given.as_ref()),
        }
    }

    /// A scenario's own figure for a half whose 盟市 do not add up to one: what stands for it.
    pub fn stated(&self, region: Region) -> Option<&GivenValue> {
        let (total, given) = self.total_and_given(region);
        given.filter(|_| !total.complete())
    }

    /// A half's figure: from its 盟市 when every one is known, else as a scenario states it.
    pub fn half(&self, region: Region) -> Option<f64> {
        let (total, given) = self.total_and_given(region);
        if total.complete() { Some(total.sum) } else { given.map(|g| g.value) }
    }

    /// Whether a half's figure is (or rests on) a projection.
    pub fn half_projected(&self, region: Region) -> bool {
        let (total, given) = self.total_and_given(region);
        if total.complete() {
            self.cities.iter().any(|c| c.region == region && c.projected())
        } else {
            given.is_some_and(|g| g.from.projected)
        }
    }

    /// East + west − 全区, when both halves and the whole are known (only for quantities
    /// that add up).
    pub fn check(&self) -> Option<f64> {
        let (whole, _) = self.whole.as_ref()?;
        (self.aggregation == Aggregation::Sum)
            .then(|| Some(self.half(Region::East)? + self.half(Region::West)? - whole))
            .flatten()
    }

    /// 东部 and 西部 as a scenario states them, for halves whose 盟市 do not add up to a figure:
    /// "东部：7400 亿元（scenario · 预测）", for the map's corners.
    pub fn stated_halves(&self, lang: Lang) -> Vec<(Region, String)> {
        Region::ALL
            .into_iter()
            .filter_map(|region| {
                let g = self.stated(region)?;
                let kind =
                    if g.from.projected { format!(" · {}", tr(lang, Msg::KindProjection)) } else { String::new() };
                let name = region.name(lang);
                let value = super::format::number(g.value);
                let unit = super::format::unit_words(&self.unit, lang);
                let said = crate::i18n::labelled(lang, name, format!("{value} {unit}"));
                Some((region, format!("{said}{}", crate::i18n::paren(lang, format!("{}{kind}", g.from.scenario)))))
            })
            .collect()
    }

    /// The shares of east and west in %, when both are known (only for quantities that add up).
    pub fn shares(&self) -> Option<(f64, f64)> {
        let (e, w) = (self.half(Region::East)?, self.half(Region::West)?);
        (self.aggregation == Aggregation::Sum && e + w != 0.0).then(|| (100.0 * e / (e + w), 100.0 * w / (e + w)))
    }
}

/// A statistic that can be shown per 盟市 (or per half): the indicator, its name and unit,
/// and the years any 盟市 or half has a value.
#[derive(Clone, Debug, PartialEq)]
pub struct StatOption {
    pub indicator: String,
    pub name: String,
    pub name_en: String,
    pub unit: String,
    pub years: Vec<u16>,
    /// The year shown first: the latest of those with values for the most places (a lone
    /// projected 盟市 in a later year does not hide a complete table).
    pub default_year: u16,
}

impl StatOption {
    /// Its name in the reader's language.
    pub fn name_in(&self, lang: Lang) -> &str {
        crate::i18n::pick(lang, &self.name, &self.name_en)
    }

    /// `name（unit）`, as choices list it.
    pub fn label(&self, lang: Lang) -> String {
        format!("{}{}", self.name_in(lang), crate::i18n::paren(lang, super::format::unit_words(&self.unit, lang)))
    }

    /// `year` if the statistic has it, else its default year.
    pub fn year_or_default(&self, year: Option<u16>) -> u16 {
        year.filter(|y| self.years.contains(y)).unwrap_or(self.default_year)
    }
}

/// GDP per person, computed for each 盟市 and half where GDP and the population of the same
/// year are both known.
pub const PER_PERSON_GDP: &str = "gdp_per_person";
const GDP: &str = "gdp";
/// Population indicators and their factor to people: the census (人) first, then year-end (万人).
const POPULATIONS: [(&str, &str, f64); 2] = [("population_census", "人", 1.0), ("population", "万人", 10_000.0)];

/// Whether `scenario` has values of `indicator` for some 盟市 or half (of GDP, for GDP per
/// person).
pub fn has_parts_of(doc: &Document, scenario: &Scenario, indicator: &str) -> bool {
    let indicator = if indicator == PER_PERSON_GDP { GDP } else { indicator };
    scenario.series.iter().any(|s| s.indicator == indicator && is_part(doc, &s.region))
}

/// A half (东部, 西部) or one of the plan's 盟市.
fn is_part(doc: &Document, region: &str) -> bool {
    Region::ALL.iter().any(|h| h.name_zh() == region) || doc.plan.places.cities.iter().any(|c| c.name == region)
}

/// Indicators with values per 盟市 or per half, the ones known for the most places first (then
/// by indicator id, so the order never changes between runs), then GDP per person where it
/// can be computed.
pub fn stat_options(doc: &Document, scenarios: &[&Scenario]) -> Vec<StatOption> {
    // (option, series count, the places with a value in each year)
    type PlacesPerYear<'a> = Vec<(u16, Vec<&'a str>)>;
    let mut out: Vec<(StatOption, usize, PlacesPerYear)> = Vec::new();
    for scenario in scenarios {
        for s in scenario.series.iter().filter(|s| is_part(doc, &s.region)) {
            let at = match out.iter().position(|o| o.0.indicator == s.indicator && o.0.unit == s.unit) {
                Some(p) => p,
                None => {
                    let name = scenario.indicator_name(&doc.plan, &s.indicator).unwrap_or(&s.indicator).to_string();
                    let name_en = scenario.indicator_name_en(&doc.plan, &s.indicator).unwrap_or(&name).to_string();
                    let option = StatOption {
                        indicator: s.indicator.clone(),
                        name,
                        name_en,
                        unit: s.unit.clone(),
                        years: Vec::new(),
                        default_year: 0,
                    };
                    out.push((option, 0, Vec::new()));
                    out.len() - 1
                }
            };
            let Some(entry) = out.get_mut(at) else { continue };
            entry.1 += 1;
            entry.0.years.extend(s.points.iter().map(|p| p.year));
            for p in &s.points {
                match entry.2.iter_mut().find(|(y, _)| *y == p.year) {
                    Some((_, places)) if !places.contains(&s.region.as_str()) => places.push(&s.region),
                    Some(_) => {}
                    None => entry.2.push((p.year, vec![&s.region])),
                }
            }
        }
    }
    for (o, _, per_year) in &mut out {
        o.years.sort_unstable();
        o.years.dedup();
        o.default_year = per_year.iter().max_by_key(|(y, places)| (places.len(), *y)).map_or(0, |(y, _)| *y);
    }
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.indicator.cmp(&b.0.indicator)));
    let mut options: Vec<StatOption> = out.into_iter().map(|o| o.0).collect();
    let years: Vec<u16> = options
        .iter()
        .filter(|o| o.indicator == GDP && o.unit == "亿元")
        .flat_map(|o| o.years.iter().copied())
        .filter(|&y| {
            let table = per_person_table(doc, scenarios, y);
            table.cities.iter().any(|c| c.value.is_some())
        })
        .collect();
    if !years.is_empty() {
        let default_year = years.last().copied().unwrap_or(0);
        options.push(StatOption {
            indicator: PER_PERSON_GDP.into(),
            name: "人均地区生产总值（计算）".into(),
            name_en: "GDP per person (computed)".into(),
            unit: "元/人".into(),
            years,
            default_year,
        });
    }
    options
}

/// The first value of `indicator` (in `unit`) for `region` in `year` among the scenarios.
fn find(scenarios: &[&Scenario], indicator: &str, unit: &str, region: &str, year: u16) -> Option<(f64, Provenance)> {
    scenarios.iter().find_map(|scenario| {
        scenario.series_for(indicator, region).filter(|s| s.unit == unit).find_map(|s| {
            s.points.iter().find(|p| p.year == year).map(|p| {
                let src = s.source_of(p).to_string();
                let from = Provenance {
                    scenario: scenario.name.clone(),
                    note: format!("{}\n{src}", s.label),
                    projected: s.kind == SeriesKind::Projection,
                };
                (p.value, from)
            })
        })
    })
}

/// Values of `indicator` (in `unit`) for every 盟市 in `year`, from the first series that has
/// one; 东部, 西部 and 全区 as scenarios state them.
pub fn stat_table(doc: &Document, scenarios: &[&Scenario], indicator: &str, unit: &str, year: u16) -> StatTable {
    if indicator == PER_PERSON_GDP {
        return per_person_table(doc, scenarios, year);
    }
    let cities: Vec<CityValue> = doc
        .plan
        .places
        .cities_east_then_west()
        .map(|c| {
            let found = find(scenarios, indicator, unit, &c.name, year);
            CityValue {
                city: c.name.clone(),
                city_en: c.name_en.clone(),
                region: c.region,
                value: found.as_ref().map(|f| f.0),
                from: found.map(|f| f.1).unwrap_or_default(),
            }
        })
        .collect();
    let total = |region: Region| {
        let parts: Vec<&CityValue> = cities.iter().filter(|c| c.region == region).collect();
        Total {
            sum: parts.iter().filter_map(|c| c.value).sum(),
            known: parts.iter().filter(|c| c.value.is_some()).count(),
            of: parts.len(),
        }
    };
    let given =
        |half: &str| find(scenarios, indicator, unit, half, year).map(|(value, from)| GivenValue { value, from });
    StatTable {
        indicator: indicator.to_string(),
        year,
        unit: unit.to_string(),
        east: total(Region::East),
        west: total(Region::West),
        east_given: given(Region::East.name_zh()),
        west_given: given(Region::West.name_zh()),
        whole: find(scenarios, indicator, unit, WHOLE_REGION, year).map(|(v, from)| (v, from.note)),
        cities,
        aggregation: Aggregation::Sum,
    }
}

/// GDP (亿元) ÷ population (人, or 万人 × 10,000) of the same year, in 元 per person, with the
/// formula as each value's note; a half's figure is its GDP over its population, and only when
/// both are known for every 盟市 of it.
fn per_person_table(doc: &Document, scenarios: &[&Scenario], year: u16) -> StatTable {
    // A population of zero gives no per-person figure (not an infinite one).
    let people = |region: &str| {
        POPULATIONS.iter().find_map(|(id, unit, factor)| {
            find(scenarios, id, unit, region, year).map(|(v, from)| (v * factor, v, *unit, from))
        })
    };
    let people = |region: &str| people(region).filter(|(persons, ..)| *persons > 0.0);
    let parts = |region: &str| Some((find(scenarios, GDP, "亿元", region, year)?, people(region)?));
    let formula = |gdp: f64, pop: f64, pop_unit: &str, result: f64| {
        format!(
            "{} 亿元 ÷ {} {pop_unit} = {} 元/人",
            super::format::number(gdp),
            super::format::number(pop),
            super::format::number(result.round())
        )
    };
    let mut sums = [(0.0, 0.0, 0usize, 0usize); 2];
    let cities: Vec<CityValue> = doc
        .plan
        .places
        .cities_east_then_west()
        .map(|c| {
            let slot = &mut sums[usize::from(c.region == Region::West)];
            slot.3 += 1;
            let Some(((gdp, gdp_from), (persons, pop, pop_unit, pop_from))) = parts(&c.name) else {
                return CityValue {
                    city: c.name.clone(),
                    city_en: c.name_en.clone(),
                    region: c.region,
                    value: None,
                    from: Provenance::default(),
                };
            };
            let value = gdp * 1e8 / persons;
            *slot = (slot.0 + gdp, slot.1 + persons, slot.2 + 1, slot.3);
            let from = Provenance {
                scenario: gdp_from.scenario.clone(),
                note: format!("{}\n{}\n{}", formula(gdp, pop, pop_unit, value), gdp_from.note, pop_from.note),
                projected: gdp_from.projected || pop_from.projected,
            };
            CityValue { city: c.name.clone(), city_en: c.name_en.clone(), region: c.region, value: Some(value), from }
        })
        .collect();
    // A half's ratio only once every 盟市 of it is known (then its people are more than none);
    // an incomplete half's sum is never shown.
    let total = |(gdp, persons, known, of): (f64, f64, usize, usize)| {
        let counted = Total { sum: 0.0, known, of };
        Total { sum: if counted.complete() { gdp * 1e8 / persons } else { 0.0 }, ..counted }
    };
    let whole = parts(WHOLE_REGION).map(|((gdp, _), (persons, pop, pop_unit, _))| {
        let value = gdp * 1e8 / persons;
        (value, formula(gdp, pop, pop_unit, value))
    });
    StatTable {
        indicator: PER_PERSON_GDP.to_string(),
        year,
        unit: "元/人".to_string(),
        east: total(sums[0]),
        west: total(sums[1]),
        east_given: None,
        west_given: None,
        whole,
        cities,
        aggregation: Aggregation::PerPerson,
    }
}

/// One statistic's table for every year it has: east and west over time.
pub fn over_time(doc: &Document, scenarios: &[&Scenario], option: &StatOption) -> Vec<StatTable> {
    option.years.iter().map(|&y| stat_table(doc, scenarios, &option.indicator, &option.unit, y)).collect()
}

/// Runs of years with neither half between years with one: (first missing, last missing). A
/// year with one half known is drawn with that half alone, not as a break.
pub fn gaps(tables: &[StatTable]) -> Vec<(u16, u16)> {
    let known: Vec<u16> = tables
        .iter()
        .filter(|t| t.half(Region::East).is_some() || t.half(Region::West).is_some())
        .map(|t| t.year)
        .collect();
    known.windows(2).filter(|w| w[1] > w[0] + 1).map(|w| (w[0] + 1, w[1] - 1)).collect()
}
