//! What the reader marks in a node's text: place names (with their 盟市 and region), the
//! phrases indicators quote, and search hits. Plain data; `ui::widgets::highlight` draws it.

use super::document::Document;
use super::places::PlaceMention;
use super::search::find_all;

/// A marked range of a text, in chars.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub mark: Mark,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    /// A place name: its 盟市 and region, for the tooltip.
    Place(String),
    /// An indicator's quoted phrase: the measure it states.
    Indicator(String),
    Hit,
}

/// The place names and indicator phrases of node `i`.
pub fn marks_of(doc: &Document, i: usize) -> Vec<Span> {
    let Some(node) = doc.plan.nodes.get(i) else { return Vec::new() };
    let mut spans: Vec<Span> = doc
        .plan
        .places
        .mentions(&node.text)
        .into_iter()
        .map(|m| Span { start: m.start, end: m.end, mark: Mark::Place(describe_place(doc, &m)) })
        .collect();
    for &k in doc.outline.own_indicators(i) {
        let ind = &doc.plan.indicators[k];
        for (s, e) in find_all(&node.text, &ind.quote) {
            spans.push(Span { start: s, end: e, mark: Mark::Indicator(ind.measure.clone()) });
        }
    }
    spans
}

/// A place's tooltip: its 盟市 with their region, or its region, and the mapping's note.
fn describe_place(doc: &Document, m: &PlaceMention) -> String {
    let places = &doc.plan.places;
    let mut parts: Vec<String> = m
        .cities
        .iter()
        .map(|c| {
            let region = places.region_of(c).map(|r| r.name_zh()).unwrap_or_default();
            format!("{c}（{region}）")
        })
        .collect();
    if let Some(region) = m.region {
        parts.push(region.name_zh().to_string());
    }
    let note = places.names.iter().find(|n| n.name == m.name).map(|n| n.note.as_str()).unwrap_or_default();
    let mut text = format!("{} → {}", m.name, parts.join("、"));
    if !note.is_empty() {
        text.push_str(&format!("\n{note}"));
    }
    text
}
