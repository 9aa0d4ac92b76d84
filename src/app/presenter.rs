//! Presenting: the running slideshow, the default deck, and what each slide shows (title,
//! unit, caption, sources and its chart or table), resolved the same way for the screen and
//! for the briefing.

use crate::model::Document;
use crate::model::Measure;
use crate::model::chart::svg::Table;
use crate::model::chart::{Chart, ChartOptions};
use crate::model::deck::{Annotation, Deck, Slide, SlideContent};
use crate::model::format::{readable, unit_words};
use crate::model::regional::{StatTable, stat_options, stat_table};
use crate::model::scenario::Scenario;
use crate::model::scenario::{NATIONAL, WHOLE_REGION};
use crate::ui::SlideStep;
use crate::ui::i18n::{Lang, Msg, region_name, tr};
use crate::ui::widgets::status::status_text;

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
}

pub struct ResolvedSlide {
    pub title: String,
    pub unit: String,
    pub caption: String,
    pub sources: Vec<String>,
    pub body: SlideBody,
}

/// The latest regional statistic with every 盟市 known (GDP), for the default deck.
pub fn regional_slide(doc: &Document, scenarios: &[&Scenario]) -> Option<(String, String, u16)> {
    let options = stat_options(doc, scenarios);
    options.first().map(|o| (o.indicator.clone(), o.unit.clone(), o.default_year))
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
    Deck::from_plan(doc, node, regional_slide(doc, scenarios), &has_data)
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
            let options = ChartOptions { index: true, english: lang == Lang::En, ..ChartOptions::default() };
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
                    region_name(crate::model::Region::East, lang),
                    region_name(crate::model::Region::West, lang)
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
            vec![if english { s.name_en.clone() } else { s.name.clone() }, s.target_text(english), source]
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
    let chart = derived.small_chart(doc, scenarios, key, lang == Lang::En).clone();
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
    let unit = unit_words(&s.unit, english);
    let value = |v: f64, y: u16| {
        if english { format!("{} {unit} ({y})", readable(v)) } else { format!("{} {unit}（{y}）", readable(v)) }
    };
    let mut caption = Vec::new();
    if let Some((y, v, _)) = s.baselines.first() {
        caption.push(format!("{} {}", tr(lang, Msg::Baseline), value(*v, *y)));
    }
    let target = s.target_text(english);
    if !target.is_empty() {
        caption.push(format!("{} {target}", tr(lang, Msg::Target)));
    }
    if let Some((y, v, _)) = &s.latest {
        // A latest value from before the plan's base year is not progress: it says so.
        let old = if *y < doc.plan.meta.baseline_year { tr(lang, Msg::BeforeBaseYear) } else { "" };
        caption.push(format!("{} {}{old}", tr(lang, Msg::Latest), value(*v, *y)));
    }
    if let Some(st) = s.status() {
        caption.push(status_text(st, lang).to_string());
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
