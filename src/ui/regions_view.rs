//! The east/west view: how much of the plan concerns each 盟市 and region (clicking a bar
//! filters the tree to those nodes), and sourced statistics per 盟市 with east/west totals,
//! shares and the check against the 全区 figure. Gaps stay gaps.

use crate::ui::command::{DeckCommand, PageCommand, TreeCommand};
use egui::{RichText, Ui};
use egui_plot::{Bar, BarChart};

use super::widgets::bars::{BarFill, bar_plot, clicked_bar, region_legend, stat_bar_charts};
use super::widgets::chart::{ChartStyle, chart_ui};
use super::widgets::palette::region_color;
use super::{Command, Grouping, RegionalChoice};
use crate::i18n::{Lang, Msg, labelled, paren, pick, tr};
use crate::model::Document;
use crate::model::chart::Chart;
use crate::model::deck::SlideContent;
use crate::model::format::{number, unit_words};
use crate::model::places::{Places, Region};
use crate::model::regional::{GivenValue, PlanCounts, PlanMetric, StatOption, StatTable, Total};

pub struct RegionsProps<'a> {
    pub doc: &'a Document,
    pub counts: &'a PlanCounts,
    /// The statistics with values per 盟市 or per half.
    pub stat_options: &'a [StatOption],
    /// Which of them is shown.
    pub stat_index: usize,
    /// The shown statistic in the chosen year.
    pub stat: Option<&'a StatTable>,
    /// The shown statistic in every year, and the chart of east against west over them.
    pub east_west: Option<(&'a [StatTable], &'a Chart)>,
    /// What the user chose to see (metric, grouping, year, stacking, scenario).
    pub choice: &'a RegionalChoice,
    /// The shown scenarios that have the statistic for some 盟市 or half.
    pub sources: &'a [String],
    pub lang: Lang,
}

pub fn regions_ui(ui: &mut Ui, props: &RegionsProps<'_>) -> Vec<Command> {
    let mut actions = Vec::new();
    let lang = props.lang;
    let view = props.choice;
    egui::ScrollArea::vertical().id_salt("regions").auto_shrink([false, false]).show(ui, |ui| {
        ui.heading(tr(lang, Msg::TasksPerCity));
        ui.horizontal_wrapped(|ui| {
            for metric in PlanMetric::ALL {
                let name = pick(lang, metric.name_zh(), metric.name_en());
                if ui.selectable_label(view.metric == metric, name).clicked() {
                    actions.push(Command::Page(PageCommand::SetRegionalMetric(metric)));
                }
            }
            ui.separator();
            ui.label(tr(lang, Msg::GroupBy));
            for (grouping, msg) in [(Grouping::City, Msg::ByCity), (Grouping::Chapter, Msg::ByChapter)] {
                if ui.selectable_label(view.grouping == grouping, tr(lang, msg)).clicked() {
                    actions.push(Command::Page(PageCommand::SetRegionalGrouping(grouping)));
                }
            }
        });
        let counts = props.counts;
        ui.horizontal_wrapped(|ui| {
            for (region, nodes) in &counts.regions {
                let text =
                    RichText::new(labelled(lang, region.name(lang), nodes.len())).strong().color(region_color(*region));
                if ui.button(text).clicked() {
                    actions.push(Command::Tree(TreeCommand::FilterTree {
                        label: region.name(lang).to_string(),
                        nodes: nodes.clone(),
                    }));
                }
            }
            ui.label(RichText::new(tr(lang, Msg::FilterTree)).weak().small());
        });
        region_legend(ui, lang);
        match view.grouping {
            Grouping::City => city_bars(ui, &props.doc.plan.places, counts, lang, &mut actions),
            Grouping::Chapter => chapter_bars(ui, props.doc, counts, lang, &mut actions),
        }
        ui.label(
            RichText::new(labelled(lang, tr(lang, Msg::GroupingSource), &props.doc.plan.places.grouping_source))
                .small()
                .weak(),
        );

        ui.add_space(12.0);
        ui.separator();
        ui.heading(tr(lang, Msg::Statistics));
        statistics(ui, props, &mut actions);
        if let Some((tables, chart)) = props.east_west {
            ui.add_space(12.0);
            ui.separator();
            ui.horizontal(|ui| {
                ui.heading(tr(lang, Msg::EastWestOverTime));
                if let Some(o) = props.stat_options.get(props.stat_index)
                    && ui.button(tr(lang, Msg::AddToDeck)).clicked()
                {
                    let content = SlideContent::EastWest { indicator: o.indicator.clone(), unit: o.unit.clone() };
                    actions.push(Command::Deck(DeckCommand::AddSlide(content)));
                }
            });
            east_west_over_time(ui, tables, chart, lang);
        }
    });
    actions
}

