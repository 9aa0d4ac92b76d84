//! Values a planner enters for the targets the evaluation lacks (填报). They are kept as an
//! ordinary scenario file of actual values — one series per measure, each value with its
//! source and an optional note — so the file loads, reloads, exports and is reviewed like any
//! scenario; this module only edits such a scenario, it neither reads nor writes files.

use super::plan::Plan;
use super::scenario::{Point, Scenario, Series, SeriesKind, VerdictOverride, WHOLE_REGION, join_sources};
use super::text_fields::control_character;

/// The file's name in the app's data folder.
pub const ENTRIES_FILE: &str = "填报值.ron";
/// The scenario's name, and the label of its series: what the evaluation's source column
/// shows for an entered value.
pub const ENTRIES_NAME: &str = "填报值";

/// One value entered for a measure.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub measure: String,
    pub year: u16,
    pub value: f64,
    /// A URL or a citation (《2020年内蒙古自治区国民经济和社会发展统计公报》): required.
    pub source: String,
    pub note: String,
}

/// Why an entry cannot be kept, in both languages.
#[derive(Clone, Debug, PartialEq)]
pub struct Refusal {
    pub en: String,
    pub zh: String,
}

impl Refusal {
    /// The reason in the reader's language.
    pub fn in_lang(&self, lang: crate::i18n::Lang) -> &str {
        crate::i18n::pick(lang, &self.zh, &self.en)
    }
}

fn refuse(en: impl Into<String>, zh: impl Into<String>) -> Refusal {
    Refusal { en: en.into(), zh: zh.into() }
}

/// An empty file of entries for `plan`.
pub fn empty_entries(plan: &Plan) -> Scenario {
    Scenario {
        format_version: 1,
        name: ENTRIES_NAME.into(),
        description: "在终期评估页填报的实际值，每个值附来源 · Actual values entered on the final evaluation page, each with its source".into(),
        plan: plan.meta.title.clone(),
        extra_indicators: Vec::new(),
        verdicts: Vec::new(),
        series: Vec::new(),
        built_in: false,
        colour_slot: 0,
    }
}

/// Checks an entry before it is kept: a finite value of sane size, a year of the plan's
/// time, a source, and no control characters.
pub fn check_entry(entry: &Entry, plan: &Plan) -> Result<(), Refusal> {
    if !entry.value.is_finite() || entry.value.abs() > 1e15 {
        return Err(refuse("the value must be a number", "数值须为数字"));
    }
    let years = plan.meta.period_start.saturating_sub(15)..=plan.meta.period_end.saturating_add(15);
    if !years.contains(&entry.year) {
        return Err(refuse(
            format!("the year must be between {} and {}", years.start(), years.end()),
            format!("年份须在 {} 至 {} 之间", years.start(), years.end()),
        ));
    }
    if entry.source.trim().is_empty() {
        return Err(refuse(
            "a source is required: a URL or a citation such as 《2020年内蒙古自治区国民经济和社会发展统计公报》",
            "须填写来源：网址，或如《2020年内蒙古自治区国民经济和社会发展统计公报》的出处",
        ));
    }
    if control_character(&entry.source, false).is_some() || control_character(&entry.note, true).is_some() {
        return Err(refuse("the source and note may not hold control characters", "来源和备注不能含控制字符"));
    }
    Ok(())
}

/// `entries` with `entry` in it: its measure's series gets the value for the year (replacing
/// one entered before for that year), and the series' source lists its points' sources.
pub fn with_entry(entries: &Scenario, entry: &Entry, unit: &str) -> Scenario {
    let mut out = entries.clone();
    let point = Point {
        year: entry.year,
        value: entry.value,
        source: entry.source.trim().to_string(),
        note: entry.note.trim().to_string(),
        ..Point::default()
    };
    let series = match out.series.iter().position(|s| s.indicator == entry.measure) {
        Some(k) => &mut out.series[k],
        None => {
            out.series.push(Series {
                id: format!("entered.{}", entry.measure),
                indicator: entry.measure.clone(),
                region: WHOLE_REGION.into(),
                unit: unit.to_string(),
                kind: SeriesKind::Actual,
                label: ENTRIES_NAME.into(),
                source: String::new(),
                note: String::new(),
                points: Vec::new(),
            });
            let last = out.series.len() - 1;
            &mut out.series[last]
        }
    };
    series.points.retain(|p| p.year != entry.year);
    series.points.push(point);
    series.points.sort_by_key(|p| p.year);
    series.source = sources_of(&series.points);
    out
}

