//! The window's layout: which panel goes where, and the props each view is given, taken from
//! the session's specs and caches. Views draw and return commands; nothing here changes what
//! is remembered (the only bookkeeping is the tree's scroll request and an expired toast).

use std::sync::Arc;

use egui::{RichText, Ui};

use crate::i18n::{Msg, tr};
use crate::model::chart::Chart;
use crate::model::evaluation::Tally;
use crate::model::map::Pin;
use crate::model::marks::{Mark, Span};
use crate::ui::Command;
use crate::ui::View;
use crate::ui::deck_editor::{DeckEditorProps, deck_editor_ui};
use crate::ui::evaluation_view::{EvaluationProps, evaluation_ui};
use crate::ui::indicators_view::{IndicatorsProps, indicators_ui};
use crate::ui::map_view::{MapPageProps, MapProps, map_page_ui};
use crate::ui::messages_panel::{MessagesProps, messages_ui};
use crate::ui::node_view::{NodeViewProps, node_view_ui};
use crate::ui::overlays::{AboutProps, about_ui, drop_overlay, help_ui, toast_ui};
use crate::ui::overview::{OverviewProps, overview_ui};
use crate::ui::presenter::{SlideProps, slide_ui};
use crate::ui::regions_view::{RegionsProps, regions_ui};
use crate::ui::scenarios_view::{ScenariosProps, scenarios_ui};
use crate::ui::top_bar::{TopBarProps, top_bar_ui};
use crate::ui::tree::{TreeProps, tree_ui};

