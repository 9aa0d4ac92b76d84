//! The east/west picture: how much of the plan concerns each 盟市 and region (tasks, boxes,
//! named platforms), and sourced statistics per 盟市 with east/west totals that are only
//! summed when every part is known.

use super::document::Document;
use super::places::Region;
use super::plan::NodeKind;
use super::scenario::{Scenario, SeriesKind, WHOLE_REGION};

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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlanMetric {
    /// Task, item and paragraph nodes naming the place.
    Tasks,
    /// Boxes whose text or items name the place.
    Boxes,
    /// Nodes naming the place and a platform.
    Platforms,
}

impl PlanMetric {
    pub const ALL: [PlanMetric; 3] = [PlanMetric::Tasks, PlanMetric::Boxes, PlanMetric::Platforms];

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

#[derive(Clone, Debug, PartialEq)]
pub struct CityValue {
    pub city: String,
    pub region: Region,
    /// `None`: not published (a gap, never filled).
    pub value: Option<f64>,
    pub note: String,
    /// The value comes from a projection, not an observation.
    pub projected: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StatTable {
    pub indicator: String,
    pub year: u16,
    pub unit: String,
    pub cities: Vec<CityValue>,
    pub east: Total,
    pub west: Total,
    /// The 全区 figure of the same indicator and year, if a scenario has it.
    pub whole: Option<(f64, String)>,
}

impl StatTable {
    /// East + west − 全区, when both halves are complete and the whole is known.
    pub fn check(&self) -> Option<f64> {
        let (whole, _) = self.whole.as_ref()?;
        (self.east.complete() && self.west.complete()).then(|| self.east.sum + self.west.sum - whole)
    }

    /// The shares of east and west in %, when both are complete.
    pub fn shares(&self) -> Option<(f64, f64)> {
        let total = self.east.sum + self.west.sum;
        (self.east.complete() && self.west.complete() && total != 0.0)
            .then(|| (100.0 * self.east.sum / total, 100.0 * self.west.sum / total))
    }
}

/// Indicators with per-盟市 values: (indicator, name, unit, years with any 盟市 value).
pub fn stat_options(doc: &Document, scenarios: &[&Scenario]) -> Vec<(String, String, String, Vec<u16>)> {
    let cities: Vec<&str> = doc.plan.places.cities.iter().map(|c| c.name.as_str()).collect();
    let mut out: Vec<(String, String, String, Vec<u16>)> = Vec::new();
    for scenario in scenarios {
        for s in scenario.series.iter().filter(|s| cities.contains(&s.region.as_str())) {
            let name = scenario.indicator_name(&doc.plan, &s.indicator).unwrap_or(&s.indicator).to_string();
            let entry = match out.iter_mut().position(|o| o.0 == s.indicator && o.2 == s.unit) {
                Some(p) => &mut out[p],
                None => {
                    out.push((s.indicator.clone(), name, s.unit.clone(), Vec::new()));
                    out.last_mut().expect("just pushed")
                }
            };
            for p in &s.points {
                if !entry.3.contains(&p.year) {
                    entry.3.push(p.year);
                }
            }
        }
    }
    for o in &mut out {
        o.3.sort_unstable();
    }
    // Indicators known for the most 盟市 first.
    out.sort_by_key(|o| {
        std::cmp::Reverse(
            scenarios.iter().flat_map(|s| &s.series).filter(|s| s.indicator == o.0 && s.unit == o.2).count(),
        )
    });
    out
}

/// Values of `indicator` (in `unit`) for every 盟市 in `year`, from the first series that has one.
pub fn stat_table(doc: &Document, scenarios: &[&Scenario], indicator: &str, unit: &str, year: u16) -> StatTable {
    let find = |region: &str| {
        scenarios.iter().flat_map(|s| s.series_for(indicator, region)).filter(|s| s.unit == unit).find_map(|s| {
            s.points.iter().find(|p| p.year == year).map(|p| {
                let src = if p.source.is_empty() { s.source.clone() } else { p.source.clone() };
                (p.value, format!("{}\n{src}", s.label), s.kind == SeriesKind::Projection)
            })
        })
    };
    let cities: Vec<CityValue> = doc
        .plan
        .places
        .cities_east_then_west()
        .map(|c| {
            let found = find(&c.name);
            CityValue {
                city: c.name.clone(),
                region: c.region,
                value: found.as_ref().map(|f| f.0),
                projected: found.as_ref().is_some_and(|f| f.2),
                note: found.map(|f| f.1).unwrap_or_default(),
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
    StatTable {
        indicator: indicator.to_string(),
        year,
        unit: unit.to_string(),
        east: total(Region::East),
        west: total(Region::West),
        whole: find(WHOLE_REGION).map(|(v, note, _)| (v, note)),
        cities,
    }
}