fn city_bars(ui: &mut Ui, places: &Places, counts: &PlanCounts, lang: Lang, actions: &mut Vec<Command>) {
    let cities = &counts.cities;
    let mut charts = Vec::new();
    for region in Region::ALL {
        let bars: Vec<Bar> = cities
            .iter()
            .enumerate()
            .filter(|(_, c)| c.1 == region)
            .map(|(i, c)| Bar::new(i as f64, c.2.len() as f64).name(places.city_name(&c.0, lang)).width(0.7))
            .collect();
        charts.push(BarChart::new(region.name(lang), bars).color(region_color(region)));
    }
    let names: Vec<String> = cities.iter().map(|c| places.city_name(&c.0, lang).to_string()).collect();
    let response = bar_plot(ui, "city_counts", names, 260.0).show(ui, |plot_ui| {
        for chart in charts {
            plot_ui.bar_chart(chart);
        }
    });
    if let Some(i) = clicked_bar(&response.response, &response.transform)
        && let Some((city, _, nodes)) = cities.get(i)
    {
        actions.push(Command::Tree(TreeCommand::FilterTree { label: city.clone(), nodes: nodes.clone() }));
    }
}

fn chapter_bars(ui: &mut Ui, doc: &Document, counts: &PlanCounts, lang: Lang, actions: &mut Vec<Command>) {
    let chapters = &counts.chapters;
    let east: Vec<Bar> =
        chapters.iter().enumerate().map(|(i, c)| Bar::new(i as f64, c.1.len() as f64).width(0.7)).collect();
    let west: Vec<Bar> =
        chapters.iter().enumerate().map(|(i, c)| Bar::new(i as f64, c.2.len() as f64).width(0.7)).collect();
    let east_chart = BarChart::new(Region::East.name(lang), east).color(region_color(Region::East));
    let west_chart =
        BarChart::new(Region::West.name(lang), west).color(region_color(Region::West)).stack_on(&[&east_chart]);
    let names: Vec<String> = chapters.iter().map(|c| doc.plan.nodes[c.0].number.replace(['第', '章'], "")).collect();
    let response = bar_plot(ui, "chapter_counts", names, 260.0).show(ui, |plot_ui| {
        plot_ui.bar_chart(east_chart);
        plot_ui.bar_chart(west_chart);
    });
    if let Some(i) = clicked_bar(&response.response, &response.transform)
        && let Some((chapter, e, w)) = chapters.get(i)
    {
        let mut nodes = e.clone();
        nodes.extend(w);
        actions.push(Command::Tree(TreeCommand::FilterTree { label: doc.plan.nodes[*chapter].heading(), nodes }));
    }
}

fn total_text(total: &Total, unit: &str, lang: Lang) -> String {
    if total.complete() {
        format!("{} {}", number((total.sum * 100.0).round() / 100.0), unit_words(unit, lang))
    } else {
        format!("{}{}", tr(lang, Msg::NotPublished), paren(lang, format!("{}/{}", total.of - total.known, total.of)))
    }
}

