//! What one map shows, built once and drawn everywhere: the window's map page and slides, the
//! SVG and PNG exports and the JSON all draw a [`MapSpec`], so they cannot drift apart. It
//! carries the values per 盟市, their classes and colours, the legend, the halves' stated
//! figures, the pins, and the labels in the order they are placed (`labels::layout` places
//! them for each drawing's size and fonts).

use std::sync::Arc;

use super::{Classes, LeagueValue, MapGeometry, Pin};
use crate::i18n::{Lang, Msg, labelled, paren, pick, tr};
use crate::model::colours::MISSING_RGB;
use crate::model::format::number;
use crate::model::places::Region;

/// One map, ready to draw.
#[derive(Clone, Debug)]
pub struct MapSpec {
    /// How a deck and `plan-explorer map --series` name the quantity (`tasks`, `gdp`).
    pub series: String,
    /// `地图：任务与条目`, `地图：地区生产总值（2021）`.
    pub title: String,
    pub unit: String,
    /// The year of the values, when they have one.
    pub year: Option<u16>,
    /// One per 盟市, east first.
    pub values: Vec<LeagueValue>,
    pub classes: Classes,
    /// Each class's swatch and range, then the gap's (hatched) swatch with the unit.
    pub legend: Vec<LegendEntry>,
    /// 东部 and 西部 as a scenario states them (where their 盟市 do not add up to a figure).
    pub halves: Vec<(Region, String)>,
    /// The plan's places that are a 旗县区.
    pub pins: Arc<Vec<Pin>>,
    /// The 盟市 labels (largest 盟市 first), then the pins' names.
    pub labels: Vec<MapLabel>,
    /// The line under the map: the grouping's source and the boundaries'.
    pub source: String,
    /// The words for a gap (未公布) and a projection (预测).
    pub missing: String,
    pub projected: String,
    pub lang: Lang,
    pub geometry: Arc<MapGeometry>,
}

/// One swatch of the legend: a class colour with its range, or (`fill: None`) the hatched gap.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    pub fill: Option<[u8; 3]>,
    pub text: String,
}

/// A label: a 盟市's name and value, or a pin's place.
#[derive(Clone, Debug, PartialEq)]
pub struct MapLabel {
    /// Where it belongs, in projected km.
    pub anchor: [f64; 2],
    pub lines: Vec<String>,
    /// The pin it names (an index into `pins`); `None` for a 盟市's label, which is always
    /// placed, where a pin's name is left out when there is no room.
    pub pin: Option<usize>,
    /// The 盟市 (as the boundary file writes it) a label is for.
    pub league: Option<String>,
}

/// What a map shows before it is laid out.
pub struct MapInput {
    pub series: String,
    /// The quantity's name (`任务与条目`, `地区生产总值`).
    pub name: String,
    pub unit: String,
    pub year: Option<u16>,
    pub values: Vec<LeagueValue>,
    pub halves: Vec<(Region, String)>,
    pub pins: Arc<Vec<Pin>>,
    pub grouping_source: String,
    pub lang: Lang,
    pub geometry: Arc<MapGeometry>,
}

impl MapSpec {
    pub fn new(input: MapInput) -> MapSpec {
        let lang = input.lang;
        let classes = Classes::of(&input.values);
        let missing = tr(lang, Msg::NotPublished).to_string();
        let projected = tr(lang, Msg::KindProjection).to_string();
        let mut legend: Vec<LegendEntry> = (0..classes.count())
            .map(|k| {
                let (a, b) = classes.range(k);
                LegendEntry { fill: Some(classes.rgb(k)), text: format!("{}–{}", number(a), number(b)) }
            })
            .collect();
        let unit = if input.unit.is_empty() { String::new() } else { format!(" · {}", input.unit) };
        legend.push(LegendEntry { fill: None, text: format!("{missing}{unit}") });
        let year = input.year.map(|y| match lang {
            Lang::Zh => format!("（{y}）"),
            Lang::En => format!(" ({y})"),
        });
        let title = format!("{}{}{}", tr(lang, Msg::MapTitlePrefix), input.name, year.unwrap_or_default());
        let labels = labels(&input.geometry, &input.values, &input.pins, &missing, &projected, lang);
        let source = format!(
            "{} · {}",
            labelled(lang, tr(lang, Msg::GroupingSource), &input.grouping_source),
            tr(lang, Msg::MapBoundaries)
        );
        MapSpec {
            series: input.series,
            title,
            unit: input.unit,
            year: input.year,
            values: input.values,
            classes,
            legend,
            halves: input.halves,
            pins: input.pins,
            labels,
            source,
            missing,
            projected,
            lang,
            geometry: input.geometry,
        }
    }

    /// The value shown for the 盟市 the boundary file names `full_name`.
    pub fn value_of(&self, full_name: &str) -> Option<&LeagueValue> {
        self.values.iter().find(|v| v.full_name == full_name)
    }

    /// A 盟市's fill: its class colour, or the gap's grey (hatched over by the drawing).
    pub fn fill_of(&self, value: Option<&LeagueValue>) -> [u8; 3] {
        match value.and_then(|v| v.value) {
            Some(x) => self.classes.rgb(self.classes.class_of(x)),
            None => MISSING_RGB,
        }
    }

    /// A value as a label or table writes it: the number, marked when projected, or the gap's
    /// word.
    pub fn value_text(&self, value: &LeagueValue) -> String {
        value_text(value, &self.missing, &self.projected, self.lang)
    }
}

/// The 盟市 labels, the largest 盟市 first (they are placed first and keep their spot), then
/// each pin's name.
fn labels(
    geometry: &MapGeometry,
    values: &[LeagueValue],
    pins: &[Pin],
    missing: &str,
    projected: &str,
    lang: Lang,
) -> Vec<MapLabel> {
    let mut order: Vec<usize> = (0..geometry.leagues.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(geometry.leagues.get(i).map_or(0, |l| l.triangles.len())));
    let mut out: Vec<MapLabel> = order
        .into_iter()
        .filter_map(|i| {
            let league = geometry.leagues.get(i)?;
            let v = values.iter().find(|v| v.full_name == league.full_name)?;
            Some(MapLabel {
                anchor: league.label,
                lines: vec![pick(lang, &v.city, &v.city_en).to_string(), value_text(v, missing, projected, lang)],
                pin: None,
                league: Some(league.full_name.clone()),
            })
        })
        .collect();
    out.extend(pins.iter().enumerate().map(|(k, pin)| MapLabel {
        anchor: pin.at,
        lines: vec![pin.name(lang).to_string()],
        pin: Some(k),
        league: None,
    }));
    out
}

/// A value as a label or table writes it: the number, marked when projected, or the gap's word.
fn value_text(value: &LeagueValue, missing: &str, projected: &str, lang: Lang) -> String {
    match value.value {
        Some(x) if value.projected => format!("{}{}", number(x), paren(lang, projected)),
        Some(x) => number(x),
        None => missing.to_string(),
    }
}
