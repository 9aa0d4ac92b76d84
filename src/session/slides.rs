//! Decks and their slides: the default deck (every target's chart in the plan's order, the
//! chapters' targets tables, then east and west and the map), and each slide's [`SlideSpec`],
//! built once per slide and language and shared by the presenter, the PNG, the PDF and HTML
//! briefings and the slide's CSV.

use std::sync::Arc;

use super::Session;
use crate::i18n::{Lang, Msg, labelled, paren, pick, tr};
use crate::model::chart::{Chart, ChartOptions};
use crate::model::deck::{Deck, Slide, SlideContent};
use crate::model::export::regional_table;
use crate::model::format::{readable, unit_words};
use crate::model::map::svg::map_table;
use crate::model::regional::{PlanMetric, stat_table};
use crate::model::scenario::{NATIONAL, WHOLE_REGION};
use crate::model::slide::{SlideBody, SlideSpec};
use crate::model::table::Table;
use crate::model::{Measure, Region};

impl Session {
    /// The headline indicators' (主要指标) chart slides, in the announcement's order: the
    /// Word report's figures.
    pub fn headline_slides(&self, lang: Lang) -> Vec<Arc<SlideSpec>> {
        let doc = self.doc();
        let measures = Measure::group(&doc.plan.indicators);
        doc.plan
            .headlines
            .iter()
            .filter(|h| measures.iter().any(|m| m.key == h.measure))
            .map(|h| self.slide(&Slide::of(SlideContent::Measure(h.measure.clone())), lang))
            .collect()
    }