/// `entries` without the value entered for `measure` in `year` (a series left empty goes).
pub fn without_entry(entries: &Scenario, measure: &str, year: u16) -> Scenario {
    let mut out = entries.clone();
    for s in out.series.iter_mut().filter(|s| s.indicator == measure) {
        s.points.retain(|p| p.year != year);
        s.source = sources_of(&s.points);
    }
    out.series.retain(|s| !s.points.is_empty());
    out
}

/// The value entered for `measure` in `year`, if any.
pub fn entry_of(entries: &Scenario, measure: &str, year: u16) -> Option<Entry> {
    let series = entries.series.iter().find(|s| s.indicator == measure)?;
    let p = series.points.iter().find(|p| p.year == year)?;
    Some(Entry {
        measure: measure.to_string(),
        year,
        value: p.value,
        source: series.source_of(p).to_string(),
        note: p.note.clone(),
    })
}

/// Checks a verdict before it is kept: it says why, without control characters.
pub fn check_verdict(v: &VerdictOverride) -> Result<(), Refusal> {
    if v.note.trim().is_empty() {
        return Err(refuse("say why the verdict is set: the note is required", "请写明人工判定的理由：判定理由为必填"));
    }
    if control_character(&v.note, true).is_some() {
        return Err(refuse("the note may not hold control characters", "判定理由不能含控制字符"));
    }
    Ok(())
}

/// `entries` with the verdict `v` set (replacing one set before for its measure and year).
pub fn with_verdict(entries: &Scenario, v: &VerdictOverride) -> Scenario {
    let mut out = without_verdict(entries, &v.measure, v.year);
    out.verdicts.push(VerdictOverride { note: v.note.trim().to_string(), ..v.clone() });
    out
}

/// `entries` without a verdict set for `measure` in `year`.
pub fn without_verdict(entries: &Scenario, measure: &str, year: u16) -> Scenario {
    let mut out = entries.clone();
    out.verdicts.retain(|v| !(v.measure == measure && v.year == year));
    out
}

/// The verdict set for `measure` in `year`, if any.
pub fn verdict_of<'a>(entries: &'a Scenario, measure: &str, year: u16) -> Option<&'a VerdictOverride> {
    entries.verdicts.iter().find(|v| v.measure == measure && v.year == year)
}

