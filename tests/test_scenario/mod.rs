//! Scenarios of made-up test values, written as a user's RON file and loaded through the same
//! validation a user's file goes through. Their values are test data, never statistics.

use plan_explorer::model::Plan;
use plan_explorer::model::scenario::{Scenario, load_scenario_str};

/// One series: (indicator, region, unit, kind, points).
pub type TestSeries<'a> = (&'a str, &'a str, &'a str, &'a str, &'a [(u16, f64)]);

/// A scenario named `name` holding `series` (labelled `测试0`, `测试1`, … in order).
pub fn test_scenario(plan: &Plan, name: &str, series: &[TestSeries<'_>]) -> Scenario {
    let series: Vec<String> = series
        .iter()
        .enumerate()
        .map(|(i, (indicator, region, unit, kind, points))| {
            let points: Vec<String> =
                points.iter().map(|(year, value)| format!("(year: {year}, value: {value:?})")).collect();
            format!(
                "(id: \"s{i}\", indicator: \"{indicator}\", region: \"{region}\", unit: \"{unit}\", kind: {kind}, \
                 label: \"测试{i}\", source: \"test data\", points: [{}])",
                points.join(", ")
            )
        })
        .collect();
    let src = format!(
        "(format_version: 1, name: \"{name}\", plan: \"{}\", extra_indicators: [\
         (id: \"gdp\", name: \"地区生产总值\", name_en: \"GDP\", unit: \"亿元\"),\
         (id: \"population_census\", name: \"常住人口\", name_en: \"Population\", unit: \"人\"),\
         (id: \"test_stat\", name: \"测试统计\", name_en: \"Test statistic\", unit: \"项\"),\
         (id: \"test_other\", name: \"另一测试统计\", name_en: \"Another test statistic\", unit: \"项\")], \
         series: [{}])",
        plan.meta.title,
        series.join(",\n")
    );
    load_scenario_str(&src, "test.ron", plan).unwrap_or_else(|e| panic!("test scenario: {e:?}")).0
}
