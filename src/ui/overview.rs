//! The start page: the plan at a glance. Its title and dates, what it holds, how many
//! targets were met in their target year (each count opens the final evaluation), one tile
//! per headline indicator (a click opens its chart), and the way to the east/west page.

use crate::ui::command::PageCommand;
use egui::{Align, Color32, Frame, Label, Layout, Pos2, RichText, Sense, Stroke, Ui, UiBuilder, Vec2};

use super::Command;
use super::View;
use super::map_view::region_map_ui;
use super::widgets::palette::{self, region_color};
use super::widgets::status::verdict_color;
use crate::i18n::{Lang, Msg, paren, pick, tr};
use crate::model::Region;
use crate::model::evaluation::{Tally, Verdict};
use crate::model::format::target_words;
use crate::model::format::{unit_words, with_unit};
use crate::model::map::MapGeometry;
use crate::model::overview::{HeadlineTile, PlanFacts};
use crate::model::plan::Meta;

pub struct OverviewProps<'a> {
    pub meta: &'a Meta,
    /// The map for the east/west picture, and each boundary name's region.
    pub map: Option<&'a MapGeometry>,
    pub region_of: &'a dyn Fn(&str) -> Option<Region>,
    pub facts: PlanFacts,
    pub tally: Tally,
    pub tiles: &'a [HeadlineTile],
    /// Where the list of headline indicators was read.
    pub headline_source: &'a str,
    pub lang: Lang,
}

const MIN_TILE_WIDTH: f32 = 270.0;
const TILE_MARGIN: f32 = 10.0;

pub fn overview_ui(ui: &mut Ui, props: &OverviewProps<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    let lang = props.lang;
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        ui.horizontal_top(|ui| {
            // The east/west picture, at the right of the plan's facts; a click leads to the
            // regional page.
            let picture = Vec2::new(240.0, 150.0);
            ui.vertical(|ui| {
                ui.set_width((ui.available_width() - picture.x - 16.0).max(300.0));
                commands.extend(facts_ui(ui, props));
            });
            if let Some(map) = props.map {
                ui.vertical(|ui| {
                    if region_map_ui(ui, map, props.region_of, picture)
                        .on_hover_text(tr(lang, Msg::ToRegions))
                        .clicked()
                    {
                        commands.push(Command::Page(PageCommand::SetView(View::Regions)));
                    }
                    ui.horizontal(|ui| {
                        for region in [Region::East, Region::West] {
                            ui.label(RichText::new(region.name(lang)).color(region_color(region)).strong());
                        }
                    });
                });
            }
        });
        ui.separator();
        ui.heading(tr(lang, Msg::HeadlineIndicators));
        // As many columns as fit, each at least MIN_TILE_WIDTH wide, all of one width.
        let gap = 10.0;
        // Leave room for the scroll bar and the frames' strokes.
        let available = ui.available_width() - 16.0;
        let columns = (((available + gap) / (MIN_TILE_WIDTH + gap)).floor() as usize).max(1);
        let width = (available - gap * (columns as f32 - 1.0)) / columns as f32 - 2.0 * TILE_MARGIN;
        for row in props.tiles.chunks(columns) {
            ui.horizontal_top(|ui| {
                ui.spacing_mut().item_spacing.x = gap;
                for tile in row {
                    if tile_ui(ui, tile, width, lang) {
                        commands.push(Command::Page(PageCommand::OpenMeasure(tile.evaluation.key.clone())));
                    }
                }
            });
            ui.add_space(gap - ui.spacing().item_spacing.y);
        }
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(tr(lang, Msg::HeadlineSource)).weak().small());
            ui.label(RichText::new(props.headline_source).weak().small());
        });
    });
    commands
}

