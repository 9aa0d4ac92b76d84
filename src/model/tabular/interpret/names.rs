//! Names as a table writes them, matched to the plan's measures and regions (and the file's
//! own mapping), with a suggestion when one is not known.

use std::collections::HashMap;

use super::Extras;
use crate::model::indicators::Measure;
use crate::model::plan::Plan;
use crate::model::scenario::{WHOLE_REGION, known_regions, nearest};

/// Names compared without case, spaces or the width of brackets and percent signs.
pub(super) fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '％' => '%',
            '，' => ',',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// What the plan and the file know by name: measures and regions.
pub(super) struct Names {
    /// Normalised name, id or alias → measure id (or extra indicator id).
    indicators: HashMap<String, String>,
    /// Display names for suggestions: (name as the plan writes it, id).
    indicator_names: Vec<(String, String)>,
    /// Measure id → unit.
    pub(super) units: HashMap<String, String>,
    /// Measure id (or extra indicator id) → the name the plan (or the file) gives it.
    display: HashMap<String, String>,
    regions: HashMap<String, String>,
}

impl Names {
    pub(super) fn new(plan: &Plan, extras: &Extras) -> Self {
        let mut indicators = HashMap::new();
        let mut indicator_names = Vec::new();
        let mut units = HashMap::new();
        let mut display = HashMap::new();
        for m in Measure::group(&plan.indicators) {
            display.insert(m.key.to_string(), m.name().to_string());
            indicators.insert(normalise(m.key), m.key.to_string());
            units.insert(m.key.to_string(), m.unit().to_string());
            indicator_names.push((m.key.to_string(), m.key.to_string()));
            for s in &m.statements {
                for name in [&s.name, &s.name_en] {
                    if !name.is_empty() {
                        indicators.entry(normalise(name)).or_insert_with(|| m.key.to_string());
                        indicator_names.push((name.clone(), m.key.to_string()));
                    }
                }
            }
        }
        for h in &plan.headlines {
            indicators.entry(normalise(&h.name)).or_insert_with(|| h.measure.clone());
        }
        for (e, _, _) in &extras.indicators {
            for name in [&e.id, &e.name, &e.name_en] {
                if !name.is_empty() {
                    indicators.entry(normalise(name)).or_insert_with(|| e.id.clone());
                }
            }
            units.entry(e.id.clone()).or_insert_with(|| e.unit.clone());
            display
                .entry(e.id.clone())
                .or_insert_with(|| if e.name.is_empty() { e.id.clone() } else { e.name.clone() });
        }
        let mut regions = HashMap::new();
        for code in known_regions(plan) {
            regions.insert(normalise(&code), code.clone());
        }
        for c in &plan.places.cities {
            for name in [&c.full_name, &c.name_en] {
                regions.insert(normalise(name), c.name.clone());
            }
            // "Xilingol League" → also "Xilingol"; "Hohhot City".
            let short = c.name_en.trim_end_matches(" League");
            regions.insert(normalise(short), c.name.clone());
            regions.insert(normalise(&format!("{short} City")), c.name.clone());
        }
        let aliases: [(&str, &[&str]); 4] = [
            (
                WHOLE_REGION,
                &["内蒙古", "内蒙古自治区", "全自治区", "Inner Mongolia", "Nei Mongol", "Nei Menggu", "IMAR"],
            ),
            ("东部", &["东部地区", "蒙东", "东部盟市", "East", "Eastern", "Eastern Inner Mongolia"]),
            ("西部", &["西部地区", "蒙西", "西部盟市", "West", "Western", "Western Inner Mongolia"]),
            ("全国", &["中国", "全国合计", "China", "National", "CHN"]),
        ];
        for (code, names) in aliases {
            for name in names {
                regions.insert(normalise(name), code.to_string());
            }
        }
        Names { indicators, indicator_names, units, regions, display }
    }

    pub(super) fn indicator(&self, written: &str, extras: &Extras) -> Option<String> {
        let key = normalise(written);
        let mapped = extras.mapping.get(&key).map(|t| normalise(t));
        let key = mapped.unwrap_or(key);
        self.indicators.get(&key).cloned()
    }

    /// A region code; an unknown one is returned as written (validation names it, with the
    /// nearest known region). IAMC's sub-regions (`China|Inner Mongolia`) are read by their
    /// last part.
    pub(super) fn region(&self, written: &str, extras: &Extras) -> String {
        if let Some(code) = extras.mapping.get(&normalise(written)) {
            return self.regions.get(&normalise(code)).cloned().unwrap_or_else(|| code.clone());
        }
        let last = written.rsplit('|').next().unwrap_or(written);
        self.regions.get(&normalise(last)).cloned().unwrap_or_else(|| written.trim().to_string())
    }

    /// The name of indicator `id` as the plan (or the file) gives it: what a series is labelled
    /// when its table has no Label column.
    pub(super) fn display(&self, id: &str) -> String {
        self.display.get(id).cloned().unwrap_or_else(|| id.to_string())
    }

    pub(super) fn suggest(&self, written: &str) -> String {
        let names = self.indicator_names.iter().map(|(n, _)| n.as_str());
        match nearest(written, names) {
            Some(name) => {
                let id = self.indicator_names.iter().find(|(n, _)| n == name).map_or("", |(_, id)| id.as_str());
                if id == name { format!("; did you mean `{id}`?") } else { format!("; did you mean `{name}` ({id})?") }
            }
            None => "; `plan-explorer indicators` lists the plan's measures; a `mapping` sheet (beside a CSV: NAME.mapping.csv) can name it".to_string(),
        }
    }
}
