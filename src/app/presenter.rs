//! Presenting: the running slideshow, the default deck, and what each slide shows (title,
//! unit, caption, sources and its chart or table), resolved the same way for the screen and
//! for the briefing.

use crate::i18n::{Lang, Msg, pick, tr};
use crate::model::Document;
use crate::model::Measure;
use crate::model::chart::svg::Table;
use crate::model::chart::{Chart, ChartOptions};
use crate::model::deck::{Annotation, Deck, Slide, SlideContent};
use crate::model::format::{readable, unit_words};
use crate::model::map::{LeagueValue, values_from_counts, values_from_table};
use crate::model::regional::{PlanMetric, StatTable, stat_options, stat_table};
use crate::model::scenario::Scenario;
use crate::model::scenario::{NATIONAL, WHOLE_REGION};
use crate::ui::SlideStep;

use super::derived::Derived;

/// A running slideshow.
pub struct Presenter {
    pub deck: Deck,
    pub index: usize,
}

impl Presenter {
    pub fn new(deck: Deck) -> Self {
        Presenter { deck, index: 0 }
    }

    pub fn current(&self) -> Option<&Slide> {
        self.deck.slides.get(self.index)
    }

    pub fn step(&mut self, step: SlideStep) {
        let last = self.deck.slides.len().saturating_sub(1);
        self.index = match step {
            SlideStep::Previous => self.index.saturating_sub(1),
            SlideStep::Next => (self.index + 1).min(last),
            SlideStep::First => 0,
            SlideStep::Last => last,
        };
    }

    pub fn add_note(&mut self, year: u16, text: String) {
        if let Some(slide) = self.deck.slides.get_mut(self.index) {
            slide.notes.push(Annotation { year, text });
        }
    }
}

/// What a slide shows.
pub enum SlideBody {
    Chart(Box<Chart>),
    Regional(Box<StatTable>),
    Table(Table),
    Map(Box<MapSlide>),
}

/// A map slide's quantity: its values per 盟市, and a scenario's own halves.
pub struct MapSlide {
    pub title: String,
    pub values: Vec<LeagueValue>,
    pub unit: String,
    pub year: Option<u16>,
    pub halves: Vec<(crate::model::Region, String)>,
}

pub struct ResolvedSlide {
    pub title: String,
    pub unit: String,
    pub caption: String,
    pub sources: Vec<String>,
    pub body: SlideBody,
}

/// The default deck's east/west slides: the statistic known for the most 盟市 (GDP) in its
/// year, the map of the plan's tasks per 盟市, and that statistic's east and west over time.
pub fn regional_slides(doc: &Document, scenarios: &[&Scenario]) -> Vec<SlideContent> {
    let options = stat_options(doc, scenarios);
    let mut slides = Vec::new();
    if let Some(o) = options.first() {
        slides.push(SlideContent::Regional {
            indicator: o.indicator.clone(),
            unit: o.unit.clone(),
            year: o.default_year,
        });
    }
    slides.push(SlideContent::Map { series: PlanMetric::Tasks.id().to_string(), year: None });
    if let Some(o) = options.first() {
        slides.push(SlideContent::EastWest { indicator: o.indicator.clone(), unit: o.unit.clone() });
    }
    slides
}

/// Every chart under `node` (the whole plan for `None`) in plan order, then the regional slide.
/// Measures with only a target (nothing else to draw) are gathered on their chapter's targets
/// slide.
pub fn default_deck(doc: &Document, node: Option<usize>, scenarios: &[&Scenario]) -> Deck {
    let node = node.filter(|&i| doc.outline.indicator_total(i) > 0);
    let has_data = |m: &Measure<'_>| {
        !m.baselines().is_empty()
            || scenarios
                .iter()
                .any(|s| s.series_for(m.key, WHOLE_REGION).chain(s.series_for(m.key, NATIONAL)).next().is_some())
    };
    Deck::from_plan(doc, node, regional_slides(doc, scenarios), &has_data)
}

/// How a deck was built, for its briefing and the presenter: how many targets have a chart
/// and how many are gathered on targets slides (nothing when none is).
pub fn deck_description(deck: &Deck, lang: Lang) -> Option<String> {
    let charts = deck.slides.iter().filter(|s| matches!(s.content, SlideContent::Measure(_))).count();
    let gathered: usize = deck
        .slides
        .iter()
        .map(|s| match &s.content {
            SlideContent::Targets { measures, .. } => measures.len(),
            _ => 0,
        })
        .sum();
    (gathered > 0).then(|| match lang {
        Lang::Zh => format!(
            "按规划顺序：{charts} 个有基期值、实际值或情景数据的目标各一页图表；{gathered} 个仅有目标值的目标按章汇为目标表。"
        ),
        Lang::En => format!(
            "In the plan's order: {charts} targets with a baseline, actual values or a scenario get a chart each; the {gathered} with only a target value are listed by chapter."
        ),
    })
}

