//! One question, one answer: "R&D intensity, latest" is the same value, year and series in the
//! indicator table, the start page's tile, the chart (window and command line) and the slide's
//! caption — the measure's actual series, the one the final evaluation judges by.

mod common;

use plan_explorer::i18n::Lang;
use plan_explorer::model::chart::Role;
use plan_explorer::model::deck::{Slide, SlideContent};
use plan_explorer::model::format::readable;

#[test]
fn the_latest_value_of_a_measure_is_one_value_one_year_one_series_everywhere() {
    let harness = common::app();
    let app = harness.state();
    let session = app.session();
    // The table (the summary it shows).
    let summary = session.summary("rd_intensity").expect("R&D intensity");
    let (year, value, series) = summary.latest.clone().expect("a latest value");
    // The tile of the start page.
    let tile = session.tiles().iter().find(|t| t.evaluation.key == "rd_intensity").expect("a headline tile");
    assert_eq!(tile.latest, Some((year, value, series.clone())), "the tile");
    // The chart: the actual series drawn as the measure's own ends there, under that name.
    let chart = session.small_chart("rd_intensity", Lang::Zh);
    let actual = chart.series.iter().find(|s| s.role == Role::Actual && !s.style.muted).expect("the actual series");
    let last = actual.points.iter().max_by(|a, b| a.x.total_cmp(&b.x)).expect("points");
    assert_eq!((last.x, last.y), (f64::from(year), value), "the chart");
    assert_eq!(actual.name, series, "the chart names the series the table names");
    // The slide's caption says the same value and year, and credits the same series.
    let slide = session.slide(&Slide::of(SlideContent::Measure("rd_intensity".into())), Lang::Zh);
    assert!(slide.caption.contains(&format!("{} %（{year}）", readable(value))), "{}", slide.caption);
    assert!(slide.sources.iter().any(|s| s.contains(&series)), "{:?}", slide.sources);
    // The command line's chart spec ends there too.
    let (code, json, err) = common::run_cli(&["chart", "rd_intensity", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let spec: serde_json::Value = serde_json::from_str(&json).expect("json");
    let drawn =
        spec["series"].as_array().expect("series").iter().find(|s| s["name"] == series.as_str()).expect("named alike");
    let last = drawn["points"].as_array().and_then(|p| p.last()).expect("points");
    assert_eq!((last["x"].as_f64(), last["y"].as_f64()), (Some(f64::from(year)), Some(value)), "the command line");
}
