//! The window's layout: which panel goes where, and the props each view is given. Views
//! draw and return commands; what changes here is only drawing's bookkeeping (the tree's
//! scroll request, an expired toast, the regional page's default year).

use egui::{RichText, Ui};

use crate::i18n::{Lang, Msg, pick, tr};
use crate::model::Region;
use crate::model::chart::chart_regions;
use crate::model::deck::Slide;
use crate::model::evaluation::Tally;
use crate::model::map::{Pin, values_from_counts, values_from_table};
use crate::model::regional::{PlanMetric, StatOption};
use crate::ui::Command;
use crate::ui::View;
use crate::ui::deck_editor::{DeckEditorProps, deck_editor_ui};
use crate::ui::evaluation_view::{EvaluationProps, evaluation_ui};
use crate::ui::indicators_view::{IndicatorsProps, indicators_ui};
use crate::ui::map_view::{MapPageProps, MapProps, MapValue, map_page_ui};
use crate::ui::messages_panel::{MessagesProps, messages_ui};
use crate::ui::node_view::{NodeViewProps, node_view_ui};
use crate::ui::overlays::{AboutProps, about_ui, drop_overlay, help_ui, toast_ui};
use crate::ui::overview::{OverviewProps, overview_ui};
use crate::ui::presenter::{SlideProps, SlideView, slide_ui};
use crate::ui::regions_view::{RegionsProps, regions_ui};
use crate::ui::scenarios_view::{ScenariosProps, scenarios_ui};
use crate::ui::top_bar::{TopBarProps, top_bar_ui};
use crate::ui::tree::{TreeProps, tree_ui};
use crate::ui::widgets::highlight::{Mark, Span};

use super::PlanExplorerApp;
use super::presenter::{SlideBody, deck_description, resolve_slide, slide_label};

impl PlanExplorerApp {
    /// The window outside presenter mode: top bar, messages, tree, the page, overlays.
    pub(super) fn window(&mut self, ui: &mut Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        let lang = self.settings.lang;
        egui::Panel::top("top").show(ui, |ui| {
            let props = TopBarProps {
                lang,
                view: self.settings.view,
                dialog_open: self.scenarios.dialog_open(),
                deck_len: self.my_deck.slides.len(),
                dark: self.settings.dark,
                query: self.nav.query(),
                hits: self.nav.hit_count(),
                region_filter: &self.settings.region_filter,
                places: &self.doc.plan.places,
            };
            commands.extend(top_bar_ui(ui, &props));
        });
        let messages = MessagesProps {
            messages: self.log.lines(),
            hidden: self.log.hidden(),
            loading: self.scenarios.in_flight(),
            lang,
        };
        if !messages.is_empty() {
            egui::Panel::bottom("messages").resizable(true).default_size(90.0).show(ui, |ui| {
                commands.extend(messages_ui(ui, &messages));
            });
        }
        egui::Panel::left("tree_panel").resizable(true).default_size(360.0).min_size(220.0).show(ui, |ui| {
            let scroll_to_row = self.nav.take_scroll_request(&self.doc);
            self.nav.rows(&self.doc);
            let nav = &self.nav;
            let props = TreeProps {
                doc: &self.doc,
                rows: nav.last_rows(),
                selected: nav.selected(),
                expanded: nav.expanded(),
                query: nav.query(),
                scroll_to_row,
                lang,
                statuses: self.derived.node_status(),
                filter_label: nav.filter_label(),
            };
            commands.extend(tree_ui(ui, &props));
        });
        egui::CentralPanel::default().show(ui, |ui| {
            let page = match self.settings.view {
                View::Overview => self.overview_page(ui),
                View::Evaluation => self.evaluation_page(ui),
                View::Map => self.map_page(ui),
                View::Reader => self.reader_page(ui),
                View::Indicators => self.indicators_page(ui),
                View::Regions => self.regions_page(ui),
                View::Scenarios => self.scenarios_page(ui),
                View::WhatIf => self.whatif_page(ui),
            };
            commands.extend(page);
        });
        let ctx = ui.ctx().clone();
        drop_overlay(&ctx, lang);
        if self.show_help {
            commands.extend(help_ui(&ctx, lang));
        }
        if self.show_about {
            commands.extend(self.about(&ctx));
        }
        commands
    }

    /// A confirmation ("copied", where an export went) over whatever is shown, presenting too.
    pub(super) fn toast(&mut self, ctx: &egui::Context) {
        if let Some((text, until)) = &self.toast {
            if self.now < *until {
                toast_ui(ctx, text);
                ctx.request_repaint_after(std::time::Duration::from_millis(200));
            } else {
                self.toast = None;
            }
        }
    }