fn statistics(ui: &mut Ui, props: &RegionsProps<'_>, actions: &mut Vec<Command>) {
    let lang = props.lang;
    let options = props.stat_options;
    let view = props.choice;
    if options.is_empty() {
        return;
    }
    let current = props.stat_index;
    // The year shown: the table's own (the chosen year, or the statistic's default year).
    let shown_year = props.stat.map(|t| t.year);
    ui.horizontal_wrapped(|ui| {
        let selected = options.get(current).map(|o| o.label(lang)).unwrap_or_default();
        egui::ComboBox::from_label(tr(lang, Msg::Name)).selected_text(selected).width(320.0).show_ui(ui, |ui| {
            for (k, o) in options.iter().enumerate() {
                if ui.selectable_label(k == current, o.label(lang)).clicked() {
                    actions.push(Command::Page(PageCommand::SetRegionalStat(o.indicator.clone(), o.unit.clone())));
                }
            }
        });
        for y in options.get(current).map(|o| o.years.as_slice()).unwrap_or_default() {
            if ui.selectable_label(shown_year == Some(*y), y.to_string()).clicked() {
                actions.push(Command::Page(PageCommand::SetRegionalYear(Some(*y))));
            }
        }
        ui.separator();
        for (stacked, msg) in [(false, Msg::Grouped), (true, Msg::Stacked)] {
            if ui.selectable_label(view.stacked == stacked, tr(lang, msg)).clicked() {
                actions.push(Command::Page(PageCommand::SetRegionalStacked(stacked)));
            }
        }
    });
    // A row of its own: beside the year and the stacking it pushes the years out of sight.
    source_choice(ui, props, actions);
    let Some(table) = props.stat else { return };
    read_from_line(ui, table, lang);
    let names: Vec<String> = table.cities.iter().map(|c| c.name(lang).to_string()).collect();
    let unit = unit_words(&table.unit, lang);
    region_legend(ui, lang);
    ui.columns(2, |cols| {
        let ui = &mut cols[0];
        if view.stacked {
            stacked_bars(ui, table, lang);
        } else {
            // A projection is paler and named so in the hover.
            let charts = stat_bar_charts(table, lang, BarFill::Pastel, |region, projected| {
                if projected {
                    format!("{}{}", region.name(lang), paren(lang, tr(lang, Msg::KindProjection)))
                } else {
                    region.name(lang).to_string()
                }
            });
            bar_plot(ui, "stat_bars", names, 300.0).y_axis_label(unit.clone()).show(ui, |plot_ui| {
                for chart in charts {
                    plot_ui.bar_chart(chart);
                }
            });
        }
        stat_grid(&mut cols[1], table, lang);
    });
}

/// Which scenario the statistic is read from: one, or every shown one (each value from the
/// first that has it). Offered when more than one scenario has the statistic.
fn source_choice(ui: &mut Ui, props: &RegionsProps<'_>, actions: &mut Vec<Command>) {
    let lang = props.lang;
    let chosen = props.choice.scenario.as_ref().filter(|n| props.sources.contains(n));
    if props.sources.len() < 2 {
        return;
    }
    let all = tr(lang, Msg::EveryScenario);
    let selected = chosen.map_or(all, String::as_str);
    egui::ComboBox::from_label(tr(lang, Msg::ReadFrom)).selected_text(selected).width(260.0).show_ui(ui, |ui| {
        if ui.selectable_label(chosen.is_none(), all).clicked() {
            actions.push(Command::Page(PageCommand::SetRegionalScenario(None)));
        }
        for name in props.sources {
            if ui.selectable_label(chosen == Some(name), name).clicked() {
                actions.push(Command::Page(PageCommand::SetRegionalScenario(Some(name.clone()))));
            }
        }
    });
}

/// Which scenarios the table's values came from, so that values of several are never mixed
/// unsaid.
fn read_from_line(ui: &mut Ui, table: &StatTable, lang: Lang) {
    let mut names: Vec<&str> = Vec::new();
    for c in table.cities.iter().filter(|c| c.value.is_some()) {
        if !names.contains(&c.from.scenario.as_str()) {
            names.push(&c.from.scenario);
        }
    }
    if names.len() > 1 {
        let text = match lang {
            Lang::Zh => format!("数值取自多个情景（各盟市取首个有值者）：{}", names.join("、")),
            Lang::En => format!(
                "Values from several scenarios (each league or city from the first that has one): {}",
                names.join(", ")
            ),
        };
        ui.label(RichText::new(text).color(super::widgets::palette::WARNING));
    }
}

