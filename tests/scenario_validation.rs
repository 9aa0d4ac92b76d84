//! What a user's scenario file is refused or warned for, at the edges of each rule: a share is
//! 0–100 %, a count is not negative, a year is possible (1949–2100) and near the plan's period
//! (2001–2035 for 2016–2020), a value is between 1e-12 and 1e15 in size (or 0), each year and
//! series id once, a typo gets a suggestion, and a file of many problems is capped. Each message
//! names the file, line and column.

use plan_explorer::model::diagnostics::Diagnostic;
use plan_explorer::model::load::embedded_plan;
use plan_explorer::model::scenario::load_scenario_str;
use plan_explorer::model::scenario::nearest;

/// One series of `indicator` in `unit` with the given points, as a user's RON file.
fn file_with(indicator: &str, unit: &str, points: &[(u16, f64)]) -> String {
    let points: Vec<String> = points.iter().map(|(y, v)| format!("(year: {y}, value: {v:?})")).collect();
    format!(
        "(format_version: 1, name: \"边界\", plan: \"内蒙古自治区“十三五”科技创新规划\", series: [\n\
         (id: \"s\", indicator: \"{indicator}\", region: \"全区\", unit: \"{unit}\", kind: Projection,\n\
         label: \"边界\", source: \"test data\", points: [\n{}\n]),\n])\n",
        points.join(",\n")
    )
}

/// Errors and warnings for the file (errors refuse it; warnings come with the scenario).
fn messages(src: &str) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    let plan = embedded_plan().unwrap();
    match load_scenario_str(src, "edge.ron", &plan) {
        Ok((_, warnings)) => (Vec::new(), warnings),
        Err(errors) => {
            let (errors, warnings) = errors.into_iter().partition(Diagnostic::is_error);
            (errors, warnings)
        }
    }
}

fn errors(src: &str) -> Vec<Diagnostic> {
    messages(src).0
}

/// The line of point `k` (0-based) in [`file_with`]'s text.
fn point_line(k: usize) -> usize {
    k + 4
}

#[test]
fn a_share_is_refused_just_outside_0_to_100_percent_and_taken_at_its_ends() {
    assert!(errors(&file_with("rd_intensity", "%", &[(2016, 0.0), (2017, 100.0)])).is_empty());
    for (value, shown) in [(-0.001, "-0.001 %"), (100.001, "100.001 %")] {
        let errs = errors(&file_with("rd_intensity", "%", &[(2016, 1.0), (2017, value)]));
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert!(errs[0].message.contains(shown) && errs[0].message.contains("not a possible share"), "{errs:?}");
        assert_eq!((errs[0].file.as_str(), errs[0].line), ("edge.ron", point_line(1)), "{errs:?}");
    }
}

#[test]
fn a_count_is_refused_below_zero_and_taken_at_zero() {
    // 国家高新技术企业 are counted in 个.
    assert!(errors(&file_with("high_tech_enterprises", "个", &[(2016, 0.0)])).is_empty());
    let errs = errors(&file_with("high_tech_enterprises", "个", &[(2016, -1.0)]));
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0].message.contains("a count cannot be negative"), "{errs:?}");
    // A share may be zero but a value of another unit may well be negative (a change).
    assert!(errors(&file_with("rd_expenditure_growth", "%/年", &[(2016, -3.0)])).is_empty());
}

#[test]
fn a_year_is_impossible_before_1949_or_after_2100_and_far_outside_the_period_past_15_years() {
    let (errs, warns) = messages(&file_with("rd_intensity", "%", &[(1949, 1.0), (2100, 1.0)]));
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(warns.iter().filter(|w| w.message.contains("far outside the plan's period 2016–2020")).count(), 2);
    for year in [1948, 2101] {
        let errs = errors(&file_with("rd_intensity", "%", &[(year, 1.0)]));
        assert_eq!(errs.len(), 1, "{year}: {errs:?}");
        assert!(errs[0].message.contains(&format!("year {year} is impossible")), "{errs:?}");
    }
    // 15 years either side of 2016–2020 are near: 2001 and 2035 without a warning, 2000 and
    // 2036 with one.
    let (errs, warns) = messages(&file_with("rd_intensity", "%", &[(2001, 1.0), (2035, 1.0)]));
    assert!(errs.is_empty() && warns.is_empty(), "{errs:?} {warns:?}");
    let (_, warns) = messages(&file_with("rd_intensity", "%", &[(2000, 1.0), (2036, 1.0)]));
    let far: Vec<usize> = warns.iter().filter(|w| w.message.contains("far outside")).map(|w| w.line).collect();
    assert_eq!(far, [point_line(0), point_line(1)], "{warns:?}");
}

