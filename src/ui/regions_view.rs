//! The east/west view: how much of the plan concerns each 盟市 and region (clicking a bar
//! filters the tree to those nodes), and sourced statistics per 盟市 with east/west totals,
//! shares and the check against the 全区 figure. Gaps stay gaps.

use egui::{RichText, Ui};
use egui_plot::{Bar, BarChart};

use super::Command;
use super::i18n::{Lang, Msg, pick, region_name, tr};
use super::widgets::bars::{bar_plot, clicked_bar, stat_bars};
use super::widgets::palette::region_color;
use crate::model::Document;
use crate::model::format::number;
use crate::model::places::Region;
use crate::model::regional::{PlanCounts, PlanMetric, StatTable, Total};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Grouping {
    #[default]
    City,
    Chapter,
}

pub struct RegionsViewState {
    pub metric: PlanMetric,
    pub grouping: Grouping,
    pub stat: usize,
    pub year: Option<u16>,
    pub stacked: bool,
}

impl Default for RegionsViewState {
    fn default() -> Self {
        RegionsViewState { metric: PlanMetric::Tasks, grouping: Grouping::City, stat: 0, year: None, stacked: false }
    }
}

pub struct RegionsProps<'a> {
    pub doc: &'a Document,
    pub counts: &'a PlanCounts,
    /// (indicator, name, unit, years) of the statistics with per-盟市 values.
    pub stat_options: &'a [(String, String, String, Vec<u16>)],
    pub stat: Option<&'a StatTable>,
    pub lang: Lang,
}

pub fn regions_ui(ui: &mut Ui, props: &RegionsProps<'_>, view: &mut RegionsViewState) -> Vec<Command> {
    let mut actions = Vec::new();
    let lang = props.lang;
    egui::ScrollArea::vertical().id_salt("regions").auto_shrink([false, false]).show(ui, |ui| {
        ui.heading(tr(lang, Msg::TasksPerCity));
        ui.horizontal_wrapped(|ui| {
            for metric in PlanMetric::ALL {
                let name = pick(lang, metric.name_zh(), metric.name_en());
                ui.selectable_value(&mut view.metric, metric, name);
            }
            ui.separator();
            ui.label(tr(lang, Msg::GroupBy));
            ui.selectable_value(&mut view.grouping, Grouping::City, tr(lang, Msg::ByCity));
            ui.selectable_value(&mut view.grouping, Grouping::Chapter, tr(lang, Msg::ByChapter));
        });
        ui.horizontal_wrapped(|ui| {
            for (region, nodes) in &props.counts.regions {
                let text = RichText::new(format!("{}：{}", region_name(*region, lang), nodes.len()))
                    .strong()
                    .color(region_color(*region));
                if ui.button(text).clicked() {
                    actions.push(Command::FilterTree {
                        label: region_name(*region, lang).to_string(),
                        nodes: nodes.clone(),
                    });
                }
            }
            ui.label(RichText::new(tr(lang, Msg::FilterTree)).weak().small());
        });
        match view.grouping {
            Grouping::City => city_bars(ui, props, &mut actions),
            Grouping::Chapter => chapter_bars(ui, props, &mut actions),
        }
        ui.label(
            RichText::new(format!("{}：{}", tr(lang, Msg::GroupingSource), props.doc.plan.places.grouping_source))
                .small()
                .weak(),
        );

        ui.add_space(12.0);
        ui.separator();
        ui.heading(tr(lang, Msg::Statistics));
        statistics(ui, props, view);
    });
    actions
}

fn city_bars(ui: &mut Ui, props: &RegionsProps<'_>, actions: &mut Vec<Command>) {
    let cities = &props.counts.cities;
    let mut charts = Vec::new();
    for region in Region::ALL {
        let bars: Vec<Bar> = cities
            .iter()
            .enumerate()
            .filter(|(_, c)| c.1 == region)
            .map(|(i, c)| Bar::new(i as f64, c.2.len() as f64).name(&c.0).width(0.7))
            .collect();
        charts.push(BarChart::new(region_name(region, props.lang), bars).color(region_color(region)));
    }
    let names: Vec<String> = cities.iter().map(|c| c.0.clone()).collect();
    let response = bar_plot("city_counts", names, 260.0).show(ui, |plot_ui| {
        for chart in charts {
            plot_ui.bar_chart(chart);
        }
    });
    if let Some(i) = clicked_bar(&response.response, &response.transform)
        && let Some((city, _, nodes)) = cities.get(i)
    {
        actions.push(Command::FilterTree { label: city.clone(), nodes: nodes.clone() });
    }
}