use super::PlanExplorerApp;
use crate::session::slides::deck_description;

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
                deck_len: self.session.deck().slides.len(),
                dark: self.settings.dark,
                query: self.nav.query(),
                hits: self.nav.hit_count(),
                region_filter: &self.settings.region_filter,
                places: &self.session.doc().plan.places,
                focus_search: self.focus_search,
            };
            commands.extend(top_bar_ui(ui, &props));
        });
        // The request is taken by the field it was for.
        self.focus_search = false;
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
        // The tree never takes more than about a third of the window (at a large zoom its 360
        // points were most of a 1024-pixel screen).
        let tree_max = (ui.available_width() * 0.38).max(160.0);
        let tree_panel = egui::Panel::left("tree_panel").resizable(true).default_size(360.0_f32.min(tree_max));
        tree_panel.min_size(220.0_f32.min(tree_max)).max_size(tree_max).show(ui, |ui| {
            let doc = self.session.doc();
            let scroll_to_row = self.nav.take_scroll_request(doc);
            self.nav.rows(doc);
            let nav = &self.nav;
            let props = TreeProps {
                doc,
                rows: nav.last_rows(),
                selected: nav.selected(),
                expanded: nav.expanded(),
                query: nav.query(),
                scroll_to_row,
                lang,
                statuses: self.session.node_status(),
                filter_label: nav.filter_label(),
            };
            commands.extend(tree_ui(ui, &props));
        });
        egui::CentralPanel::default().show(ui, |ui| {
            // A page wider than the window (a large zoom, a narrow window) scrolls sideways
            // rather than running off its right edge; it fits the window when it can.
            let page = egui::ScrollArea::horizontal().id_salt("page").auto_shrink(false).show(ui, |ui| {
                match self.settings.view {
                    View::Overview => self.overview_page(ui),
                    View::Evaluation => self.evaluation_page(ui),
                    View::Map => self.map_page(ui),
                    View::Reader => self.reader_page(ui),
                    View::Indicators => self.indicators_page(ui),
                    View::Regions => self.regions_page(ui),
                    View::Scenarios => self.scenarios_page(ui),
                    View::WhatIf => self.whatif_page(ui),
                }
            });
            commands.extend(page.inner);
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
        let plan = &self.session.doc().plan;
        let built_in: Vec<(String, String, usize)> = self
            .session
            .scenarios()
            .loaded()
            .iter()
            .filter(|l| l.path.is_none())
            .map(|l| (l.scenario.name.clone(), l.scenario.description.clone(), l.scenario.series.len()))
            .collect();
        let props = AboutProps {
            version: env!("CARGO_PKG_VERSION"),
            plan_title: &plan.meta.title,
            drafted_by: &plan.meta.drafted_by,
            issued: &plan.meta.issued,
            grouping_source: &plan.places.grouping_source,
            built_in: &built_in,
            lang: self.settings.lang,
        };
        about_ui(ctx, &props)
    }

    fn overview_page(&self, ui: &mut Ui) -> Vec<Command> {
        let plan = &self.session.doc().plan;
        let region_of =
            |full_name: &str| plan.places.cities.iter().find(|c| c.full_name == full_name).map(|c| c.region);
        let props = OverviewProps {
            meta: &plan.meta,
            // A failure to build the map only leaves the picture out.
            map: self.session.map_geometry().ok().map(|m| m.as_ref()),
            region_of: &region_of,
            facts: self.session.facts(),
            tally: Tally::of(self.session.evaluations()),
            tiles: self.session.tiles(),
            headline_source: plan.headlines.first().map_or("", |h| h.source.as_str()),
            lang: self.settings.lang,
        };
        overview_ui(ui, &props)
    }

    fn map_page(&self, ui: &mut Ui) -> Vec<Command> {
        let lang = self.settings.lang;
        let quantities = self.session.map_quantities(lang);
        // A remembered quantity no loaded scenario has now: the plan's tasks are shown.
        let choice = &self.settings.map;
        let chosen = quantities
            .iter()
            .position(|q| q.series == choice.series && (choice.unit.is_none() || q.unit == choice.unit))
            .unwrap_or(0);
        let (series, unit) = quantities.get(chosen).map_or(("tasks", None), |q| (q.series.as_str(), q.unit.as_deref()));
        let map = match self.session.map(series, unit, choice.year, lang) {
            Ok(map) => map,
            Err(why) => {
                ui.label(why);
                return Vec::new();
            }
        };
        let doc = self.session.doc();
        let pin_text = |pin: &Pin| pin_text(doc, pin, lang);
        let selected = self.nav.filter_label();
        let props = MapPageProps {
            quantities: &quantities,
            chosen,
            map: MapProps { spec: &map, pin_text: &pin_text, selected },
        };
        map_page_ui(ui, &props)
    }

    fn evaluation_page(&mut self, ui: &mut Ui) -> Vec<Command> {
        let path = self.entries_path();
        let entries = self.session.scenarios().from_file(&path);
        let props = EvaluationProps {
            evaluations: self.session.evaluations(),
            filter: self.evaluation_filter,
            rule: self.session.scenarios().rule(),
            plan: &self.session.doc().plan,
            entries,
            can_undo: self.can_undo_entry(),
            can_redo: self.can_redo_entry(),
            lang: self.settings.lang,
        };
        evaluation_ui(ui, &props, &mut self.views.evaluation)
    }

    fn reader_page(&self, ui: &mut Ui) -> Vec<Command> {
        let lang = self.settings.lang;
        let Some(node) = self.nav.selected() else {
            ui.centered_and_justified(|ui| ui.label(RichText::new(tr(lang, Msg::NoNodeSelected)).weak()));
            return Vec::new();
        };
        let doc = self.session.doc();
        let subtree = doc.outline.subtree(node);
        // Place and indicator marks are kept; search hits change with the query.
        let spans: Vec<Vec<Span>> = subtree
            .clone()
            .map(|k| {
                let mut spans = self.session.marks(k).to_vec();
                if let Some(hit) = self.nav.hit_in(k) {
                    spans.extend(hit.text_hits.iter().map(|&(start, end)| Span { start, end, mark: Mark::Hit }));
                }
                spans
            })
            .collect();
        // One small chart per measure stated in the subtree, in plan order.
        let mut measures: Vec<&str> = Vec::new();
        for k in subtree {
            for &ind in doc.outline.own_indicators(k) {
                let m = doc.plan.indicators.get(ind).map_or("", |i| i.measure.as_str());
                if !m.is_empty() && !measures.contains(&m) {
                    measures.push(m);
                }
            }
        }
        let charts: Vec<(&crate::model::summary::MeasureSummary, Arc<Chart>)> = measures
            .iter()
            .filter_map(|m| Some((self.session.summary(m)?, self.session.small_chart(m, lang))))
            .collect();
        let indicators: Vec<_> = charts.iter().map(|(s, c)| (*s, c.as_ref())).collect();
        let props = NodeViewProps { doc, node, spans: &spans, lang, indicators: &indicators };
        node_view_ui(ui, &props)
    }

    fn indicators_page(&mut self, ui: &mut Ui) -> Vec<Command> {
        let regions = self.chart_regions();
        let chart = self.current_chart();
        let props = IndicatorsProps {
            doc: self.session.doc(),
            summaries: self.session.summaries(),
            selected: &self.settings.selected_measures,
            chart: &chart,
            lang: self.settings.lang,
            options: self.chart_options(),
            regions: &regions,
        };
        indicators_ui(ui, &props, &mut self.views.indicators)
    }

    fn regions_page(&self, ui: &mut Ui) -> Vec<Command> {
        let lang = self.settings.lang;
        let choice = &self.settings.regional;
        let k = self.regional_stat();
        let (stat, east_west) = self.regional_tables();
        let sources = self.session.regional_sources(k);
        let props = RegionsProps {
            sources: sources.as_slice(),
            doc: self.session.doc(),
            counts: self.session.plan_counts(choice.metric),
            stat_options: self.session.stat_options(),
            stat_index: k,
            stat: stat.as_deref(),
            east_west: east_west.as_deref().map(|ew| (ew.tables.as_slice(), &ew.chart)),
            choice,
            lang,
        };
        regions_ui(ui, &props)
    }

    fn scenarios_page(&mut self, ui: &mut Ui) -> Vec<Command> {
        let lang = self.settings.lang;
        let session = &self.session;
        let comparison = session.comparison();
        // Summaries are in measure order, so the kept index finds each one directly.
        let summaries = session.summaries();
        let at_target: Vec<_> =
            comparison.at_target.iter().filter_map(|(k, v)| Some((summaries.get(*k)?, v.as_slice()))).collect();
        let doc = session.doc();
        let loaded = session.scenarios().loaded();
        let indicator_name =
            |id: &str| loaded.iter().find_map(|l| l.scenario.indicator_name(&doc.plan, id)).unwrap_or(id).to_string();
        let names = session.scenarios().display_names();
        let props = ScenariosProps {
            loaded,
            names: &names,
            recent: &self.settings.recent,
            no_dialog: self.scenarios.no_dialog(),
            basis: session.scenarios().basis(),
            pair: session.scenarios().pair(),
            at_target: &at_target,
            differences: &comparison.differences,
            indicator_name: &indicator_name,
            lang,
        };
        let deck = session.deck();
        let mut commands = ui
            .push_id("scenario_page", |ui| {
                // The deck editor below needs a line or two until the deck has slides.
                let deck_room = if deck.slides.is_empty() { 70.0 } else { ui.available_height() * 0.3 };
                ui.set_max_height(ui.available_height() - deck_room);
                scenarios_ui(ui, &props, &mut self.views.scenarios)
            })
            .inner;
        ui.separator();
        let labels: Vec<String> = deck.slides.iter().map(|s| session.slide_label(s, lang)).collect();
        let notes: Vec<&str> = deck.slides.iter().map(|s| s.speaker_notes.as_str()).collect();
        let props = DeckEditorProps { slides: &labels, notes: &notes, history: session.deck_history(), lang };
        commands.extend(deck_editor_ui(ui, &props, &mut self.views.deck_editor));
        commands
    }

    /// Presenter mode: one slide filling the window, with its control line. The slide's spec
    /// is built once and kept by the session; a frame only looks it up.
    pub(super) fn presenter_page(&mut self, ui: &mut Ui) -> Vec<Command> {
        let Some(p) = &self.presenter else { return Vec::new() };
        let Some(slide) = p.current() else { return Vec::new() };
        if let Some(blank) = p.blank {
            blank_screen(ui, blank);
            return Vec::new();
        }
        let lang = self.settings.lang;
        let spec = self.session.slide(slide, lang);
        let about = deck_description(&p.deck, lang);
        let doc = self.session.doc();
        let pin_text = |pin: &Pin| pin_text(doc, pin, lang);
        let props = SlideProps {
            spec: &spec,
            index: p.index,
            count: p.deck.slides.len(),
            about: about.as_deref(),
            deck_name: (p.origin == super::presenter::DeckOrigin::Mine).then_some(p.deck.name.as_str()),
            scale: self.settings.presenter_scale,
            high_contrast: self.settings.high_contrast,
            pin_text: &pin_text,
            lang,
        };
        slide_ui(ui, &props, &mut self.views.slide)
    }
}

