//! The indicator table's rows (`summary::summarize`) and the tree's status marks
//! (`summary::rollup`), on the real plan and its shipped actual values: the words of a target,
//! the growth a target requires, conflicts, and a chapter showing the worst status below it.

use plan_explorer::i18n::Lang;
use plan_explorer::model::indicators::Comparator;
use plan_explorer::model::load::embedded_plan;
use plan_explorer::model::progress::Status;
use plan_explorer::model::scenario::embedded_actuals;
use plan_explorer::model::summary::{MeasureSummary, rollup, summarize};
use plan_explorer::model::{Document, Plan};

fn summaries_of(plan: Plan) -> (Document, Vec<MeasureSummary>) {
    let actuals = embedded_actuals(&plan).unwrap_or_else(|d| panic!("{d:?}"));
    let doc = Document::new(plan, "plan.ron");
    let summaries = summarize(&doc, &[&actuals]);
    (doc, summaries)
}

fn row<'a>(summaries: &'a [MeasureSummary], key: &str) -> &'a MeasureSummary {
    summaries.iter().find(|s| s.key == key).unwrap_or_else(|| panic!("no row for {key}"))
}

#[test]
fn a_target_reads_as_the_plan_states_it_with_unit_and_year() {
    let (_, summaries) = summaries_of(embedded_plan().unwrap());
    // 研发经费投入强度达到2.2%: reached, in 2020.
    assert_eq!(row(&summaries, "rd_intensity").target_text(Lang::Zh), "2.2 %（2020）");
    assert_eq!(row(&summaries, "rd_intensity").target_text(Lang::En), "2.2 % (2020)");
    // 自治区工程技术研究中心总数达到160家左右: about.
    assert!(row(&summaries, "eng_centres").target_text(Lang::Zh).starts_with("≈ 160 家（2020"));
    // 新认定…50家: an increase over the period.
    assert!(row(&summaries, "eng_centres_new").target_text(Lang::Zh).starts_with("+50 家（2020"));
    // A measure with only a baseline has no target to state.
    assert_eq!(row(&summaries, "rd_expenditure_growth").target_text(Lang::Zh), "");
}

#[test]
fn the_growth_a_target_requires_runs_from_the_base_year_value() {
    let (_, summaries) = summaries_of(embedded_plan().unwrap());
    // 0.76 % in 2015 to 2.2 % in 2020: (2.2 / 0.76)^(1/5) − 1 = 23.69 % a year.
    let rd = row(&summaries, "rd_intensity");
    let growth = rd.required_growth.expect("a base-year value and a level target");
    assert!((growth - 23.69).abs() < 0.01, "{growth}");
    // 237 高新技术企业 in 2015 to 1000 in 2020: 33.37 % a year.
    let firms = row(&summaries, "high_tech_enterprises").required_growth.unwrap();
    assert!((firms - 33.37).abs() < 0.01, "{firms}");
    // Without a value in the base year there is nothing to grow from.
    assert_eq!(row(&summaries, "tech_contract_value").required_growth, None);
}

#[test]
fn a_rate_or_an_increase_as_target_requires_no_growth_of_its_own() {
    // The plan whose R&D intensity target were written as 年均增长2.2% or 新增2.2: the same
    // base and number, but no level to reach, so no growth to require.
    for comparator in [Comparator::GrowthRate, Comparator::IncreaseBy] {
        let mut plan = embedded_plan().unwrap();
        let target = plan.indicators.iter_mut().find(|i| i.id == "rd_intensity.target").expect("the target statement");
        target.comparator = comparator;
        let (_, summaries) = summaries_of(plan);
        assert_eq!(row(&summaries, "rd_intensity").required_growth, None, "{comparator:?}");
    }
}

#[test]
fn a_measure_the_plan_states_twice_differently_is_marked_as_a_conflict() {
    let (_, summaries) = summaries_of(embedded_plan().unwrap());
    // 院士专家工作站: 100 in one paragraph, another number in its 专栏.
    assert!(row(&summaries, "academician_workstations").conflict);
    assert!(!row(&summaries, "rd_intensity").conflict);
    assert_eq!(summaries.iter().filter(|s| s.conflict).count(), conflicts_in_the_plan());
}

/// Measures with two statements of different targets for the same year, counted from the
/// statements themselves.
fn conflicts_in_the_plan() -> usize {
    let plan = embedded_plan().unwrap();
    let mut targets: std::collections::BTreeMap<&str, Vec<(u16, f64)>> = Default::default();
    for i in &plan.indicators {
        if let Some(t) = &i.target {
            targets.entry(i.measure.as_str()).or_default().push((t.year, t.value));
        }
    }
    targets.values().filter(|ts| ts.iter().any(|a| ts.iter().any(|b| a.0 == b.0 && a.1 != b.1))).count()
}

#[test]
fn a_node_shows_the_worst_status_of_the_measures_stated_below_it() {
    let (doc, summaries) = summaries_of(embedded_plan().unwrap());
    let statuses = rollup(&doc, &summaries);
    let status_of = |key: &str| summaries.iter().find(|s| s.key == key).and_then(MeasureSummary::status);
    let plan = &doc.plan;
    // Independently of the roll-up: walk up from each statement's paragraph.
    let mut expected: Vec<Option<Status>> = vec![None; plan.nodes.len()];
    for ind in &plan.indicators {
        let (Some(mut i), Some(st)) = (doc.outline.index_of(&ind.source_node), status_of(&ind.measure)) else {
            continue;
        };
        loop {
            expected[i] = Some(expected[i].map_or(st, |e| e.min(st)));
            match doc.outline.parent(i) {
                Some(p) => i = p,
                None => break,
            }
        }
    }
    assert_eq!(statuses, expected);
    // 第二章 states measures with limited progress and measures on track: it shows the former.
    let ch2 = doc.outline.index_of("ch2").unwrap();
    let below: std::collections::BTreeSet<Status> = plan
        .indicators
        .iter()
        .filter(|i| doc.outline.index_of(&i.source_node).is_some_and(|n| doc.outline.subtree(ch2).any(|k| k == n)))
        .filter_map(|i| status_of(&i.measure))
        .collect();
    assert!(below.contains(&Status::OnTrack) && below.contains(&Status::Limited), "{below:?}");
    assert_eq!(statuses[ch2], below.first().copied());
}