fn chapter_bars(ui: &mut Ui, props: &RegionsProps<'_>, actions: &mut Vec<Command>) {
    let chapters = &props.counts.chapters;
    let doc = props.doc;
    let east: Vec<Bar> =
        chapters.iter().enumerate().map(|(i, c)| Bar::new(i as f64, c.1.len() as f64).width(0.7)).collect();
    let west: Vec<Bar> =
        chapters.iter().enumerate().map(|(i, c)| Bar::new(i as f64, c.2.len() as f64).width(0.7)).collect();
    let east_chart = BarChart::new(region_name(Region::East, props.lang), east).color(region_color(Region::East));
    let west_chart = BarChart::new(region_name(Region::West, props.lang), west)
        .color(region_color(Region::West))
        .stack_on(&[&east_chart]);
    let names: Vec<String> = chapters.iter().map(|c| doc.plan.nodes[c.0].number.replace(['第', '章'], "")).collect();
    let response = bar_plot("chapter_counts", names, 260.0).show(ui, |plot_ui| {
        plot_ui.bar_chart(east_chart);
        plot_ui.bar_chart(west_chart);
    });
    if let Some(i) = clicked_bar(&response.response, &response.transform)
        && let Some((chapter, e, w)) = chapters.get(i)
    {
        let mut nodes = e.clone();
        nodes.extend(w);
        actions.push(Command::FilterTree { label: doc.plan.nodes[*chapter].heading(), nodes });
    }
}

fn total_text(total: &Total, unit: &str, lang: Lang) -> String {
    if total.complete() {
        format!("{} {unit}", number((total.sum * 100.0).round() / 100.0))
    } else {
        format!("{}（{}/{}）", tr(lang, Msg::NotPublished), total.of - total.known, total.of)
    }
}