    fn about(&self, ctx: &egui::Context) -> Vec<Command> {
        let meta = &self.doc.plan.meta;
        let built_in: Vec<(String, String, usize)> = self
            .scenarios
            .loaded()
            .iter()
            .filter(|l| l.path.is_none())
            .map(|l| (l.scenario.name.clone(), l.scenario.description.clone(), l.scenario.series.len()))
            .collect();
        let props = AboutProps {
            version: env!("CARGO_PKG_VERSION"),
            plan_title: &meta.title,
            drafted_by: &meta.drafted_by,
            issued: &meta.issued,
            grouping_source: &self.doc.plan.places.grouping_source,
            built_in: &built_in,
            lang: self.settings.lang,
        };
        about_ui(ctx, &props)
    }

    fn overview_page(&mut self, ui: &mut Ui) -> Vec<Command> {
        // Built on first use; a failure only leaves the picture out.
        let _ = self.derived.map();
        let plan = &self.doc.plan;
        let region_of =
            |full_name: &str| plan.places.cities.iter().find(|c| c.full_name == full_name).map(|c| c.region);
        let props = OverviewProps {
            meta: &plan.meta,
            map: self.derived.built_map(),
            region_of: &region_of,
            facts: self.derived.facts(),
            tally: Tally::of(self.derived.evaluations()),
            tiles: self.derived.tiles(),
            headline_source: plan.headlines.first().map_or("", |h| h.source.as_str()),
            lang: self.settings.lang,
        };
        overview_ui(ui, &props)
    }

    fn map_page(&mut self, ui: &mut Ui) -> Vec<Command> {
        let lang = self.settings.lang;
        let enabled = self.scenarios.enabled();
        let plan = &self.doc.plan;
        // The plan's own counts first, then every per-盟市 statistic of the enabled scenarios.
        let options = self.derived.stat_options();
        let mut quantities: Vec<String> =
            PlanMetric::ALL.iter().map(|m| pick(lang, m.name_zh(), m.name_en()).to_string()).collect();
        quantities.extend(options.iter().map(StatOption::label));
        let mut series: Vec<String> = PlanMetric::ALL.iter().map(|m| m.id().to_string()).collect();
        series.extend(options.iter().map(|o| o.indicator.clone()));
        let mut years: Vec<Vec<u16>> = vec![Vec::new(); PlanMetric::ALL.len()];
        years.extend(options.iter().map(|o| o.years.clone()));
        let state = &mut self.views.map;
        state.quantity = state.quantity.min(quantities.len().saturating_sub(1));
        let mut halves: Vec<(Region, String)> = Vec::new();
        let (values, unit, year): (Vec<MapValue>, String, Option<u16>) = match PlanMetric::ALL.get(state.quantity) {
            Some(&metric) => {
                let counts = self.derived.plan_counts(&self.doc, metric);
                (values_from_counts(&plan.places, counts, tr(lang, Msg::MapCounts)), String::new(), None)
            }
            None => {
                let k = state.quantity - PlanMetric::ALL.len();
                let Some(table) = self.derived.stat_table(&self.doc, &enabled, k, state.year) else {
                    return Vec::new();
                };
                halves = table.stated_halves(lang);
                (values_from_table(&plan.places, table), table.unit.clone(), Some(table.year))
            }
        };
        let source = format!(
            "{}：{} · {}",
            tr(lang, Msg::GroupingSource),
            plan.places.grouping_source,
            tr(lang, Msg::MapBoundaries)
        );
        let selected = self.nav.filter_label().map(str::to_string);
        let _ = self.derived.pins(&self.doc);
        let _ = self.derived.map();
        let pins = self.derived.built_pins();
        let doc = &self.doc;
        let pin_text = |pin: &Pin| pin_text(doc, pin, lang);
        let map = match self.derived.built_map_result() {
            Ok(map) => map,
            Err(e) => {
                ui.label(e);
                return Vec::new();
            }
        };
        let props = MapPageProps {
            quantities: &quantities,
            series: &series,
            years: &years,
            source: &source,
            map: MapProps {
                map,
                values: &values,
                halves: &halves,
                pins,
                pin_text: &pin_text,
                unit: &unit,
                year,
                selected: selected.as_deref(),
                lang,
            },
        };
        map_page_ui(ui, &props, &mut self.views.map)
    }