/// One stacked bar per half: its 盟市 on top of each other, each segment named on the bar when
/// it is large enough to hold its name (and on hover always); gaps are not drawn.
fn stacked_bars(ui: &mut Ui, table: &StatTable, lang: Lang) {
    let mut charts: Vec<BarChart> = Vec::new();
    let mut labels: Vec<(f64, f64, String)> = Vec::new();
    for (slot, region) in Region::ALL.iter().enumerate() {
        let total: f64 = table.cities.iter().filter(|c| c.region == *region).filter_map(|c| c.value).sum();
        let mut below: Vec<BarChart> = Vec::new();
        let mut base = 0.0;
        for c in table.cities.iter().filter(|c| c.region == *region) {
            let Some(v) = c.value else { continue };
            let shade = 0.55 + 0.45 * (below.len() % 2) as f32;
            let name = c.name(lang);
            let chart = BarChart::new(name, vec![Bar::new(slot as f64, v).name(name).width(0.6)])
                .color(region_color(*region).gamma_multiply(shade));
            let refs: Vec<&BarChart> = below.iter().collect();
            below.push(chart.stack_on(&refs));
            if total > 0.0 && v / total >= 0.06 {
                labels.push((slot as f64, base + v / 2.0, name.to_string()));
            }
            base += v;
        }
        charts.extend(below);
    }
    let halves = Region::ALL.iter().map(|r| r.name(lang).to_string()).collect();
    let text_colour = ui.visuals().strong_text_color();
    bar_plot(ui, "stat_stacked", halves, 300.0).y_axis_label(unit_words(&table.unit, lang)).show(ui, |plot_ui| {
        for c in charts {
            plot_ui.bar_chart(c);
        }
        for (x, y, name) in labels {
            plot_ui.text(egui_plot::Text::new("segment", egui_plot::PlotPoint::new(x, y), name).color(text_colour));
        }
    });
}

/// The value of each 盟市 with the scenario it comes from (projections marked), the halves
/// (summed, or as a scenario states them), the shares, 全区 and the check.
fn stat_grid(ui: &mut Ui, table: &StatTable, lang: Lang) {
    let unit = unit_words(&table.unit, lang);
    let projection = tr(lang, Msg::KindProjection);
    egui::Grid::new("stat_table").striped(true).show(ui, |ui| {
        for c in &table.cities {
            ui.label(RichText::new(c.name(lang)).color(region_color(c.region)));
            match c.value {
                Some(v) => {
                    let text = if c.projected() {
                        format!("{} {}{}", number(v), unit, paren(lang, projection))
                    } else {
                        format!("{} {}", number(v), unit)
                    };
                    let text = if c.projected() { RichText::new(text).italics() } else { RichText::new(text) };
                    ui.label(text).on_hover_text(&c.from.note);
                    ui.label(RichText::new(&c.from.scenario).weak().small());
                }
                None => {
                    ui.label(RichText::new(tr(lang, Msg::NotPublished)).weak());
                    ui.label("");
                }
            };
            ui.end_row();
        }
        for region in Region::ALL {
            let (total, given) = table.total_and_given(region);
            ui.label(RichText::new(region.name(lang)).strong().color(region_color(region)));
            ui.label(RichText::new(total_text(total, &table.unit, lang)).strong());
            ui.label("");
            ui.end_row();
            if let Some(GivenValue { value, from }) = given {
                let kind = if from.projected { paren(lang, projection) } else { String::new() };
                ui.label(RichText::new(format!("{}{}", region.name(lang), paren(lang, tr(lang, Msg::AsStated)))));
                ui.label(format!("{} {}{kind}", number(*value), unit)).on_hover_text(&from.note);
                ui.label(RichText::new(&from.scenario).weak().small());
                ui.end_row();
            }
        }
        if let Some((e, w)) = table.shares() {
            ui.label(tr(lang, Msg::Share));
            ui.label(format!("{} {e:.1}% · {} {w:.1}%", Region::East.name(lang), Region::West.name(lang)));
            ui.end_row();
        }
        if let Some((whole, note)) = &table.whole {
            ui.label(tr(lang, Msg::WholeRegion));
            ui.label(format!("{} {}", number(*whole), unit)).on_hover_text(note);
            ui.end_row();
        }
        ui.label(tr(lang, Msg::EastWestCheck));
        match table.check() {
            Some(diff) if diff.abs() < 0.5 => ui.label(
                RichText::new(format!("✓ {} {diff:+.2}", tr(lang, Msg::Matches))).color(region_color(Region::East)),
            ),
            Some(diff) => ui.label(
                RichText::new(format!("⚠ {} {diff:+.2} {}", tr(lang, Msg::Mismatch), unit))
                    .color(region_color(Region::West)),
            ),
            None => ui.label(RichText::new(format!("— {}", tr(lang, Msg::CannotCheck))).weak()),
        };
        ui.end_row();
    });
}