fn statistics(ui: &mut Ui, props: &RegionsProps<'_>, view: &mut RegionsViewState) {
    let lang = props.lang;
    let options = props.stat_options;
    if options.is_empty() {
        return;
    }
    let current = view.stat.min(options.len() - 1);
    ui.horizontal_wrapped(|ui| {
        egui::ComboBox::from_label(tr(lang, Msg::Name))
            .selected_text(format!("{}（{}）", options[current].1, options[current].2))
            .width(320.0)
            .show_ui(ui, |ui| {
                for (k, o) in options.iter().enumerate() {
                    if ui.selectable_label(k == current, format!("{}（{}）", o.1, o.2)).clicked() {
                        view.stat = k;
                        view.year = o.3.last().copied();
                    }
                }
            });
        let years = &options[current].3;
        for y in years {
            if ui.selectable_label(view.year == Some(*y), y.to_string()).clicked() {
                view.year = Some(*y);
            }
        }
        ui.separator();
        ui.selectable_value(&mut view.stacked, false, tr(lang, Msg::Grouped));
        ui.selectable_value(&mut view.stacked, true, tr(lang, Msg::Stacked));
    });
    let Some(table) = props.stat else { return };
    let names: Vec<String> = table.cities.iter().map(|c| c.city.clone()).collect();
    let unit = table.unit.clone();
    ui.columns(2, |cols| {
        let ui = &mut cols[0];
        if view.stacked {
            // One stacked bar per region: its 盟市 on top of each other; gaps are not drawn.
            let mut charts: Vec<BarChart> = Vec::new();
            for (slot, region) in Region::ALL.iter().enumerate() {
                let mut below: Vec<BarChart> = Vec::new();
                for c in table.cities.iter().filter(|c| c.region == *region) {
                    if let Some(v) = c.value {
                        let chart = BarChart::new(c.city.clone(), vec![Bar::new(slot as f64, v).width(0.6)])
                            .color(region_color(*region).gamma_multiply(0.55 + 0.45 * (below.len() % 2) as f32));
                        let refs: Vec<&BarChart> = below.iter().collect();
                        let chart = chart.stack_on(&refs);
                        below.push(chart);
                    }
                }
                charts.extend(below);
            }
            let halves = Region::ALL.iter().map(|r| region_name(*r, lang).to_string()).collect();
            // The legend names each 盟市's segment.
            bar_plot("stat_stacked", halves, 300.0).y_axis_label(unit.clone()).show(ui, |plot_ui| {
                for c in charts {
                    plot_ui.bar_chart(c);
                }
            });
        } else {
            bar_plot("stat_bars", names, 300.0).y_axis_label(unit.clone()).show(ui, |plot_ui| {
                for region in Region::ALL {
                    plot_ui.bar_chart(
                        BarChart::new(region_name(region, lang), stat_bars(table, region)).color(region_color(region)),
                    );
                }
            });
        }
        let ui = &mut cols[1];
        egui::Grid::new("stat_table").striped(true).show(ui, |ui| {
            for c in &table.cities {
                ui.label(RichText::new(&c.city).color(region_color(c.region)));
                match c.value {
                    Some(v) => ui.label(format!("{} {}", number(v), table.unit)).on_hover_text(&c.note),
                    None => ui.label(RichText::new(tr(lang, Msg::NotPublished)).weak()),
                };
                ui.end_row();
            }
            for (region, total) in [(Region::East, &table.east), (Region::West, &table.west)] {
                ui.label(RichText::new(region_name(region, lang)).strong().color(region_color(region)));
                ui.label(RichText::new(total_text(total, &table.unit, lang)).strong());
                ui.end_row();
            }
            if let Some((e, w)) = table.shares() {
                ui.label(tr(lang, Msg::Share));
                ui.label(format!(
                    "{} {e:.1}% · {} {w:.1}%",
                    region_name(Region::East, lang),
                    region_name(Region::West, lang)
                ));
                ui.end_row();
            }
            if let Some((whole, note)) = &table.whole {
                ui.label(tr(lang, Msg::WholeRegion));
                ui.label(format!("{} {}", number(*whole), table.unit)).on_hover_text(note);
                ui.end_row();
            }
            ui.label(tr(lang, Msg::EastWestCheck));
            match table.check() {
                Some(diff) if diff.abs() < 0.5 => ui.label(
                    RichText::new(format!("✓ {} {diff:+.2}", tr(lang, Msg::Matches))).color(region_color(Region::East)),
                ),
                Some(diff) => ui.label(
                    RichText::new(format!("⚠ {} {diff:+.2} {}", tr(lang, Msg::Mismatch), table.unit))
                        .color(region_color(Region::West)),
                ),
                None => ui.label(RichText::new(format!("— {}", tr(lang, Msg::CannotCheck))).weak()),
            };
            ui.end_row();
        });
    });
}

#[cfg(test)]
mod tests {
    use egui_kittest::kittest::Queryable;

    use super::*;
    use crate::ui::{test_document, view_harness};

    #[test]
    fn a_region_button_filters_the_tree_to_its_nodes() {
        let doc = test_document();
        let counts = PlanCounts::new(&doc, PlanMetric::Tasks);
        let east = counts.regions.iter().find(|(r, _)| *r == Region::East).map(|(_, n)| n.clone()).unwrap();
        let mut state = RegionsViewState::default();
        let mut harness = view_harness(|ui| {
            let props = RegionsProps { doc: &doc, counts: &counts, stat_options: &[], stat: None, lang: Lang::En };
            regions_ui(ui, &props, &mut state)
        });
        harness.get_by_label(&format!("East：{}", east.len())).click();
        harness.run();
        assert_eq!(harness.state().as_slice(), [Command::FilterTree { label: "East".into(), nodes: east }]);
    }
}
