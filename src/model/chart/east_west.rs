//! East versus west over time: one statistic's two halves as lines, year by year, each value
//! the halves' own (the sum of their 盟市 when every one is known, else a scenario's 东部 or 西部
//! series); projections dashed; years without data shaded as a break, never bridged.

use super::axis::{Axis, Scale, linear_axis};
use super::style::{Colour, Dash, Marker, Style};
use super::{Break, Chart, ChartPoint, ChartSeries, LegendEntry, LegendPlacement, Role, Swatch, year_ticks};
use crate::i18n::{Lang, Msg, pick, tr};
use crate::model::format::readable;
use crate::model::places::Region;
use crate::model::regional::{StatTable, gaps};

/// The chart of `tables` (one per year, from [`crate::model::regional::over_time`]).
pub fn east_west_chart(tables: &[StatTable], name: &str, lang: Lang) -> Chart {
    let w = |zh: &'static str, en: &'static str| pick(lang, zh, en);
    let unit = tables.first().map(|t| t.unit.clone()).unwrap_or_default();
    let mut chart = Chart {
        title: format!("{name}{}", w("：东部与西部", ": east and west")),
        legend_placement: LegendPlacement::Right,
        ..Chart::default()
    };
    for (region, colour, marker) in
        [(Region::East, Colour::Blue, Marker::Circle), (Region::West, Colour::Orange, Marker::Square)]
    {
        let region_word = region.name(lang);
        for projected in [false, true] {
            let points: Vec<ChartPoint> = tables
                .iter()
                .filter(|t| t.half_projected(region) == projected)
                .filter_map(|t| {
                    let y = t.half(region)?;
                    Some(ChartPoint { x: f64::from(t.year), y, note: half_note(t, region, lang) })
                })
                .collect();
            if points.is_empty() {
                continue;
            }
            let (role, dash, marker, label) = if projected {
                (
                    Role::Projection,
                    Dash::Dashed,
                    Marker::TriangleUp,
                    format!("{region_word}{}", w("（预测）", " (projection)")),
                )
            } else {
                (Role::Actual, Dash::Solid, marker, region_word.to_string())
            };
            chart.series.push(ChartSeries {
                name: label,
                role,
                measure: tables.first().map(|t| t.indicator.clone()).unwrap_or_default(),
                source: String::new(),
                style: Style { colour, line: Some(dash), marker: Some(marker), width: 3.0, muted: false },
                points,
                slot: None,
            });
        }
    }
    chart.breaks = gaps(tables)
        .into_iter()
        .map(|(from, to)| {
            let years = if from == to { from.to_string() } else { format!("{from}–{to}") };
            Break { from, to, label: format!("{years}{}", w(" 无数据", ": no data")) }
        })
        .collect();
    let years = chart.series.iter().flat_map(|s| s.points.iter().map(|p| p.x));
    let (x0, x1) = years.fold((f64::MAX, f64::MIN), |(a, b), x| (a.min(x), b.max(x)));
    let (x0, x1) = if x0 <= x1 { (x0, x1) } else { (2010.0, 2020.0) };
    chart.x_axis = Axis {
        unit: tr(lang, Msg::YearUnit).to_string(),
        scale: Scale::Linear,
        min: x0,
        max: x1,
        ticks: year_ticks(x0, x1),
    };
    chart.y_axis = linear_axis(&unit, chart.series.iter().flat_map(|s| s.points.iter().map(|p| p.y)));
    chart.legend =
        chart.series.iter().map(|s| LegendEntry { label: s.name.clone(), swatch: Swatch::Series(s.style) }).collect();
    if tables.iter().any(|t| t.half(Region::East).is_some() != t.half(Region::West).is_some()) {
        chart.notes.push(
            w(
                "只有一半已知的年份只画已知的一半（另一半有盟市未公布）",
                "Years with only one half known show that half alone (the other has unpublished 盟市)",
            )
            .to_string(),
        );
    }
    chart
}

/// Where a half's value comes from: the sum of its 盟市 (and its share), or the scenario's own
/// series.
fn half_note(t: &StatTable, region: Region, lang: Lang) -> String {
    let english = lang.is_english();
    let (total, given) = t.total_and_given(region);
    let share = t.shares().map(|(e, w)| if region == Region::East { e } else { w });
    let share = share
        .map(|s| if english { format!(" · {s:.1}% of east + west") } else { format!(" · 占东西部合计 {s:.1}%") });
    let share = share.unwrap_or_default();
    if total.complete() {
        let scenarios: Vec<&str> = {
            let mut names: Vec<&str> =
                t.cities.iter().filter(|c| c.region == region).map(|c| c.from.scenario.as_str()).collect();
            names.dedup();
            names
        };
        if english {
            format!("sum of its {} 盟市{share} ({})", total.of, scenarios.join(", "))
        } else {
            format!("{}个盟市合计{share}（{}）", total.of, scenarios.join("、"))
        }
    } else if let Some(g) = given {
        format!("{}{share}\n{}", g.from.scenario, g.from.note)
    } else {
        format!("{} {}", readable(total.sum), t.unit)
    }
}
