//! Numbers as text, in one place: [`number`] for people (charts, tables, captions, CSV a
//! person opens), [`exact`] for machine-readable output that must round-trip.

use super::comparator::Comparator;
use crate::i18n::Lang;

/// A value for people: at most four decimals, no trailing zeros (`2.2`, `136.06`, `1000`).
pub fn number(v: f64) -> String {
    let s = format!("{v:.4}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A value for charts and captions: two decimals at most from 1 up (1.0502 → 1.05,
/// 136.06 → 136.06), two significant digits below 1 (0.0123 → 0.012), no trailing zeros.
pub fn readable(v: f64) -> String {
    if !v.is_finite() {
        return String::new();
    }
    let decimals = readable_decimals(v);
    let s = format!("{v:.decimals$}");
    let s = if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.') } else { &s };
    if s == "-0" { "0".to_string() } else { s.to_string() }
}

/// `v` rounded to what [`readable`] shows of it: a value set by hand (a drag on the chart) is
/// kept as the person saw it, 2 and not 2.0032.
pub fn to_readable_precision(v: f64) -> f64 {
    if !v.is_finite() {
        return v;
    }
    let scale = 10f64.powi(readable_decimals(v) as i32);
    let rounded = (v * scale).round() / scale;
    if rounded == 0.0 { 0.0 } else { rounded }
}

/// The decimals [`readable`] shows: two from 1 up, two significant digits below.
fn readable_decimals(v: f64) -> usize {
    if v.abs() >= 1.0 || v == 0.0 { 2 } else { (1 - v.abs().log10().floor() as i32).clamp(2, 8) as usize }
}

/// A unit in English (the plan's unit words; anything else as written).
pub fn unit_en(unit: &str) -> String {
    let words = match unit {
        "亿元" => "× 100 million yuan",
        "万亿元" => "trillion yuan",
        "件" => "items",
        "万件" => "× 10,000 items",
        "个" | "项" | "家" => "units",
        "万个" => "× 10,000 units",
        "人" | "名" => "persons",
        "万人" => "× 10,000 persons",
        "位" => "rank",
        "倍" => "times",
        "人年" => "person-years",
        "人年/万人" => "person-years per 10,000 people",
        "%/年" => "% a year",
        "件/万名就业人员" => "per 10,000 employed",
        "项/企业" => "per firm",
        "篇" => "papers",
        "条" => "lines",
        "年" => "years",
        "个百分点" => "percentage points",
        "万平方米" => "× 10,000 m²",
        "万吨" => "× 10,000 t",
        other => other,
    };
    words.to_string()
}

/// A unit in the reader's language.
pub fn unit_words(unit: &str, lang: Lang) -> String {
    if lang.is_english() { unit_en(unit) } else { unit.to_string() }
}

/// A value as stored: the shortest text that reads back as the same number (Rust's `Display`
/// of a float: whole numbers without a fraction, `150`, and never an exponent), so a value
/// written by the command line reads back unchanged.
pub fn exact(v: f64) -> String {
    format!("{v}")
}

/// A target in words a reader needs no legend for: `2.2 %（2020）`, `≥ 85 %（2020）`,
/// `前 20 位（2020）` (`top 20 (2020)`), `5–7 项（2020）`. A year the statement does not
/// write (the plan's end is meant) says so: `100 个（2020，推定）`.
pub fn target_words(
    comparator: Comparator,
    value: f64,
    upper: Option<f64>,
    unit: &str,
    (year, implied): (u16, bool),
    lang: Lang,
) -> String {
    let english = lang.is_english();
    let text = bound_words(comparator, value, upper, unit, lang);
    match (english, implied) {
        (true, false) => format!("{text} ({year})"),
        (true, true) => format!("{text} ({year}, implied)"),
        (false, false) => format!("{text}（{year}）"),
        (false, true) => format!("{text}（{year}，推定）"),
    }
}

/// What a target or a standing rule asks for, without a year: `≥ 50 %`, `前 20 位`.
pub fn bound_words(comparator: Comparator, value: f64, upper: Option<f64>, unit: &str, lang: Lang) -> String {
    let english = lang.is_english();
    let unit = if unit.is_empty() { String::new() } else { format!(" {}", unit_words(unit, lang)) };
    let v = number(value);
    match (comparator, upper, english) {
        (_, Some(u), _) => format!("{v}–{}{unit}", number(u)),
        (Comparator::RankWithin, _, false) => format!("前 {v} 位"),
        (Comparator::RankWithin, _, true) => format!("top {v}"),
        (Comparator::Rank, _, false) => format!("第 {v} 位"),
        (Comparator::Rank, _, true) => format!("rank {v}"),
        (Comparator::AtLeast, ..) => format!("≥ {v}{unit}"),
        (Comparator::MoreThan, ..) => format!("> {v}{unit}"),
        (Comparator::AtMost, ..) => format!("≤ {v}{unit}"),
        (Comparator::About, ..) => format!("≈ {v}{unit}"),
        (Comparator::IncreaseBy, ..) => format!("+{v}{unit}"),
        (Comparator::Multiple, ..) => format!("× {v}"),
        (Comparator::GrowthRate, _, false) => format!("年均增长 {v} %"),
        // In English the unit says it: `%/年` reads "% a year".
        _ => format!("{v}{unit}"),
    }
}

/// A value with its unit, or the word for a gap.
pub fn with_unit(v: Option<f64>, unit: &str, missing: &str) -> String {
    match v {
        Some(v) if unit.is_empty() => number(v),
        Some(v) => format!("{} {unit}", number(v)),
        None => missing.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_read_as_words_with_unit_and_year() {
        let zh = |c, v, u, unit| target_words(c, v, u, unit, (2020, false), Lang::Zh);
        assert_eq!(zh(Comparator::Reach, 2.2, None, "%"), "2.2 %（2020）");
        assert_eq!(zh(Comparator::AtLeast, 85.0, None, "%"), "≥ 85 %（2020）");
        assert_eq!(zh(Comparator::RankWithin, 20.0, None, "位"), "前 20 位（2020）");
        assert_eq!(zh(Comparator::Range, 5.0, Some(7.0), "项"), "5–7 项（2020）");
        assert_eq!(target_words(Comparator::RankWithin, 20.0, None, "位", (2020, false), Lang::En), "top 20 (2020)");
        // A year the statement does not write is marked as inferred.
        assert_eq!(target_words(Comparator::Reach, 100.0, None, "个", (2020, true), Lang::Zh), "100 个（2020，推定）");
    }

    #[test]
    fn every_unit_the_plan_and_the_shipped_files_use_has_english_words() {
        let plan = crate::model::load::embedded_plan().expect("the embedded plan");
        let actuals = crate::model::scenario::embedded_actuals(&plan).expect("the shipped actual values");
        let national = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/national-13th-fyp.ron"))
            .expect("the national file");
        let (national, _) = crate::model::scenario::load_scenario_str(&national, "national.ron", &plan).expect("loads");
        let units: std::collections::BTreeSet<&str> = plan
            .indicators
            .iter()
            .map(|i| i.unit.as_str())
            .chain([&actuals, &national].into_iter().flat_map(|s| s.series.iter().map(|x| x.unit.as_str())))
            .collect();
        assert!(units.len() > 20, "{units:?}");
        let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
        for unit in units {
            let words = unit_en(unit);
            assert!(!words.chars().any(han), "`{unit}` reads `{words}` in English");
            assert_eq!(unit_words(unit, Lang::En), words);
            assert_eq!(unit_words(unit, Lang::Zh), unit, "Chinese keeps the plan's unit");
        }
        // A few read as a reader expects.
        assert_eq!(unit_en("亿元"), "× 100 million yuan");
        assert_eq!(unit_en("%/年"), "% a year");
        assert_eq!(unit_en("个百分点"), "percentage points");
    }

    #[test]
    fn every_kind_of_target_has_its_own_words_in_both_languages() {
        use Comparator::*;
        let words = |c, v, unit, lang| bound_words(c, v, None, unit, lang);
        for (c, v, unit, zh, en) in [
            (Level, 136.06, "亿元", "136.06 亿元", "136.06 × 100 million yuan"),
            (Reach, 2.2, "%", "2.2 %", "2.2 %"),
            (AtLeast, 85.0, "%", "≥ 85 %", "≥ 85 %"),
            (MoreThan, 60.0, "%", "> 60 %", "> 60 %"),
            (AtMost, 3.0, "%", "≤ 3 %", "≤ 3 %"),
            (About, 160.0, "家", "≈ 160 家", "≈ 160 units"),
            (IncreaseBy, 50.0, "家", "+50 家", "+50 units"),
            (GrowthRate, 4.0, "%/年", "年均增长 4 %", "4 % a year"),
            (Rank, 17.0, "位", "第 17 位", "rank 17"),
            (RankWithin, 20.0, "位", "前 20 位", "top 20"),
            (Multiple, 2.0, "倍", "× 2", "× 2"),
        ] {
            assert_eq!(words(c, v, unit, Lang::Zh), zh, "{c:?}");
            assert_eq!(words(c, v, unit, Lang::En), en, "{c:?}");
        }
        // A range, whatever its comparator; no unit, no space.
        assert_eq!(bound_words(Range, 5.0, Some(7.0), "项", Lang::En), "5–7 units");
        assert_eq!(bound_words(Reach, 20.0, None, "", Lang::Zh), "20");
    }

    #[test]
    fn a_value_without_a_unit_is_the_number_alone() {
        assert_eq!(with_unit(Some(3.5), "", "未公布"), "3.5");
        assert_eq!(with_unit(Some(3.5), "%", "未公布"), "3.5 %");
    }

    #[test]
    fn a_value_set_by_hand_keeps_what_readable_shows() {
        for (v, kept) in [(2.0032, 2.0), (136.064, 136.06), (0.01234, 0.012), (-1.005001, -1.01), (-0.0001, -0.0001)] {
            assert_eq!(to_readable_precision(v), kept, "{v}");
            assert_eq!(readable(to_readable_precision(v)), readable(v), "{v}");
        }
        assert_eq!(to_readable_precision(-0.001).to_string(), "-0.001");
        assert_eq!(to_readable_precision(-0.004).to_string(), "-0.004");
        assert!(to_readable_precision(f64::NAN).is_nan());
    }

    #[test]
    fn people_see_at_most_four_decimals_and_no_trailing_zeros() {
        assert_eq!(number(2.2), "2.2");
        assert_eq!(number(136.06), "136.06");
        assert_eq!(number(1000.0), "1000");
        assert_eq!(number(1.23456), "1.2346");
    }

    #[test]
    fn exact_output_round_trips() {
        for v in [0.1 + 0.2, 1e-7, 63.72966, 150.0] {
            assert_eq!(exact(v).parse::<f64>().unwrap(), v);
        }
        assert_eq!(exact(150.0), "150");
        assert_eq!(exact(-57.7), "-57.7");
        // Large whole numbers in full, never as an exponent a spreadsheet would misread.
        assert_eq!(exact(1e15), "1000000000000000");
        assert_eq!(exact(1e16), "10000000000000000");
    }

    #[test]
    fn a_gap_is_named_not_zero() {
        assert_eq!(with_unit(None, "亿元", "未公布"), "未公布");
        assert_eq!(readable(1.0502), "1.05");
        assert_eq!(readable(136.06), "136.06");
        assert_eq!(readable(0.0123), "0.012");
        assert_eq!(readable(2000.0), "2000");
        assert_eq!(readable(-0.001), "-0.001");
        assert_eq!(with_unit(Some(3.0), "亿元", "未公布"), "3 亿元");
    }
}