/// The distinct sources of `points`, in year order.
fn sources_of(points: &[Point]) -> String {
    join_sources(points.iter().map(|p| p.source.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load::embedded_plan;
    use crate::model::scenario::{load_scenario_str, scenario_to_ron};

    fn entry(measure: &str, year: u16, value: f64, source: &str) -> Entry {
        Entry { measure: measure.into(), year, value, source: source.into(), note: String::new() }
    }

    #[test]
    fn entries_make_a_scenario_file_the_loader_takes_as_actual_values() {
        let plan = embedded_plan().unwrap();
        let mut s = empty_entries(&plan);
        s = with_entry(&s, &entry("high_tech_enterprises", 2020, 1150.0, "《2020年统计公报》"), "个");
        s = with_entry(&s, &entry("high_tech_enterprises", 2019, 900.0, "https://example.org/2019"), "个");
        // A second value for the same year replaces the first.
        s = with_entry(
            &s,
            &Entry {
                note: "复核后".into(), ..entry("high_tech_enterprises", 2020, 1200.0, "《2020年统计公报》")
            },
            "个",
        );
        let text = scenario_to_ron(&s).unwrap();
        let (back, warnings) = load_scenario_str(&text, ENTRIES_FILE, &plan).expect("loads");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(back.series.len(), 1);
        let series = &back.series[0];
        assert_eq!((series.kind, series.label.as_str()), (SeriesKind::Actual, ENTRIES_NAME));
        let years: Vec<(u16, f64)> = series.points.iter().map(|p| (p.year, p.value)).collect();
        assert_eq!(years, [(2019, 900.0), (2020, 1200.0)]);
        assert_eq!(series.source, "https://example.org/2019 ; 《2020年统计公报》");
        assert_eq!(entry_of(&back, "high_tech_enterprises", 2020).map(|e| e.note), Some("复核后".to_string()));
        let fewer = without_entry(&back, "high_tech_enterprises", 2019);
        assert_eq!(fewer.series[0].source, "《2020年统计公报》");
        assert!(without_entry(&fewer, "high_tech_enterprises", 2020).series.is_empty());
    }

    #[test]
    fn verdicts_are_kept_in_the_entries_file_and_a_bad_one_is_refused_at_its_field() {
        use crate::model::evaluation::Verdict;
        let plan = embedded_plan().unwrap();
        let v = |measure: &str, note: &str| VerdictOverride {
            measure: measure.into(),
            year: 2020,
            verdict: Verdict::Met,
            note: note.into(),
        };
        assert!(check_verdict(&v("high_tech_enterprises", "  ")).unwrap_err().zh.contains("理由"));
        let s = with_verdict(&empty_entries(&plan), &v("high_tech_enterprises", " 科技厅总结 "));
        let s = with_verdict(&s, &v("high_tech_enterprises", "复核后"));
        assert_eq!(s.verdicts.len(), 1, "a second verdict for the target replaces the first");
        let text = scenario_to_ron(&s).unwrap();
        let (back, _) = load_scenario_str(&text, ENTRIES_FILE, &plan).expect("loads");
        assert_eq!(verdict_of(&back, "high_tech_enterprises", 2020).map(|v| v.note.as_str()), Some("复核后"));
        assert!(without_verdict(&back, "high_tech_enterprises", 2020).verdicts.is_empty());
        // As written by hand: an unknown measure, no note, or two for one target are refused.
        for (bad, says) in
            [(v("high_tech_enterprise", "x"), "unknown measure"), (v("high_tech_enterprises", ""), "without a note")]
        {
            let text = scenario_to_ron(&Scenario { verdicts: vec![bad], ..s.clone() }).unwrap();
            let errors = load_scenario_str(&text, ENTRIES_FILE, &plan).unwrap_err();
            assert!(errors.iter().any(|d| d.message.contains(says)), "{says}: {errors:?}");
        }
        let twice = Scenario { verdicts: vec![v("rd_intensity", "a"), v("rd_intensity", "b")], ..s.clone() };
        let errors = load_scenario_str(&scenario_to_ron(&twice).unwrap(), ENTRIES_FILE, &plan).unwrap_err();
        assert!(errors.iter().any(|d| d.message.contains("a second verdict")), "{errors:?}");
    }

    #[test]
    fn an_entry_without_a_source_or_out_of_time_is_refused() {
        let plan = embedded_plan().unwrap();
        assert!(check_entry(&entry("rd_intensity", 2020, 0.93, "  "), &plan).unwrap_err().zh.contains("来源"));
        assert!(check_entry(&entry("rd_intensity", 1990, 0.93, "x"), &plan).is_err());
        assert!(check_entry(&entry("rd_intensity", 2020, f64::NAN, "x"), &plan).is_err());
        assert!(check_entry(&entry("rd_intensity", 2020, 0.93, "a\u{1b}]0;x"), &plan).is_err());
        assert!(check_entry(&entry("rd_intensity", 2035, 0.93, "x"), &plan).is_ok());
    }
}