#[test]
fn a_value_is_between_1e_minus_12_and_1e15_in_size_or_zero() {
    let fine = [(2016, 1e15), (2017, -1e15), (2018, 1e-12), (2019, 0.0)];
    assert!(errors(&file_with("rd_expenditure", "亿元", &fine)).is_empty());
    for value in [1.0001e15, -1.0001e15, 0.9e-12] {
        let errs = errors(&file_with("rd_expenditure", "亿元", &[(2016, value)]));
        assert_eq!(errs.len(), 1, "{value}: {errs:?}");
        assert!(errs[0].message.contains("is no statistic's value"), "{errs:?}");
    }
}

#[test]
fn a_year_twice_in_a_series_and_a_series_id_twice_in_a_file_are_refused() {
    let errs = errors(&file_with("rd_intensity", "%", &[(2016, 1.0), (2016, 1.1)]));
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0].message.contains("year 2016 appears twice"));
    assert_eq!(errs[0].line, point_line(1), "the second one is named");
    let one = file_with("rd_intensity", "%", &[(2016, 1.0)]);
    let series = &one[one.find("(id:").unwrap()..one.rfind("])").unwrap()];
    let two = one.replacen(series, &format!("{series}{series}"), 1);
    let errs = errors(&two);
    assert_eq!(errs.iter().filter(|e| e.message.contains("duplicate series id `s`")).count(), 1, "{errs:?}");
    // Three of them: the second and the third are named.
    let three = one.replacen(series, &format!("{series}{series}{series}"), 1);
    assert_eq!(errors(&three).iter().filter(|e| e.message.contains("duplicate series id")).count(), 2);
    assert!(errors(&one).is_empty());
}

#[test]
fn a_typo_gets_the_nearest_name_and_a_name_past_200_characters_none() {
    let errs = errors(&file_with("rd_intensty", "%", &[(2016, 1.0)]));
    assert!(errs[0].message.contains("did you mean `rd_intensity`?"), "{errs:?}");
    // Names up to 200 characters are compared; a longer one is not looked up at all.
    let names = ["a".repeat(200), "a".repeat(201)];
    let known = || names.iter().map(String::as_str);
    let wanted_200 = format!("{}b", "a".repeat(199));
    assert_eq!(nearest(&wanted_200, known()), Some(names[0].as_str()));
    let wanted_201 = format!("{}b", "a".repeat(200));
    assert_eq!(nearest(&wanted_201, known()), None);
    // Nothing is suggested for a name no known one is half like.
    assert_eq!(nearest("zzzz", ["rd_intensity"]), None);
}

#[test]
fn a_file_of_many_problems_is_capped_at_200_messages_and_says_how_many_more() {
    // 300 far-outside years (warnings): 200 shown and the rest counted.
    let years: Vec<(u16, f64)> = (1949..=2000).chain(2036..=2100).map(|y| (y, 1.0)).collect();
    let mut src = file_with("rd_intensity", "%", &years);
    let series = src[src.find("(id:").unwrap()..src.rfind("])").unwrap()].to_string();
    let mut all = String::new();
    for k in 0..3 {
        all.push_str(&series.replacen("id: \"s\"", &format!("id: \"s{k}\""), 1));
    }
    // Past the cap, the years 15 years from the period are still near: not counted.
    let near = file_with("rd_intensity", "%", &[(2001, 1.0), (2035, 1.0)]);
    all.push_str(&near[near.find("(id:").unwrap()..near.rfind("])").unwrap()].replacen("id: \"s\"", "id: \"near\"", 1));
    src = src.replacen(&series, &all, 1);
    let per_series = years.len();
    assert_eq!(per_series, 117);
    let (errs, warns) = messages(&src);
    assert!(errs.is_empty(), "warnings never refuse a file");
    let far = warns.iter().filter(|w| w.message.contains("far outside")).count();
    assert_eq!(far, 200);
    let more = 3 * per_series - 200;
    assert!(warns.iter().any(|w| w.message == format!("{more} more warnings not shown")), "{:?}", warns.last());
    // 300 errors: checking stops at the cap, and says so.
    let negative = file_with("high_tech_enterprises", "个", &(1949..=2100).map(|y| (y, -1.0)).collect::<Vec<_>>());
    let (errs, warns) = messages(&negative);
    assert_eq!(errs.last().map(|e| e.message.as_str()), Some("more than 200 problems; stopped checking"));
    // About 200: a point's year and value may both be reported as the cap is reached (the
    // check stops between points), then the message saying so.
    let total = errs.len() + warns.len();
    assert!((201..=202).contains(&total), "{total} messages");
}
