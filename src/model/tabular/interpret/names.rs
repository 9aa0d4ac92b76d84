//! Names as a table writes them, matched to the plan's measures and regions (and the file's
//! own mapping), with a suggestion when one is not known.

use foldhash::HashMap;

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

/// What a variable as written names.
pub(super) enum Found {
    Exact(String),
    /// Matched once brackets and what they hold, spaces and widths were set aside.
    Loose(String),
    /// Several indicators share that loose form: the candidates, for the message.
    Ambiguous(Vec<String>),
    Unknown,
}

/// A name as people type it: [`normalise`]d, with brackets and what they hold (a unit, an
/// abbreviation: `（R&D/GDP）`, `(%)`), quotation marks and separators set aside.
/// `研发经费占GDP比重` and `研发经费占GDP比重（R&D/GDP）` read alike.
pub(super) fn loose(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in normalise(s).chars() {
        match c {
            '(' | '[' | '【' | '〔' => depth += 1,
            ')' | ']' | '】' | '〕' => depth = depth.saturating_sub(1),
            '《' | '》' | '“' | '”' | '"' | '\'' | '·' | '-' | '_' => {}
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The labels of the shipped actual series (`R&D经费投入强度（首次公布） · …`, the name the
/// app's own legend gives them) before their source, with the measure each is for: a name
/// people copy from the chart.
fn actual_labels() -> &'static [(String, String)] {
    static LABELS: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    LABELS.get_or_init(|| {
        let whole = shipped().into_iter().flat_map(|s| &s.series).filter(|x| x.region == WHOLE_REGION);
        whole.map(|x| (x.label.split(" · ").next().unwrap_or_default().to_string(), x.indicator.clone())).collect()
    })
}

/// The latest year of the shipped actual values (2023): a table's value up to it is likely an
/// observed one.
pub(super) fn latest_actual_year() -> Option<u16> {
    shipped().into_iter().flat_map(|s| &s.series).flat_map(|x| &x.points).map(|p| p.year).max()
}

/// The shipped actual values, read once (not checked against a plan: only their names and
/// years are used here).
fn shipped() -> Option<&'static crate::model::scenario::Scenario> {
    static SHIPPED: std::sync::OnceLock<Option<crate::model::scenario::Scenario>> = std::sync::OnceLock::new();
    SHIPPED.get_or_init(|| ron::from_str(crate::model::scenario::EMBEDDED_ACTUALS).ok()).as_ref()
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
    /// Names as people type them ([`loose`]) → the ids they may mean.
    loose: HashMap<String, Vec<String>>,
    regions: HashMap<String, String>,
    /// The suggestion made for each unknown name, so a name on 40,000 rows is compared with
    /// the known ones once.
    suggested: std::cell::RefCell<HashMap<String, String>>,
}

impl Names {
    pub(super) fn new(plan: &Plan, extras: &Extras) -> Self {
        let mut indicators = HashMap::default();
        let mut indicator_names = Vec::new();
        let mut units = HashMap::default();
        let mut display = HashMap::default();
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
        let mut regions = HashMap::default();
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
        let mut loose: HashMap<String, Vec<String>> = HashMap::default();
        let typed = indicator_names.iter().map(|(name, id)| (name.as_str(), id.as_str()));
        let actual_labels = actual_labels().iter().map(|(label, id)| (label.as_str(), id.as_str()));
        let extra_names = extras
            .indicators
            .iter()
            .flat_map(|(e, _, _)| [(e.name.as_str(), e.id.as_str()), (e.id.as_str(), e.id.as_str())]);
        for (name, id) in typed.chain(actual_labels).chain(extra_names) {
            let ids = loose.entry(self::loose(name)).or_default();
            if !name.is_empty() && !ids.iter().any(|i| i == id) {
                ids.push(id.to_string());
            }
        }
        loose.retain(|k, _| !k.is_empty());
        Names { indicators, indicator_names, units, regions, display, loose, suggested: Default::default() }
    }

    /// The indicator a variable names: as written (case, spaces and the width of brackets
    /// aside, or through the file's mapping), else as people type it ([`loose`]: brackets and
    /// what they hold, such as a unit, set aside), which may be ambiguous.
    pub(super) fn indicator(&self, written: &str, extras: &Extras) -> Found {
        let key = normalise(written);
        let mapped = extras.mapping.get(&key).map(|t| normalise(t));
        let key = mapped.unwrap_or(key);
        if let Some(id) = self.indicators.get(&key) {
            return Found::Exact(id.clone());
        }
        match self.loose.get(&loose(written)).map(Vec::as_slice) {
            Some([one]) => Found::Loose(one.clone()),
            Some(many) if many.len() > 1 => Found::Ambiguous(many.to_vec()),
            _ => Found::Unknown,
        }
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
        if let Some(said) = self.suggested.borrow().get(written) {
            return said.clone();
        }
        let suggestion = self.nearest_name(written);
        self.suggested.borrow_mut().insert(written.to_string(), suggestion.clone());
        suggestion
    }

    fn nearest_name(&self, written: &str) -> String {
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