/// East against west in every year the statistic has: the chart (breaks shaded, projections
/// dashed) and a table of the halves, their shares and the check against 全区.
fn east_west_over_time(ui: &mut Ui, tables: &[StatTable], chart: &Chart, lang: Lang) {
    if chart.series.is_empty() {
        ui.label(RichText::new(tr(lang, Msg::NoHalfKnown)).weak());
        return;
    }
    chart_ui(ui, "east_west_over_time", chart, &ChartStyle::full(300.0, lang), false);
    for note in &chart.notes {
        ui.label(RichText::new(note).weak().small());
    }
    let half = |t: &StatTable, region: Region| match t.half(region) {
        Some(v) if t.half_projected(region) => {
            format!("{}{}", number((v * 100.0).round() / 100.0), paren(lang, tr(lang, Msg::KindProjection)))
        }
        Some(v) => number((v * 100.0).round() / 100.0),
        None => tr(lang, Msg::NotPublished).to_string(),
    };
    egui::Grid::new("east_west_years").striped(true).show(ui, |ui| {
        ui.label(RichText::new(tr(lang, Msg::Year)).strong());
        ui.label(RichText::new(Region::East.name(lang)).strong().color(region_color(Region::East)));
        ui.label(RichText::new(Region::West.name(lang)).strong().color(region_color(Region::West)));
        ui.label(RichText::new(tr(lang, Msg::Share)).strong());
        ui.label(RichText::new(tr(lang, Msg::EastWestCheck)).strong());
        ui.end_row();
        for t in tables {
            ui.label(t.year.to_string());
            ui.label(half(t, Region::East));
            ui.label(half(t, Region::West));
            ui.label(t.shares().map_or("—".to_string(), |(e, w)| format!("{e:.1}% : {w:.1}%")));
            ui.label(match t.check() {
                Some(d) if d.abs() < 0.5 => format!("✓ {d:+.2}"),
                Some(d) => format!("⚠ {d:+.2}"),
                None => "—".to_string(),
            });
            ui.end_row();
        }
    });
    if let Some(unit) = tables.first().map(|t| t.unit.as_str()) {
        ui.label(RichText::new(labelled(lang, tr(lang, Msg::Unit), unit_words(unit, lang))).weak().small());
    }
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
        let choice = RegionalChoice::default();
        let mut harness = view_harness(|ui| {
            let props = RegionsProps {
                doc: &doc,
                counts: &counts,
                stat_options: &[],
                stat_index: 0,
                stat: None,
                east_west: None,
                choice: &choice,
                sources: &[],
                lang: Lang::En,
            };
            regions_ui(ui, &props)
        });
        harness.get_by_label(&format!("East: {}", east.len())).click();
        harness.run();
        assert_eq!(
            harness.state().as_slice(),
            [Command::Tree(TreeCommand::FilterTree { label: "East".into(), nodes: east })]
        );
    }
}