    fn evaluation_page(&mut self, ui: &mut Ui) -> Vec<Command> {
        let props = EvaluationProps {
            evaluations: self.derived.evaluations(),
            filter: self.evaluation_filter,
            lang: self.settings.lang,
        };
        evaluation_ui(ui, &props)
    }

    fn reader_page(&mut self, ui: &mut Ui) -> Vec<Command> {
        let lang = self.settings.lang;
        let Some(node) = self.nav.selected() else {
            ui.centered_and_justified(|ui| ui.label(RichText::new(tr(lang, Msg::NoNodeSelected)).weak()));
            return Vec::new();
        };
        let subtree = self.doc.outline.subtree(node);
        // Place and indicator marks are cached; search hits change with the query.
        let spans: Vec<Vec<Span>> = subtree
            .clone()
            .map(|k| {
                let mut spans = self.derived.marks(&self.doc, k).to_vec();
                if let Some(hit) = self.nav.hit_in(k) {
                    spans.extend(hit.text_hits.iter().map(|&(start, end)| Span { start, end, mark: Mark::Hit }));
                }
                spans
            })
            .collect();
        // One small chart per measure stated in the subtree, in plan order.
        let mut measures: Vec<String> = Vec::new();
        for k in subtree {
            for &ind in self.doc.outline.own_indicators(k) {
                let m = &self.doc.plan.indicators[ind].measure;
                if !measures.contains(m) {
                    measures.push(m.clone());
                }
            }
        }
        // Built once and cached, then lent, not copied, every frame.
        let enabled = self.scenarios.enabled();
        for m in &measures {
            self.derived.small_chart(&self.doc, &enabled, m, lang);
        }
        let derived = &self.derived;
        let indicators: Vec<_> =
            measures.iter().filter_map(|m| Some((derived.summary(m)?, derived.built_small_chart(m, lang)?))).collect();
        let props = NodeViewProps { doc: &self.doc, node, spans: &spans, lang, indicators: &indicators };
        node_view_ui(ui, &props)
    }

    fn indicators_page(&mut self, ui: &mut Ui) -> Vec<Command> {
        // The parts of the region the selected measures have series for; a part chosen for
        // an earlier selection that this one lacks falls back to the whole region.
        let regions = {
            let enabled = self.scenarios.enabled();
            chart_regions(&self.settings.selected_measures, &enabled, &self.doc.plan.places)
        };
        if self.settings.chart_region.as_ref().is_some_and(|r| !regions.contains(r)) {
            self.settings.chart_region = None;
        }
        self.current_chart();
        let no_chart = crate::model::chart::Chart::default();
        let props = IndicatorsProps {
            doc: &self.doc,
            summaries: self.derived.summaries(),
            selected: &self.settings.selected_measures,
            chart: self.derived.last_chart().unwrap_or(&no_chart),
            lang: self.settings.lang,
            options: self.chart_options(),
            regions: &regions,
        };
        indicators_ui(ui, &props, &mut self.views.indicators)
    }

    fn regions_page(&mut self, ui: &mut Ui) -> Vec<Command> {
        let lang = self.settings.lang;
        let view = &mut self.views.regions;
        let enabled = self.scenarios.enabled();
        let k = view.stat.min(self.derived.stat_options().len().saturating_sub(1));
        // Built once per choice and lent: the page redraws without recomputing.
        let _ = self.derived.stat_table(&self.doc, &enabled, k, view.year);
        let _ = self.derived.east_west(&self.doc, &enabled, k, lang);
        let _ = self.derived.plan_counts(&self.doc, view.metric);
        let derived = &self.derived;
        let stat = derived.built_stat_table(k, view.year);
        if view.year.is_none() {
            view.year = stat.map(|s| s.year);
        }
        let props = RegionsProps {
            doc: &self.doc,
            counts: derived.built_plan_counts(),
            stat_options: derived.stat_options(),
            stat,
            east_west: derived.built_east_west(k, lang),
            lang,
        };
        regions_ui(ui, &props, view)
    }