/// The title, dates, what the plan holds, and the verdict counts.
fn facts_ui(ui: &mut Ui, props: &OverviewProps<'_>) -> Vec<Command> {
    let lang = props.lang;
    let meta = props.meta;
    let mut commands = Vec::new();
    ui.add(Label::new(RichText::new(&meta.title).size(26.0).strong()).wrap());
    let c = if lang == Lang::En { ": " } else { "：" };
    ui.label(format!(
        "{}{c}{} · {}{c}{} · {}{c}{}–{} · {}{c}{}",
        tr(lang, Msg::DraftedBy),
        meta.drafted_by,
        tr(lang, Msg::IssuedOn),
        // The English window reads the date as ISO 8601, not as 2017年7月4日.
        if lang == Lang::En && !meta.issued_iso.is_empty() { &meta.issued_iso } else { &meta.issued },
        tr(lang, Msg::PlanPeriod),
        meta.period_start,
        meta.period_end,
        tr(lang, Msg::BaseYear),
        meta.baseline_year
    ));
    let f = props.facts;
    let facts: Vec<String> = [
        (f.parts, Msg::FactParts),
        (f.chapters, Msg::FactChapters),
        (f.sections, Msg::FactSections),
        (f.boxes, Msg::FactBoxes),
        (f.tasks, Msg::FactTasks),
        (f.statements, Msg::FactStatements),
        (f.targets, Msg::FactTargets),
    ]
    .iter()
    .map(|&(n, msg)| format!("{n} {}", tr(lang, msg)))
    .collect();
    ui.label(RichText::new(facts.join(" · ")).weak());
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(tr(lang, Msg::TargetsByVerdict));
        for verdict in Verdict::ALL {
            let text = RichText::new(format!("{} {}", verdict.text(lang), props.tally.count(verdict)))
                .strong()
                .color(verdict_color(verdict));
            if ui.button(text).clicked() {
                commands.push(Command::Page(PageCommand::ShowEvaluation(Some(verdict))));
            }
        }
        ui.separator();
        if ui.button(tr(lang, Msg::ToRegions)).clicked() {
            commands.push(Command::Page(PageCommand::SetView(View::Regions)));
        }
    });
    commands
}

/// One headline indicator; returns whether it was clicked.
fn tile_ui(ui: &mut Ui, tile: &HeadlineTile, width: f32, lang: Lang) -> bool {
    let e = &tile.evaluation;
    let color = verdict_color(e.verdict);
    let frame = Frame::group(ui.style()).stroke(Stroke::new(1.5, color)).inner_margin(TILE_MARGIN);
    let response = ui
        .scope_builder(UiBuilder::new().sense(Sense::click()).layout(Layout::top_down(Align::LEFT)), |ui| {
            frame.show(ui, |ui| {
                ui.set_width(width);
                ui.set_min_height(176.0);
                let text = |ui: &mut Ui, t: RichText| {
                    ui.add(Label::new(t).selectable(false).wrap());
                };
                text(ui, RichText::new(format!("{}  {}", tile.order, pick(lang, &tile.name, &e.name_en))).strong());
                let unit = unit_words(&e.unit, lang);
                let base = tile
                    .baseline
                    .map_or("—".into(), |(y, v)| format!("{}{}", with_unit(Some(v), &unit, "—"), paren(lang, y)));
                text(ui, RichText::new(format!("{} {base}", tr(lang, Msg::BaseYear))));
                text(
                    ui,
                    RichText::new(format!(
                        "{} {}",
                        tr(lang, Msg::Target),
                        target_words(
                            e.comparator,
                            e.target_value,
                            e.upper,
                            &e.unit,
                            (e.target_year, e.year_implied),
                            lang
                        )
                    ))
                    .strong(),
                );
                let actual = e.judged.as_ref().map_or("—".into(), |r| with_unit(Some(r.value), &unit, "—"));
                let latest = tile
                    .latest
                    .as_ref()
                    .map_or("—".into(), |(y, v, _)| format!("{}{}", with_unit(Some(*v), &unit, "—"), paren(lang, y)));
                text(ui, RichText::new(format!("{}{} {actual}", e.target_year, tr(lang, Msg::TileActualIn))));
                text(ui, RichText::new(format!("{} {latest}", tr(lang, Msg::TileLatest))).weak());
                sparkline(ui, tile, width);
                ui.horizontal(|ui| {
                    ui.add(Label::new(RichText::new(e.verdict.text(lang)).strong().color(color)).selectable(false));
                    if let Some(y) = e.first_met {
                        ui.add(
                            Label::new(RichText::new(format!("{} {y}", tr(lang, Msg::FirstMet))).weak())
                                .selectable(false),
                        );
                    }
                });
                if !tile.in_text {
                    text(ui, RichText::new(tr(lang, Msg::NotInText)).color(palette::WARNING));
                }
            });
        })
        .response;
    let response = response.on_hover_cursor(egui::CursorIcon::PointingHand);
    if let Some(r) = &e.judged {
        response.clone().on_hover_text(format!("{}\n{}", r.series, r.source));
    }
    response.clicked()
}

