//! The plan assembled: its period (curated, or read from the title), its metadata, its
//! curated places, corrections and headlines, and each curated indicator anchored to the node
//! whose text quotes it.

use super::front::Front;
use super::headings::period_from_title;
use super::{Curation, ImportError};
use crate::model::indicators::Indicator;
use crate::model::plan::{Meta, Node, PLAN_FORMAT_VERSION, Plan};

pub(super) fn assemble(
    front: Front,
    nodes: Vec<Node>,
    curation: &Curation,
    source_name: &str,
) -> Result<Plan, ImportError> {
    let Front { title, byline, drafted_by, drafted, issued } = front;
    let (period_start, period_end) = match (curation.period_start, curation.period_end) {
        (Some(s), Some(e)) => (s, e),
        _ => period_from_title(&title).unwrap_or((0, 0)),
    };
    let baseline_year = curation.baseline_year.unwrap_or(period_start.saturating_sub(1));
    if let Some(end) = curation.box_ends.iter().find(|e| !nodes.iter().any(|n| n.id == format!("box{}", e.number))) {
        return Err(ImportError {
            line: 0,
            message: format!("a curated box end names 专栏{}, which the text lacks", end.number),
        });
    }
    let indicators = anchor_indicators(&nodes, &curation.indicators)?;
    Ok(Plan {
        format_version: PLAN_FORMAT_VERSION,
        meta: Meta {
            title,
            byline,
            drafted_by,
            drafted,
            issued_iso: iso_date(&issued).unwrap_or_default(),
            issued,
            period_start,
            period_end,
            baseline_year,
            source: source_name.to_string(),
        },
        places: curation.places.clone().unwrap_or_default(),
        corrections: curation.corrections.clone(),
        nodes,
        indicators,
        headlines: curation.headlines.clone(),
    })
}

/// Fills in each indicator's source node: kept when given and its text holds the quote, else
/// the one node whose text does.
fn anchor_indicators(nodes: &[Node], indicators: &[Indicator]) -> Result<Vec<Indicator>, ImportError> {
    let mut out = Vec::with_capacity(indicators.len());
    for indicator in indicators {
        let mut indicator = indicator.clone();
        if indicator.outside_text.is_some() {
            indicator.source_node.clear();
            out.push(indicator);
            continue;
        }
        let given_ok = nodes.iter().any(|n| n.id == indicator.source_node && n.text.contains(&indicator.quote));
        if !given_ok {
            let holders: Vec<&Node> = nodes.iter().filter(|n| n.text.contains(&indicator.quote)).collect();
            match holders.as_slice() {
                [one] => indicator.source_node = one.id.clone(),
                [] => {
                    return Err(ImportError {
                        line: 0,
                        message: format!(
                            "indicator `{}`: no node's text holds the quote `{}`",
                            indicator.id, indicator.quote
                        ),
                    });
                }
                many => {
                    let ids: Vec<&str> = many.iter().map(|n| n.id.as_str()).collect();
                    return Err(ImportError {
                        line: 0,
                        message: format!(
                            "indicator `{}`: the quote `{}` occurs in several nodes ({}); set source_node or lengthen the quote",
                            indicator.id,
                            indicator.quote,
                            ids.join(", ")
                        ),
                    });
                }
            }
        }
        out.push(indicator);
    }
    Ok(out)
}

/// `2017年7月4日` → `2017-07-04`.
pub(super) fn iso_date(s: &str) -> Option<String> {
    let (y, rest) = s.split_once('年')?;
    let (m, rest) = rest.split_once('月')?;
    let d = rest.strip_suffix('日')?;
    let (y, m, d): (u16, u8, u8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    Some(format!("{y:04}-{m:02}-{d:02}"))
}