    fn scenarios_page(&mut self, ui: &mut Ui) -> Vec<Command> {
        let lang = self.settings.lang;
        let enabled = self.scenarios.enabled();
        let loaded = self.scenarios.loaded();
        self.derived.update_comparison(&self.doc, &enabled, loaded, self.scenarios.pair());
        let (targets, differences) = self.derived.comparison();
        // Summaries are in measure order, so the cached index finds each one directly.
        let summaries = self.derived.summaries();
        let at_target: Vec<_> = targets.iter().filter_map(|(k, v)| Some((summaries.get(*k)?, v.as_slice()))).collect();
        let doc = &self.doc;
        let indicator_name =
            |id: &str| loaded.iter().find_map(|l| l.scenario.indicator_name(&doc.plan, id)).unwrap_or(id).to_string();
        let props = ScenariosProps {
            loaded,
            recent: &self.settings.recent,
            no_dialog: self.scenarios.no_dialog(),
            basis: self.scenarios.basis(),
            pair: self.scenarios.pair(),
            at_target: &at_target,
            differences,
            indicator_name: &indicator_name,
            lang,
        };
        let mut commands = ui
            .push_id("scenario_page", |ui| {
                // The deck editor below needs a line or two until the deck has slides.
                let deck_room = if self.my_deck.slides.is_empty() { 70.0 } else { ui.available_height() * 0.3 };
                ui.set_max_height(ui.available_height() - deck_room);
                scenarios_ui(ui, &props, &mut self.views.scenarios)
            })
            .inner;
        ui.separator();
        let labels: Vec<String> = self.my_deck.slides.iter().map(|s| slide_label(s, &self.derived, lang)).collect();
        commands.extend(deck_editor_ui(ui, &DeckEditorProps { slides: &labels, lang }, &mut self.views.deck_editor));
        commands
    }

    /// Presenter mode: one slide filling the window, with its control line.
    pub(super) fn presenter_page(&mut self, ui: &mut Ui) -> Vec<Command> {
        let Some(p) = &self.presenter else { return Vec::new() };
        let (index, count) = (p.index, p.deck.slides.len());
        let about = deck_description(&p.deck, self.settings.lang);
        let Some(slide): Option<Slide> = p.current().cloned() else { return Vec::new() };
        let lang = self.settings.lang;
        let enabled = self.scenarios.enabled();
        let resolved = resolve_slide(&self.doc, &mut self.derived, &enabled, lang, &slide);
        if matches!(resolved.body, SlideBody::Map(_)) {
            let _ = self.derived.map();
            let _ = self.derived.pins(&self.doc);
        }
        let doc = &self.doc;
        let pin_text = |pin: &Pin| pin_text(doc, pin, lang);
        let view = match &resolved.body {
            SlideBody::Chart(c) => SlideView::Chart(c),
            SlideBody::Regional(t) => SlideView::Regional(t, resolved.title.clone()),
            SlideBody::Table(t) => SlideView::Table(t),
            SlideBody::Map(m) => match self.derived.built_map_result() {
                Ok(map) => SlideView::Map(MapProps {
                    map,
                    values: &m.values,
                    halves: &m.halves,
                    pins: self.derived.built_pins(),
                    pin_text: &pin_text,
                    unit: &m.unit,
                    year: m.year,
                    selected: None,
                    lang,
                }),
                Err(_) => SlideView::Chart(&NO_CHART),
            },
        };
        let props = SlideProps {
            title: &resolved.title,
            unit: &resolved.unit,
            caption: &resolved.caption,
            sources: &resolved.sources,
            view,
            notes: &slide.notes,
            index,
            count,
            about: about.as_deref(),
            scale: self.settings.presenter_scale,
            lang,
        };
        slide_ui(ui, &props, &mut self.views.slide)
    }
}

/// A pin's hover text: the place, its 旗县区 and 盟市, and the first paragraphs naming it.
fn pin_text(doc: &crate::model::Document, pin: &Pin, lang: Lang) -> String {
    const SHOWN: usize = 6;
    let mut text =
        format!("{}（{} · {}）\n{}：{}", pin.place, pin.county, pin.city, tr(lang, Msg::Paragraphs), pin.nodes.len());
    for &i in pin.nodes.iter().take(SHOWN) {
        let heading = doc.outline.ancestors(i).last().map(|&k| doc.plan.nodes[k].heading()).unwrap_or_default();
        let excerpt: String = doc.plan.nodes[i].text.chars().take(24).collect();
        text.push_str(&format!("\n· {heading}：{excerpt}…"));
    }
    if pin.nodes.len() > SHOWN {
        text.push_str(&format!("\n… {}", tr(lang, Msg::ClickToList)));
    }
    text
}

/// What a slide shows when its drawing cannot be made (the map's boundaries failed to load).
static NO_CHART: std::sync::LazyLock<crate::model::chart::Chart> =
    std::sync::LazyLock::new(crate::model::chart::Chart::default);