    /// The cover (dated today in `lang`) and the evaluation's summary, then every chart under
    /// `node` (the whole plan for `None`) in plan order, then the regional slides. Measures
    /// with only a target (nothing else to draw) are gathered on their chapter's targets slide.
    pub fn default_deck(&self, node: Option<usize>, lang: Lang) -> Deck {
        let doc = self.doc();
        let scenarios = self.shown_scenarios();
        let node = node.filter(|&i| doc.outline.indicator_total(i) > 0);
        let has_data = |m: &Measure<'_>| {
            !m.baselines().is_empty()
                || scenarios
                    .iter()
                    .any(|s| s.series_for(m.key, WHOLE_REGION).chain(s.series_for(m.key, NATIONAL)).next().is_some())
        };
        let mut deck = Deck::from_plan(doc, node, self.regional_slides(), &has_data);
        // A meeting starts with its cover and how many targets were met.
        let cover = SlideContent::Cover {
            title: deck.name.clone(),
            date: crate::clock::local_date(lang),
            presenter: String::new(),
        };
        deck.slides.splice(0..0, [Slide::of(cover), Slide::of(SlideContent::EvaluationSummary)]);
        for slide in &mut deck.slides {
            if let Some(kept) = self.plan_notes.iter().find(|k| k.same_place(slide)) {
                slide.clone_from(kept);
            }
        }
        deck
    }

    /// Keeps the notes written on a slide of the plan's deck (matched by what it shows), so
    /// that they are there when the deck runs again.
    pub fn keep_plan_notes(&mut self, slide: Slide) {
        self.plan_notes.retain(|k| !k.same_place(&slide));
        let cover = matches!(slide.content, SlideContent::Cover { .. });
        if cover || !slide.notes.is_empty() || !slide.speaker_notes.is_empty() {
            self.plan_notes.push(slide);
        }
    }

    /// Writes a slide changed while presenting the presenter's own deck back into it, at
    /// `index` when the slide there is still the same one.
    pub fn keep_my_notes(&mut self, index: usize, slide: Slide) {
        // A step to undo on the deck's page, as a note typed there is.
        self.edit_deck(Some(index), |deck| {
            if let Some(mine) = deck.slides.get_mut(index)
                && mine.same_place(&slide)
            {
                *mine = slide;
            }
        });
    }

    /// The default deck's east/west slides: the statistic known for the most 盟市 (GDP) in its
    /// year, the map of the plan's tasks per 盟市, and that statistic's east and west over time.
    fn regional_slides(&self) -> Vec<SlideContent> {
        let first = self.stat_options().first();
        let mut slides = Vec::new();
        if let Some(o) = first {
            slides.push(SlideContent::Regional {
                indicator: o.indicator.clone(),
                unit: o.unit.clone(),
                year: o.default_year,
            });
        }
        slides.push(SlideContent::Map { series: PlanMetric::Tasks.id().to_string(), year: None });
        if let Some(o) = first {
            slides.push(SlideContent::EastWest { indicator: o.indicator.clone(), unit: o.unit.clone() });
        }
        slides
    }

    /// A slide's name in a list.
    pub fn slide_label(&self, slide: &Slide, lang: Lang) -> String {
        match &slide.content {
            SlideContent::Cover { title, .. } => title.clone(),
            SlideContent::EvaluationSummary => tr(lang, Msg::EvaluationSummary).to_string(),
            SlideContent::Measure(key) => self.summary(key).map_or(key.clone(), |s| s.name.clone()),
            SlideContent::Index(keys) => format!("{}{}", tr(lang, Msg::IndexPrefix), keys.join("、")),
            SlideContent::Regional { indicator, year, .. } => format!("{indicator}{}", paren(lang, year)),
            SlideContent::Map { series, year } => {
                format!("{} · {series}{}", tr(lang, Msg::ViewMap), year.map(|y| paren(lang, y)).unwrap_or_default())
            }
            SlideContent::EastWest { indicator, .. } => format!("{indicator} · {}", tr(lang, Msg::EastWestOverTime)),
            SlideContent::Targets { chapter, measures } => {
                // The chapter's heading, as the slide's title writes it (its id only if the plan
                // has no such chapter).
                let doc = self.doc();
                let heading = doc.outline.index_of(chapter).map_or(chapter.clone(), |i| doc.plan.nodes[i].heading());
                format!("{heading} · {}{}", tr(lang, Msg::Targets), paren(lang, measures.len()))
            }
        }
    }

    /// What `slide` shows in `lang`, built on first use and then shared. The speaker's notes
    /// are not shown on the slide, so writing them builds nothing again.
    pub fn slide(&self, slide: &Slide, lang: Lang) -> Arc<SlideSpec> {
        let shown = Slide { speaker_notes: String::new(), ..slide.clone() };
        self.derived.slides.get_or((shown, lang), || {
            let mut spec = match &slide.content {
                SlideContent::Cover { title, date, presenter } => self.cover_slide(title, date, presenter),
                SlideContent::EvaluationSummary => self.summary_slide(lang),
                SlideContent::Measure(key) => self.measure_slide(key, lang),
                SlideContent::Index(keys) => self.index_slide(keys, lang),
                SlideContent::Regional { indicator, unit, year } => self.regional_slide(indicator, unit, *year, lang),
                SlideContent::Targets { chapter, measures } => self.targets_slide(chapter, measures, lang),
                SlideContent::Map { series, year } => self.map_slide(series, *year, lang),
                SlideContent::EastWest { indicator, unit } => self.east_west_slide(indicator, unit, lang),
            };
            // The notes on chart years: labelled rules on the chart, and words under the slide.
            if let SlideBody::Chart(chart) = &mut spec.body {
                *chart = std::mem::take(chart).with_annotations(slide.notes.iter().map(|n| (n.year, n.text.clone())));
            }
            spec.notes = slide
                .notes
                .iter()
                .map(|n| format!("{}{}{}", tr(lang, Msg::NotePrefix), n.text, paren(lang, n.year)))
                .collect();
            spec
        })
    }

    /// The cover: the deck's title in large type, the date and the presenter's line; its source
    /// is the plan it is about.
    fn cover_slide(&self, title: &str, date: &str, presenter: &str) -> SlideSpec {
        SlideSpec {
            title: title.to_string(),
            unit: String::new(),
            caption: String::new(),
            sources: vec![format!("《{}》", self.doc().plan.meta.title)],
            notes: Vec::new(),
            body: SlideBody::Cover { date: date.to_string(), presenter: presenter.to_string() },
        }
    }

    /// How many targets were met, and the headline indicators' verdicts in large type.
    fn summary_slide(&self, lang: Lang) -> SlideSpec {
        let evaluations = self.evaluations();
        let tally = crate::model::evaluation::Tally::of(evaluations);
        let counts: Vec<String> = crate::model::evaluation::Verdict::ALL
            .iter()
            .map(|&v| format!("{} {}", v.text(lang), tally.count(v)))
            .collect();
        let doc = self.doc();
        let rows = doc
            .plan
            .headlines
            .iter()
            .filter_map(|h| evaluations.iter().find(|e| e.key == h.measure).map(|e| (h, e)))
            .map(|(h, e)| {
                let unit = unit_words(&e.unit, lang);
                let value = e.judged.as_ref().map_or("—".to_string(), |r| format!("{} {unit}", readable(r.value)));
                let target = crate::model::format::target_words(
                    e.comparator,
                    e.target_value,
                    e.upper,
                    &unit,
                    (e.target_year, e.year_implied),
                    lang,
                );
                let name = if lang.is_english() { e.name_en.clone() } else { h.name.clone() };
                vec![name, format!("{target} → {value}"), e.verdict.text(lang).to_string()]
            })
            .collect();
        let header = [Msg::Name, Msg::TargetAndOutcome, Msg::Verdict].map(|m| tr(lang, m).to_string());
        SlideSpec {
            title: tr(lang, Msg::EvaluationSummary).to_string(),
            unit: String::new(),
            caption: labelled(lang, tr(lang, Msg::TargetsCounted), counts.join(" · ")),
            sources: vec![tr(lang, Msg::PlanAndActuals).to_string()],
            notes: Vec::new(),
            body: SlideBody::Table(Table { header: header.to_vec(), rows }),
        }
    }

    fn index_slide(&self, keys: &[String], lang: Lang) -> SlideSpec {
        let chart = self.chart(keys, ChartOptions { index: true, lang, ..ChartOptions::default() });
        SlideSpec {
            title: chart.title.clone(),
            unit: chart.y_axis.unit.clone(),
            caption: String::new(),
            sources: vec![tr(lang, Msg::PlanAndActuals).to_string()],
            notes: Vec::new(),
            body: SlideBody::Chart(Chart::clone(&chart)),
        }
    }

    fn regional_slide(&self, indicator: &str, unit: &str, year: u16, lang: Lang) -> SlideSpec {
        let doc = self.doc();
        // The kept table when the statistic has the deck's year; else (a statistic or a year no
        // shown scenario has) the table of exactly that year, which says what is not published.
        let kept = self
            .stat_index(indicator, Some(unit))
            .filter(|&k| self.stat_options().get(k).is_some_and(|o| o.years.contains(&year)))
            .and_then(|k| self.stat_table(k, Some(year)));
        let table = kept
            .map(|t| (*t).clone())
            .unwrap_or_else(|| stat_table(doc, &self.shown_scenarios(), indicator, unit, year));
        let name = self
            .shown_scenarios()
            .iter()
            .find_map(|s| match lang {
                Lang::Zh => s.indicator_name(&doc.plan, indicator),
                Lang::En => s.indicator_name_en(&doc.plan, indicator),
            })
            .unwrap_or(indicator)
            .to_string();
        let caption = match table.shares() {
            Some((e, w)) => format!("{} {e:.1}% · {} {w:.1}%", Region::East.name(lang), Region::West.name(lang)),
            None => tr(lang, Msg::NotPublished).to_string(),
        };
        SlideSpec {
            title: format!("{name}{} · {}", paren(lang, year), tr(lang, Msg::EastAndWest)),
            unit: crate::model::format::unit_words(unit, lang),
            caption,
            sources: vec![doc.plan.places.grouping_source.clone()],
            notes: Vec::new(),
            body: SlideBody::Regional { data: regional_table(&table, lang), table },
        }
    }

    /// The map of one quantity: the plan's counts or a statistic in a year.
    fn map_slide(&self, series: &str, year: Option<u16>, lang: Lang) -> SlideSpec {
        let places = &self.doc().plan.places;
        let sources = vec![
            labelled(lang, tr(lang, Msg::GroupingSource), &places.grouping_source),
            tr(lang, Msg::MapBoundaries).to_string(),
        ];
        let (title, unit, body) = match self.map(series, None, year, lang) {
            Ok(map) => (map.title.clone(), map.unit.clone(), SlideBody::Map { data: map_table(&map), map }),
            Err(why) => (format!("{}{series}", tr(lang, Msg::MapTitlePrefix)), String::new(), SlideBody::Missing(why)),
        };
        SlideSpec { title, unit, caption: String::new(), sources, notes: Vec::new(), body }
    }

    /// One statistic's east and west over time, as a chart.
    fn east_west_slide(&self, indicator: &str, unit: &str, lang: Lang) -> SlideSpec {
        let built = self.stat_index(indicator, Some(unit)).and_then(|k| self.east_west(k, lang));
        let (caption, chart) = match built {
            Some(ew) => {
                // The latest year with both halves, in words.
                let caption = ew
                    .tables
                    .iter()
                    .rev()
                    .find_map(|t| {
                        let (e, w) = t.shares()?;
                        let shares =
                            format!("{} {e:.1}% · {} {w:.1}%", Region::East.name(lang), Region::West.name(lang));
                        Some(labelled(lang, t.year, shares))
                    })
                    .unwrap_or_default();
                (caption, ew.chart.clone())
            }
            None => {
                (tr(lang, Msg::NotPublished).to_string(), Chart { title: indicator.to_string(), ..Chart::default() })
            }
        };
        SlideSpec {
            title: chart.title.clone(),
            unit: crate::model::format::unit_words(unit, lang),
            caption,
            sources: vec![self.doc().plan.places.grouping_source.clone()],
            notes: Vec::new(),
            body: SlideBody::Chart(chart),
        }
    }

    /// A chapter's targets that have nothing to chart, as one table: measure, target in words,
    /// where the plan states it.
    fn targets_slide(&self, chapter: &str, measures: &[String], lang: Lang) -> SlideSpec {
        let doc = self.doc();
        let heading = doc.outline.index_of(chapter).map_or(chapter.to_string(), |i| doc.plan.nodes[i].heading());
        let rows = measures
            .iter()
            .filter_map(|key| self.summary(key))
            .map(|s| {
                // Where the plan states it, and the words (smaller on the slide, cut to the page
                // in the PDF, whole in the HTML briefing).
                let place = s.source_node.map(|n| doc.outline.citation(&doc.plan, n)).unwrap_or_default();
                let quote = doc.plan.indicators.iter().find(|i| i.measure == s.key && i.target.is_some());
                let source = quote.map_or(place.clone(), |q| format!("{place}：“{}”", q.quote));
                vec![pick(lang, &s.name, &s.name_en).to_string(), s.target_text(lang), source]
            })
            .collect();
        let header = [Msg::Name, Msg::Target, Msg::InThePlan].map(|m| tr(lang, m).to_string());
        SlideSpec {
            title: format!("{heading} · {}", tr(lang, Msg::Targets)),
            unit: String::new(),
            caption: tr(lang, Msg::TargetsOnlyExplain).to_string(),
            sources: vec![tr(lang, Msg::PlanSource).to_string()],
            notes: Vec::new(),
            body: SlideBody::Table(Table { header: header.to_vec(), rows }),
        }
    }

    /// `chart` as a slide of its own, for a file (the command line's `chart`): with the caption
    /// and source lines of its measure's slide when it charts one measure, else of the plan and
    /// the actual values; the title is the chart's.
    pub fn chart_slide(&self, keys: &[String], chart: Chart, lang: Lang) -> SlideSpec {
        let (caption, sources) = match keys {
            [key] => {
                let one = self.measure_slide(key, lang);
                (one.caption, one.sources)
            }
            _ => (String::new(), vec![tr(lang, Msg::PlanAndActuals).to_string()]),
        };
        SlideSpec {
            title: chart.title.clone(),
            unit: chart.y_axis.unit.clone(),
            caption,
            sources,
            notes: Vec::new(),
            body: SlideBody::Chart(chart),
        }
    }

    fn measure_slide(&self, key: &str, lang: Lang) -> SlideSpec {
        let doc = self.doc();
        let chart = Chart::clone(&self.small_chart(key, lang));
        let Some(s) = self.summary(key) else {
            return SlideSpec {
                title: key.to_string(),
                unit: String::new(),
                caption: String::new(),
                sources: Vec::new(),
                notes: Vec::new(),
                body: SlideBody::Chart(chart),
            };
        };
        let unit = unit_words(&s.unit, lang);
        let value = |v: f64, y: u16| match lang {
            Lang::Zh => format!("{} {unit}（{y}）", readable(v)),
            Lang::En => format!("{} {unit} ({y})", readable(v)),
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
        SlideSpec {
            title: pick(lang, &s.name, &s.name_en).to_string(),
            unit: s.unit.clone(),
            caption: caption.join(" · "),
            sources,
            notes: Vec::new(),
            body: SlideBody::Chart(chart),
        }
    }
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