/// A slide's name in a list.
pub fn slide_label(slide: &Slide, derived: &Derived, lang: Lang) -> String {
    match &slide.content {
        SlideContent::Measure(key) => derived.summary(key).map_or(key.clone(), |s| s.name.clone()),
        SlideContent::Index(keys) => format!("{}{}", tr(lang, Msg::IndexPrefix), keys.join("、")),
        SlideContent::Regional { indicator, year, .. } => format!("{indicator}（{year}）"),
        SlideContent::Map { series, year } => {
            format!("{} · {series}{}", tr(lang, Msg::ViewMap), year.map(|y| format!("（{y}）")).unwrap_or_default())
        }
        SlideContent::EastWest { indicator, .. } => format!("{indicator} · {}", tr(lang, Msg::EastWestOverTime)),
        SlideContent::Targets { chapter, measures } => {
            format!("{chapter} · {}（{}）", tr(lang, Msg::Targets), measures.len())
        }
    }
}

/// Title, unit, caption, sources and body of a slide.
pub fn resolve_slide(
    doc: &Document,
    derived: &mut Derived,
    scenarios: &[&Scenario],
    lang: Lang,
    slide: &Slide,
) -> ResolvedSlide {
    match &slide.content {
        SlideContent::Measure(key) => measure_slide(doc, derived, scenarios, lang, key),
        SlideContent::Index(keys) => {
            let options = ChartOptions { index: true, lang, ..ChartOptions::default() };
            let chart = derived.chart(doc, scenarios, keys, options).clone();
            ResolvedSlide {
                title: chart.title.clone(),
                unit: chart.y_axis.unit.clone(),
                caption: String::new(),
                sources: vec![tr(lang, Msg::PlanAndActuals).to_string()],
                body: SlideBody::Chart(Box::new(chart)),
            }
        }
        SlideContent::Regional { indicator, unit, year } => {
            let table = stat_table(doc, scenarios, indicator, unit, *year);
            let name = scenarios.iter().find_map(|s| s.indicator_name(&doc.plan, indicator)).unwrap_or(indicator);
            let caption = match table.shares() {
                Some((e, w)) => format!(
                    "{} {e:.1}% · {} {w:.1}%",
                    crate::model::Region::East.name(lang),
                    crate::model::Region::West.name(lang)
                ),
                None => tr(lang, Msg::NotPublished).to_string(),
            };
            ResolvedSlide {
                title: format!("{name}（{year}）· {}", tr(lang, Msg::EastAndWest)),
                unit: unit.clone(),
                caption,
                sources: vec![doc.plan.places.grouping_source.clone()],
                body: SlideBody::Regional(Box::new(table)),
            }
        }
        SlideContent::Targets { chapter, measures } => targets_slide(doc, derived, lang, chapter, measures),
        SlideContent::Map { series, year } => map_slide(doc, derived, scenarios, lang, series, *year),
        SlideContent::EastWest { indicator, unit } => east_west_slide(doc, derived, scenarios, lang, indicator, unit),
    }
}

/// The map of one quantity: the plan's counts or a statistic in a year.
fn map_slide(
    doc: &Document,
    derived: &mut Derived,
    scenarios: &[&Scenario],
    lang: Lang,
    series: &str,
    year: Option<u16>,
) -> ResolvedSlide {
    let places = &doc.plan.places;
    let sources = vec![
        format!("{}：{}", tr(lang, Msg::GroupingSource), places.grouping_source),
        tr(lang, Msg::MapBoundaries).to_string(),
    ];
    let metric = PlanMetric::from_id(series);
    let map = match metric {
        Some(metric) => {
            let counts = derived.plan_counts(doc, metric);
            let title = format!("{}：{}", tr(lang, Msg::ViewMap), pick(lang, metric.name_zh(), metric.name_en()));
            MapSlide {
                title,
                values: values_from_counts(places, counts, tr(lang, Msg::MapCounts)),
                unit: String::new(),
                year: None,
                halves: Vec::new(),
            }
        }
        None => {
            let k = derived.stat_options().iter().position(|o| o.indicator == series);
            let name = k.and_then(|k| derived.stat_options().get(k)).map(|o| o.name.clone());
            match (k.and_then(|k| derived.stat_table(doc, scenarios, k, year)), name) {
                (Some(table), Some(name)) => MapSlide {
                    title: format!("{}：{name}（{}）", tr(lang, Msg::ViewMap), table.year),
                    values: values_from_table(places, table),
                    unit: table.unit.clone(),
                    year: Some(table.year),
                    halves: table.stated_halves(lang),
                },
                // A deck naming a statistic no enabled scenario has: the map says what is missing.
                _ => MapSlide {
                    title: format!("{}：{series}", tr(lang, Msg::ViewMap)),
                    values: Vec::new(),
                    unit: String::new(),
                    year,
                    halves: Vec::new(),
                },
            }
        }
    };
    ResolvedSlide {
        title: map.title.clone(),
        unit: map.unit.clone(),
        caption: String::new(),
        sources,
        body: SlideBody::Map(Box::new(map)),
    }
}