/// The judging series as a line, the target as a dashed line; no axes, the numbers are
/// written above it.
fn sparkline(ui: &mut Ui, tile: &HeadlineTile, width: f32) {
    let e = &tile.evaluation;
    let (rect, _) = ui.allocate_exact_size(Vec2::new(width, 44.0), Sense::hover());
    let points = &tile.sparkline;
    let values = points.iter().map(|p| p.1).chain([e.target_value]);
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let first_year = points.first().map_or(e.target_year, |p| p.0.min(e.target_year));
    let last_year = points.last().map_or(e.target_year, |p| p.0.max(e.target_year));
    let span_y = if hi > lo { hi - lo } else { 1.0 };
    let span_x = f32::from(last_year.saturating_sub(first_year).max(1));
    let at = |year: u16, value: f64| {
        Pos2::new(
            rect.left() + rect.width() * f32::from(year.saturating_sub(first_year)) / span_x,
            rect.bottom() - 4.0 - (rect.height() - 8.0) * ((value - lo) / span_y) as f32,
        )
    };
    let painter = ui.painter_at(rect);
    let target_y = at(first_year, e.target_value).y;
    painter.extend(egui::Shape::dashed_line(
        &[Pos2::new(rect.left(), target_y), Pos2::new(rect.right(), target_y)],
        Stroke::new(1.5, palette::TARGET),
        6.0,
        4.0,
    ));
    let line: Vec<Pos2> = points.iter().map(|&(y, v)| at(y, v)).collect();
    let stroke = Stroke::new(2.0, palette::BLUE);
    if line.len() > 1 {
        painter.add(egui::Shape::line(line.clone(), stroke));
    }
    for p in line {
        painter.circle_filled(p, 2.5, palette::BLUE);
    }
    // The target where and when the plan set it.
    painter.circle_filled(at(e.target_year, e.target_value), 4.0, palette::TARGET);
    if points.is_empty() {
        painter.text(rect.center(), egui::Align2::CENTER_CENTER, "—", egui::FontId::proportional(14.0), Color32::GRAY);
    }
}

#[cfg(test)]
mod tests {
    use egui_kittest::kittest::Queryable;

    use super::*;
    use crate::model::evaluation::evaluate;
    use crate::model::overview::headline_tiles;
    use crate::model::scenario::embedded_actuals;
    use crate::model::summary::summarize;
    use crate::ui::{test_document, view_harness};

    #[test]
    fn a_tile_opens_its_chart_and_a_count_opens_the_evaluation() {
        let doc = test_document();
        let actuals = embedded_actuals(&doc.plan).expect("actuals");
        let scenarios = [&actuals];
        let summaries = summarize(&doc, &scenarios);
        let evaluations = evaluate(&doc, &scenarios, crate::model::evaluation::Rule::default());
        let tiles = headline_tiles(&doc, &summaries, &evaluations, &scenarios);
        let tally = Tally::of(&evaluations);
        let mut harness = view_harness(|ui| {
            let props = OverviewProps {
                meta: &doc.plan.meta,
                map: None,
                region_of: &|_| None,
                facts: PlanFacts::of(&doc, &summaries),
                tally,
                tiles: &tiles,
                headline_source: "http://www.8xym.cn/news/show-36984.html",
                lang: Lang::Zh,
            };
            overview_ui(ui, &props)
        });
        // All eleven tiles are drawn; the one outside the text says so.
        for tile in &tiles {
            harness.get_by_label(&format!("{}  {}", tile.order, tile.name));
        }
        harness.get_by_label(tr(Lang::Zh, Msg::NotInText));
        harness.get_by_label("3  研究与试验发展经费占生产总值比重").click();
        harness.run();
        harness.get_by_label(&format!("未完成 {}", tally.not_met)).click();
        harness.run();
        harness.get_by_label(tr(Lang::Zh, Msg::ToRegions)).click();
        harness.run();
        let commands = harness.state();
        assert!(commands.contains(&Command::Page(PageCommand::OpenMeasure("rd_intensity".into()))), "{commands:?}");
        assert!(commands.contains(&Command::Page(PageCommand::ShowEvaluation(Some(Verdict::NotMet)))), "{commands:?}");
        assert!(commands.contains(&Command::Page(PageCommand::SetView(View::Regions))), "{commands:?}");
    }
}