/// Black or white, and nothing else, while the presenter has blanked the room's screen.
fn blank_screen(ui: &mut Ui, blank: crate::ui::command::Blank) {
    let fill = match blank {
        crate::ui::command::Blank::Black => egui::Color32::BLACK,
        crate::ui::command::Blank::White => egui::Color32::WHITE,
    };
    egui::CentralPanel::default().frame(egui::Frame::NONE.fill(fill)).show(ui, |ui| {
        ui.allocate_space(ui.available_size());
    });
}

/// A pin's hover text: the place, its 旗县区 and 盟市, and the first paragraphs naming it.
fn pin_text(doc: &crate::model::Document, pin: &Pin, lang: crate::i18n::Lang) -> String {
    const SHOWN: usize = 6;
    let mut text = format!(
        "{}{}\n{}",
        pin.name(lang),
        crate::i18n::paren(lang, format!("{} · {}", pin.county, doc.plan.places.city_name(&pin.city, lang))),
        crate::i18n::labelled(lang, tr(lang, Msg::Paragraphs), pin.nodes.len())
    );
    for &i in pin.nodes.iter().take(SHOWN) {
        let heading = doc.outline.ancestors(i).last().map(|&k| doc.plan.nodes[k].heading()).unwrap_or_default();
        let excerpt: String = doc.plan.nodes.get(i).map(|n| n.text.chars().take(24).collect()).unwrap_or_default();
        text.push_str(&format!("\n· {heading}：{excerpt}…"));
    }
    if pin.nodes.len() > SHOWN {
        text.push_str(&format!("\n… {}", tr(lang, Msg::ClickToList)));
    }
    text
}