/// One statistic's east and west over time, as a chart.
fn east_west_slide(
    doc: &Document,
    derived: &mut Derived,
    scenarios: &[&Scenario],
    lang: Lang,
    indicator: &str,
    unit: &str,
) -> ResolvedSlide {
    let k = derived.stat_options().iter().position(|o| o.indicator == indicator && o.unit == unit);
    let built = k.and_then(|k| derived.east_west(doc, scenarios, k, lang));
    let (caption, chart) = match built {
        Some((tables, chart)) => {
            // The latest year with both halves, in words.
            let caption = tables
                .iter()
                .rev()
                .find_map(|t| {
                    let (e, w) = t.shares()?;
                    Some(format!(
                        "{}：{} {e:.1}% · {} {w:.1}%",
                        t.year,
                        crate::model::Region::East.name(lang),
                        crate::model::Region::West.name(lang)
                    ))
                })
                .unwrap_or_default();
            (caption, chart.clone())
        }
        None => (tr(lang, Msg::NotPublished).to_string(), Chart { title: indicator.to_string(), ..Chart::default() }),
    };
    ResolvedSlide {
        title: chart.title.clone(),
        unit: unit.to_string(),
        caption,
        sources: vec![doc.plan.places.grouping_source.clone()],
        body: SlideBody::Chart(Box::new(chart)),
    }
}

/// A chapter's targets that have nothing to chart, as one table: measure, target in words,
/// where the plan states it.
fn targets_slide(doc: &Document, derived: &Derived, lang: Lang, chapter: &str, measures: &[String]) -> ResolvedSlide {
    let english = lang == Lang::En;
    let heading = doc.outline.index_of(chapter).map_or(chapter.to_string(), |i| doc.plan.nodes[i].heading());
    let rows = measures
        .iter()
        .filter_map(|key| derived.summary(key))
        .map(|s| {
            // Where the plan states it, and the words (smaller on the slide, cut to the page in
            // the PDF, whole in the HTML briefing).
            let place = s.source_node.map(|n| doc.outline.citation(&doc.plan, n)).unwrap_or_default();
            let quote = doc.plan.indicators.iter().find(|i| i.measure == s.key && i.target.is_some());
            let source = quote.map_or(place.clone(), |q| format!("{place}：“{}”", q.quote));
            vec![pick(lang, &s.name, &s.name_en).to_string(), s.target_text(lang), source]
        })
        .collect();
    let header = if english { ["Indicator", "Target", "In the plan"] } else { ["指标", "目标", "规划原文"] };
    ResolvedSlide {
        title: format!("{heading} · {}", tr(lang, Msg::Targets)),
        unit: String::new(),
        caption: tr(lang, Msg::TargetsOnlyExplain).to_string(),
        sources: vec![tr(lang, Msg::PlanSource).to_string()],
        body: SlideBody::Table(Table { header: header.map(String::from).to_vec(), rows }),
    }
}

fn measure_slide(
    doc: &Document,
    derived: &mut Derived,
    scenarios: &[&Scenario],
    lang: Lang,
    key: &str,
) -> ResolvedSlide {
    let chart = derived.small_chart(doc, scenarios, key, lang).clone();
    let Some(s) = derived.summary(key) else {
        return ResolvedSlide {
            title: key.to_string(),
            unit: String::new(),
            caption: String::new(),
            sources: Vec::new(),
            body: SlideBody::Chart(Box::new(chart)),
        };
    };
    let english = lang == Lang::En;
    let unit = unit_words(&s.unit, lang);
    let value = |v: f64, y: u16| {
        if english { format!("{} {unit} ({y})", readable(v)) } else { format!("{} {unit}（{y}）", readable(v)) }
    };
    let mut caption = Vec::new();
    if let Some((y, v, _)) = s.baselines.first() {
        caption.push(format!("{} {}", tr(lang, Msg::Baseline), value(*v, *y)));
    }
    let target = s.target_text(lang);
    if !target.is_empty() {
        caption.push(format!("{} {target}", tr(lang, Msg::Target)));
    }
    if let Some((y, v, _)) = &s.latest {
        // A latest value from before the plan's base year is not progress: it says so.
        let old = if *y < doc.plan.meta.baseline_year { tr(lang, Msg::BeforeBaseYear) } else { "" };
        caption.push(format!("{} {}{old}", tr(lang, Msg::Latest), value(*v, *y)));
    }
    if let Some(st) = s.status() {
        caption.push(st.text(lang).to_string());
    }
    let mut sources = Vec::new();
    if let Some(node) = s.source_node {
        let quote =
            doc.plan.indicators.iter().find(|i| i.measure == s.key && i.target.is_some()).map(|i| i.quote.clone());
        sources.push(format!("{}：“{}”", doc.outline.citation(&doc.plan, node), quote.unwrap_or_default()));
    }
    if !s.assessed_with.is_empty() {
        sources.push(format!("{}{}", tr(lang, Msg::ActualPrefix), s.assessed_with));
    }
    ResolvedSlide {
        title: if english { s.name_en.clone() } else { s.name.clone() },
        unit: s.unit.clone(),
        caption: caption.join(" · "),
        sources,
        body: SlideBody::Chart(Box::new(chart)),
    }
}
