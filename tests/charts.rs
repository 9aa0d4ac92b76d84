//! Charts built from the real plan and the shipped actual values: what a reader sees in them
//! must be right for every measure, not only for the one a test author looked at.

use plan_explorer::model::Measure;
use plan_explorer::model::chart::{Role, build_chart};
use plan_explorer::model::load::embedded_plan;
use plan_explorer::model::scenario::embedded_actuals;

#[test]
fn index_mode_rebases_every_series_on_its_own_base_year_value() {
    let plan = embedded_plan().expect("plan");
    let actuals = embedded_actuals(&plan).expect("actuals");
    let base = plan.meta.baseline_year;
    let mut checked = 0;
    for m in Measure::group(&plan.indicators) {
        let chart = build_chart(&[&m], &[&actuals], base, true);
        for s in chart.series.iter().filter(|s| matches!(s.role, Role::Actual | Role::Projection)) {
            // Rebased on its own 2015 value, or on the year its name gives.
            let year = s
                .name
                .rsplit_once('（')
                .and_then(|(_, tail)| tail.strip_suffix("=100）"))
                .and_then(|y| y.parse::<f64>().ok())
                .unwrap_or(f64::from(base));
            let at = s.points.iter().find(|p| p.x == year).unwrap_or_else(|| panic!("{}: no {year} point", s.name));
            assert!((at.y - 100.0).abs() < 1e-9, "{} · {}: {} in {year}", m.key, s.name, at.y);
            checked += 1;
        }
    }
    assert!(checked >= 10, "{checked} series checked");
}

#[test]
fn technology_contracts_bought_are_not_divided_by_contracts_sold() {
    // The inflow series (contracts bought by the region) once showed 1225.7 in 2015 because it
    // was divided by the outflow series' 2015 value.
    let plan = embedded_plan().expect("plan");
    let actuals = embedded_actuals(&plan).expect("actuals");
    let m = Measure::group(&plan.indicators).into_iter().find(|m| m.key == "tech_contract_value").unwrap();
    let chart = build_chart(&[&m], &[&actuals], 2015, true);
    let inflow = chart.series.iter().find(|s| s.name.contains("吸纳")).expect("inflow series");
    let y2015 = inflow.points.iter().find(|p| p.x == 2015.0).expect("2015").y;
    assert!((y2015 - 100.0).abs() < 1e-9, "{y2015}");
}

#[test]
fn measures_in_different_units_never_share_one_axis() {
    let plan = embedded_plan().expect("plan");
    let actuals = embedded_actuals(&plan).expect("actuals");
    let groups = Measure::group(&plan.indicators);
    let find = |k: &str| groups.iter().find(|m| m.key == k).unwrap();
    let (percent, count) = (find("rd_intensity"), find("invention_patents_per_10k"));
    // % and 件 compared: drawn as an index, and the chart says why.
    let chart = build_chart(&[percent, count], &[&actuals], 2015, false);
    assert_eq!(chart.unit, "2015 = 100");
    assert!(chart.notes.iter().any(|n| n.contains("单位不同")), "{:?}", chart.notes);
    // One measure keeps its own unit.
    assert_eq!(build_chart(&[percent], &[&actuals], 2015, false).unit, "%");
}
