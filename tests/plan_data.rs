//! Tests on the real plan.ron: structure, indicators, places, conflicts, corrections,
//! and that the file is exactly what the importer makes from the source and curation.

mod common;

use plan_explorer::model::import::{Curation, import};
use plan_explorer::model::load::{EMBEDDED_PLAN, embedded_plan, parse_ron};
use plan_explorer::model::{Measure, NodeKind, Outline, Plan, Region};

fn plan() -> Plan {
    embedded_plan().unwrap_or_else(|d| panic!("embedded plan invalid: {d:?}"))
}

fn count(plan: &Plan, kind: NodeKind) -> usize {
    plan.nodes.iter().filter(|n| n.kind == kind).count()
}

fn node<'a>(plan: &'a Plan, id: &str) -> &'a plan_explorer::model::Node {
    plan.nodes.iter().find(|n| n.id == id).unwrap_or_else(|| panic!("no node {id}"))
}

#[test]
fn hierarchy_has_the_plans_parts_chapters_sections_and_boxes() {
    let plan = plan();
    assert_eq!(count(&plan, NodeKind::Part), 6);
    assert_eq!(count(&plan, NodeKind::Chapter), 25);
    assert_eq!(count(&plan, NodeKind::Section), 89);
    assert_eq!(count(&plan, NodeKind::Subsection), 2);
    assert_eq!(count(&plan, NodeKind::Box), 46);
    let boxes: Vec<&str> = plan.nodes.iter().filter(|n| n.kind == NodeKind::Box).map(|n| n.number.as_str()).collect();
    assert_eq!(boxes.first(), Some(&"专栏2"), "box numbering starts at 2");
    assert_eq!(boxes.last(), Some(&"专栏47"));
    assert!(!boxes.contains(&"专栏1"));

    let ch13 = node(&plan, "ch13");
    assert_eq!((ch13.number.as_str(), ch13.title.as_str()), ("第十三章", "推动高新技术产业开发区与基地创新发展"));
    assert_eq!(ch13.parent.as_deref(), Some("pt4"));
    // 第十一章 has no numbered sections: its paragraphs sit under the chapter.
    let outline = Outline::new(&plan);
    let ch11 = outline.index_of("ch11").unwrap();
    assert!(outline.children(ch11).iter().all(|&c| !plan.nodes[c].kind.is_heading()));
    assert!(!outline.children(ch11).is_empty());
}

#[test]
fn metadata_is_read_from_the_text() {
    let plan = plan();
    assert_eq!(plan.meta.title, "内蒙古自治区“十三五”科技创新规划");
    assert_eq!(plan.meta.drafted_by, "内蒙古自治区科学技术厅");
    assert_eq!(plan.meta.drafted, "2017年5月");
    assert_eq!(plan.meta.issued_iso, "2017-07-04");
    assert_eq!((plan.meta.period_start, plan.meta.period_end, plan.meta.baseline_year), (2016, 2020, 2015));
    assert_eq!(plan.nodes[0].kind, NodeKind::Notice);
}

#[test]
fn task_and_box_items_are_titled_by_their_lead_phrase() {
    let plan = plan();
    let task = node(&plan, "ch3.s1.1");
    assert_eq!((task.kind, task.title.as_str()), (NodeKind::Task, "构建现代生物育种技术体系"));
    let corn = node(&plan, "box2.1");
    assert_eq!((corn.kind, corn.title.as_str()), (NodeKind::Item, "玉米"));
    let magnet = plan.nodes.iter().find(|n| n.text.starts_with("--稀土磁性材料")).unwrap();
    assert_eq!((magnet.kind, magnet.title.as_str()), (NodeKind::Item, "稀土磁性材料"));
    let overview = node(&plan, "ch3.1");
    assert_eq!(overview.kind, NodeKind::Overview);
}

#[test]
fn every_source_paragraph_is_in_the_plan_verbatim() {
    let plan = plan();
    let source = include_str!("../assets/source/plan.txt");
    let mut texts: Vec<String> =
        plan.nodes.iter().flat_map(|n| n.text.lines().map(str::to_string).collect::<Vec<_>>()).collect();
    texts.push(plan.meta.title.clone());
    texts.push(plan.meta.byline.clone());
    for (i, line) in source.lines().enumerate() {
        let para = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}').replace("***鄂博", "白云鄂博");
        if para.is_empty() {
            continue;
        }
        assert!(texts.contains(&para), "line {} not carried verbatim: {para}", i + 1);
    }
}

#[test]
fn the_censored_place_name_is_restored_and_marked() {
    let plan = plan();
    assert!(plan.nodes.iter().all(|n| !n.text.contains("***")));
    let corrected: Vec<&str> = plan.nodes.iter().filter(|n| !n.corrections.is_empty()).map(|n| n.id.as_str()).collect();
    // Source lines 443, 469, 471, 1013 and 1021 hold `***鄂博`.
    assert_eq!(corrected, vec!["ch4.s7.1", "box17", "box17.1", "box40.1", "box40.5"]);
    let box17 = node(&plan, "box17");
    assert_eq!(box17.title, "白云鄂博稀土资源绿色开采、高效选别和综合利用");
    assert_eq!(box17.corrections[0].original, "***鄂博");
    assert_eq!(box17.corrections[0].corrected, "白云鄂博");
}

fn measure_target(plan: &Plan, id: &str) -> f64 {
    plan.indicators
        .iter()
        .find(|i| i.id == id)
        .and_then(|i| i.target.as_ref())
        .map(|t| t.value)
        .unwrap_or_else(|| panic!("{id}"))
}

#[test]
fn chapter_two_targets_have_their_values() {
    let plan = plan();
    let outline = Outline::new(&plan);
    let ch2 = outline.index_of("ch2").unwrap();
    assert!(outline.indicator_total(ch2) >= 20, "第二章 holds {} statements", outline.indicator_total(ch2));
    for (id, value) in [
        ("st_progress_contribution.target", 55.0),
        ("rd_intensity.target", 2.2),
        ("invention_patents_per_10k.target", 3.0),
        ("tech_contract_value.target", 300.0),
        ("overall_st_rank.target", 20.0),
        ("enterprise_rd_share.target", 85.0),
        ("enterprise_rd_to_revenue.target", 0.85),
        ("high_tech_output_share.target", 20.0),
        ("strategic_emerging_share.target", 10.0),
        ("rd_personnel.target", 6.35),
        ("rd_personnel_per_10k_employed.target", 48.0),
    ] {
        assert_eq!(measure_target(&plan, id), value, "{id}");
        let ind = plan.indicators.iter().find(|i| i.id == id).unwrap();
        assert!(ind.source_node.starts_with("ch2."), "{id} comes from {}", ind.source_node);
        assert_eq!(ind.target.as_ref().unwrap().year, 2020);
    }
    let measures = Measure::group(&plan.indicators);
    let contribution = measures.iter().find(|m| m.key == "st_progress_contribution").unwrap();
    let base: Vec<(u16, f64)> = contribution.baselines().iter().map(|o| (o.year, o.value)).collect();
    assert_eq!(base, vec![(2015, 42.0)]);
    let intensity = measures.iter().find(|m| m.key == "rd_intensity").unwrap();
    assert_eq!(intensity.baselines()[0].value, 0.76);
    assert_eq!(intensity.main_target().unwrap().1.value, 2.2);
}

#[test]
fn indicators_are_many_quoted_and_derived_values_are_marked() {
    let plan = plan();
    assert!(plan.indicators.len() >= 100);
    assert!(Measure::group(&plan.indicators).len() >= 50);
    for ind in plan.indicators.iter().filter(|i| i.outside_text.is_none()) {
        let node = node(&plan, &ind.source_node);
        assert!(node.text.contains(&ind.quote), "{}", ind.id);
    }
    let rd = plan.indicators.iter().find(|i| i.id == "rd_expenditure.2015").unwrap();
    let derived = rd.baselines.iter().find(|b| b.year == 2010).unwrap();
    assert!(derived.derived.as_deref().unwrap().contains("16.38%"));
    let recomputed = 136.06 / 1.1638_f64.powi(5);
    assert_eq!((recomputed * 100.0).round() / 100.0, derived.value);
    // Values stated by the text itself are not marked derived.
    assert!(rd.baselines.iter().find(|b| b.year == 2015).unwrap().derived.is_none());
}

#[test]
fn the_plan_contradicting_itself_is_kept_and_flagged() {
    let plan = plan();
    let conflicts: Vec<_> = Measure::group(&plan.indicators).iter().flat_map(Measure::conflicts).collect();
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    let c = &conflicts[0];
    assert_eq!(c.measure, "academician_workstations");
    let values: Vec<f64> = c.statements.iter().map(|s| s.1).collect();
    assert_eq!(values, vec![100.0, 150.0]);
    let sources: Vec<&str> = c
        .statements
        .iter()
        .map(|(id, _)| plan.indicators.iter().find(|i| &i.id == id).unwrap().source_node.as_str())
        .collect();
    assert!(sources[0].starts_with("ch9."), "{sources:?}");
    assert!(sources[1].starts_with("ch17."), "{sources:?}");
}

#[test]
fn nodes_carry_their_cities_and_regions() {
    let plan = plan();
    let box17 = node(&plan, "box17");
    assert_eq!(box17.cities, vec!["包头"]);
    assert_eq!(box17.regions, vec![Region::West]);
    // 第十六章: the paragraphs on 西部地区 and 东部地区 carry those regions.
    let west = plan.nodes.iter().find(|n| n.text.starts_with("西部地区。")).unwrap();
    assert!(west.regions.contains(&Region::West));
    assert!(west.cities.iter().any(|c| c == "鄂尔多斯"), "呼包鄂 names Ordos: {:?}", west.cities);
    let east = plan.nodes.iter().find(|n| n.text.starts_with("东部地区。")).unwrap();
    assert_eq!(east.regions, vec![Region::East]);
    // 科尔沁 spans three 盟市, but 科尔沁肉牛科技产业园 is a park of 通辽's agricultural park:
    // the shared name must not assign the paragraph to 赤峰 and 兴安盟 too.
    let horqin = plan.nodes.iter().find(|n| n.text.contains("科尔沁肉牛科技产业园")).unwrap();
    assert_eq!(horqin.cities, vec!["通辽"]);
    let desert = plan.nodes.iter().find(|n| n.text.contains("科尔沁沙地、浑善达克沙地")).unwrap();
    for city in ["通辽", "赤峰", "兴安盟"] {
        assert!(desert.cities.iter().any(|c| c == city), "the desert itself spans {city}: {:?}", desert.cities);
    }
    // Reservoirs and rivers point to their 盟市: 巴图湾水库 is in 乌审旗, 鄂尔多斯.
    let reservoir = plan.nodes.iter().find(|n| n.text.contains("巴图湾水库")).unwrap();
    assert!(reservoir.cities.iter().any(|c| c == "鄂尔多斯"), "{:?}", reservoir.cities);
    let tributaries = plan.nodes.iter().find(|n| n.text.contains("十大孔兑")).unwrap();
    assert!(tributaries.cities.iter().any(|c| c == "鄂尔多斯"), "{:?}", tributaries.cities);
    // 蒙西医 (Mongolian–Western medicine) is not a place.
    let medicine = plan.nodes.iter().find(|n| n.text.contains("蒙西医结合治疗")).unwrap();
    assert!(medicine.regions.is_empty() && medicine.cities.is_empty(), "{:?}", medicine.cities);
    // Grouping: five eastern 盟市, seven western.
    assert_eq!(plan.places.cities_in(Region::East).count(), 5);
    assert_eq!(plan.places.cities_in(Region::West).count(), 7);
}

#[test]
fn plan_ron_is_exactly_what_the_importer_makes() {
    let source = include_str!("../assets/source/plan.txt");
    let curation: Curation = parse_ron(include_str!("../assets/curation.ron"), "curation.ron").unwrap();
    let imported = import(source, "plan.txt", &curation).unwrap();
    let written = plan_explorer::cli::plan_to_ron(&imported).unwrap();
    assert!(
        written == EMBEDDED_PLAN,
        "plan.ron is out of date: run `cargo run -- import assets/source/plan.txt --curation assets/curation.ron -o plan.ron`"
    );
}

#[test]
fn shipped_actuals_load_and_drive_progress() {
    use plan_explorer::model::Document;
    use plan_explorer::model::progress::Status;
    use plan_explorer::model::scenario::embedded_actuals;
    use plan_explorer::model::summary::{rollup, summarize};
    let plan = plan();
    let actuals = embedded_actuals(&plan).unwrap_or_else(|d| panic!("{d:?}"));
    // Every point names where it was read.
    for s in &actuals.series {
        for p in &s.points {
            assert!(!p.source.is_empty() || !s.source.is_empty(), "{} {}", s.id, p.year);
        }
    }
    let doc = Document::new(plan, "plan.ron");
    let summaries = summarize(&doc, &[&actuals]);
    let rd = summaries.iter().find(|s| s.key == "rd_intensity").unwrap();
    let a = rd.assessment.as_ref().unwrap();
    assert_eq!((a.base_year, a.base_value, a.latest_year, a.latest_value), (2015, 0.76, 2020, 0.93));
    assert_eq!(a.status, Status::Limited);
    assert!(rd.assessed_with.contains("首次公布"), "{}", rd.assessed_with);
    let statuses = rollup(&doc, &summaries);
    let ch2 = doc.outline.index_of("ch2").unwrap();
    assert!(statuses[ch2].is_some());
    assert!(statuses[ch2].unwrap() <= Status::Limited, "the worst status below 第二章");
}

#[test]
fn regional_gdp_totals_are_only_summed_when_complete() {
    use plan_explorer::model::Document;
    use plan_explorer::model::regional::stat_table;
    use plan_explorer::model::scenario::embedded_actuals;
    let plan = plan();
    let actuals = embedded_actuals(&plan).unwrap();
    let doc = Document::new(plan, "plan.ron");
    let t = stat_table(&doc, &[&actuals], "gdp", "亿元", 2021);
    assert!(t.east.complete() && t.west.complete());
    assert!((t.east.sum - 6357.8).abs() < 1e-6, "{}", t.east.sum);
    // 2017: only 通辽 published: the east total is incomplete, never filled in.
    let t = stat_table(&doc, &[&actuals], "gdp", "亿元", 2017);
    assert_eq!((t.east.known, t.east.of), (1, 5));
    assert!(!t.east.complete());
    assert_eq!(t.check(), None);
    assert_eq!(t.shares(), None);
    // Census 2020: the 12 盟市 add up exactly to the 全区 count.
    let t = stat_table(&doc, &[&actuals], "population_census", "人", 2020);
    assert_eq!(t.check(), Some(0.0));
}

#[test]
fn the_eleven_headline_indicators_follow_the_announcement_and_one_is_not_in_the_text() {
    let plan = plan();
    let keys: Vec<&str> = plan.headlines.iter().map(|h| h.measure.as_str()).collect();
    assert_eq!(
        keys,
        [
            "overall_st_rank",
            "st_progress_contribution",
            "rd_intensity",
            "invention_patents_per_10k",
            "high_tech_output_share",
            "strategic_emerging_share",
            "rd_personnel_per_10k_employed",
            "knowledge_services_share",
            "enterprise_rd_to_revenue",
            "tech_contract_value",
            "science_literacy",
        ]
    );
    // Each has a target statement; the eighth alone comes from outside the text, with its
    // source, and is the only such statement.
    for h in &plan.headlines {
        assert!(plan.indicators.iter().any(|i| i.measure == h.measure && i.target.is_some()), "{}", h.measure);
        assert!(h.source.starts_with("http") && !h.quote.is_empty());
    }
    let outside: Vec<&str> =
        plan.indicators.iter().filter(|i| i.outside_text.is_some()).map(|i| i.measure.as_str()).collect();
    assert_eq!(outside, ["knowledge_services_share"]);
    let knowledge = plan.indicators.iter().find(|i| i.measure == "knowledge_services_share").unwrap();
    assert!(knowledge.source_node.is_empty());
    assert_eq!(knowledge.target.as_ref().map(|t| t.value), Some(20.0));
    let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/source/plan.txt")).unwrap();
    assert!(!source.contains("知识密集型服务业"), "the text does not state it");
}

#[test]
fn boxes_end_where_curated_and_the_sections_own_tasks_stay_in_the_section() {
    let plan = plan();
    let outline = Outline::new(&plan);
    let entries = |id: &str| outline.children(outline.index_of(id).unwrap()).len();
    // 专栏24 holds three entries; "“互联网＋”技术集成应用。" (line 574) is the section's task that
    // 专栏25 details, not a fourth entry of 专栏24.
    assert_eq!((entries("box24"), entries("box25"), entries("box36")), (3, 5, 8));
    for (line, section) in [(574, "ch4.s10"), (588, "ch4.s10"), (590, "ch4.s10"), (809, "ch6.s2")] {
        let n = plan.nodes.iter().find(|n| n.line == line).unwrap();
        assert_eq!((n.parent.as_deref(), n.kind), (Some(section), NodeKind::Task), "line {line}");
    }
    // Exactly the curated boxes carry their reason; the others run to the next heading.
    let curated: Vec<&str> = plan.nodes.iter().filter(|n| !n.boundary.is_empty()).map(|n| n.id.as_str()).collect();
    assert_eq!(curated, ["box24", "box25", "box36"]);
    for n in plan.nodes.iter().filter(|n| n.kind == NodeKind::Box && n.boundary.is_empty()) {
        let i = outline.index_of(&n.id).unwrap();
        let next = outline.subtree(i).end;
        assert!(plan.nodes.get(next).is_none_or(|m| m.kind.is_heading()), "{} runs to the next heading", n.id);
    }
}

#[test]
fn a_stated_multiple_and_growth_rate_that_disagree_are_flagged() {
    use plan_explorer::model::indicators::rate_mismatches;
    let plan = plan();
    let found = rate_mismatches(&plan.indicators, |id| plan.nodes.iter().find(|n| n.id == id).map(|n| n.text.as_str()));
    assert_eq!(found.len(), 1, "{found:?}");
    let m = &found[0];
    // "2015年的拨款规模是2010年的1.8倍，平均增速为15.68%": 1.8× in 5 years is 12.47 % a year;
    // 15.68 % a year for 5 years is 1.1568⁵ = 2.07×.
    assert_eq!(
        (m.multiple_id.as_str(), m.rate_id.as_str()),
        ("fiscal_st_appropriation_multiple.2015", "fiscal_st_appropriation_growth.2011_2015")
    );
    assert_eq!(m.years, 5);
    assert!((m.implied_rate - 12.47).abs() < 0.01, "{m:?}");
    assert!((m.implied_multiple - 2.072).abs() < 0.001, "{m:?}");
    // The R&D spending in the same paragraph (16.38 % a year) states no multiple: not paired.
    assert!(found.iter().all(|m| !m.rate_id.starts_with("rd_expenditure")));
}

#[test]
fn statements_the_audit_found_are_curated_with_the_unit_word_of_their_sentence() {
    let plan = plan();
    let statement = |id: &str| plan.indicators.iter().find(|i| i.id == id).unwrap_or_else(|| panic!("no {id}"));
    let ratio = statement("invention_patents_per_10k_vs_national.2015");
    assert_eq!(ratio.baselines[0].value, 0.2);
    assert!(ratio.baselines[0].derived.as_deref().is_some_and(|d| d.contains("1/5")));
    assert_eq!(statement("productivity_centres_county_coverage.target").target.as_ref().map(|t| t.value), Some(100.0));
    assert_eq!(statement("leave_to_start_business_years.rule").comparator, plan_explorer::model::Comparator::AtMost);
    for id in [
        "internet_plus_tech_markets.2015",
        "printed_building_lines.target",
        "nuclear_fuel_park_scale.target",
        "research_time_share.rule",
        "st_programme_directions.target",
    ] {
        statement(id);
    }
    // Units as written: 工作站 "100家" in 第九章 and "150个" in 第十七章; 众创空间 "100个" and "100家".
    for ind in &plan.indicators {
        let count_word = ind.unit == "个" || ind.unit == "家";
        if count_word && !ind.quote.contains(&ind.unit) {
            panic!("{} says {} but its quote `{}` does not", ind.id, ind.unit, ind.quote);
        }
    }
    let workstations: Vec<&str> = Measure::group(&plan.indicators)
        .into_iter()
        .find(|m| m.key == "academician_workstations")
        .unwrap()
        .units_as_written();
    assert_eq!(workstations, ["家", "个"]);
}

#[test]
fn every_regional_table_lists_the_leagues_east_then_west_in_one_order() {
    use plan_explorer::model::Document;
    use plan_explorer::model::regional::{PlanCounts, PlanMetric, stat_table};
    use plan_explorer::model::scenario::embedded_actuals;
    let doc = Document::new(plan(), "plan.ron");
    let actuals = embedded_actuals(&doc.plan).unwrap();
    let expected = common::LEAGUES;
    let table = stat_table(&doc, &[&actuals], "gdp", "亿元", 2021);
    assert_eq!(table.cities.iter().map(|c| c.city.as_str()).collect::<Vec<_>>(), expected);
    let counts = PlanCounts::new(&doc, PlanMetric::Tasks);
    assert_eq!(counts.cities.iter().map(|c| c.0.as_str()).collect::<Vec<_>>(), expected);
}

#[test]
fn what_the_audit_found_is_mended_places_kinds_and_nesting() {
    let plan = plan();
    let sorted = |id: &str| {
        let mut c = node(&plan, id).cities.clone();
        c.sort();
        c
    };
    let expect = |cities: &[&str]| {
        let mut c: Vec<String> = cities.iter().map(|c| c.to_string()).collect();
        c.sort();
        c
    };
    // 呼、包、鄂 names three cities by abbreviation, in the enumeration only.
    assert_eq!(sorted("ch19.s1.1"), expect(&["呼和浩特", "包头", "鄂尔多斯"]));
    // 阿拉善盟's park, not 巴彦淖尔 through 乌兰布和; 通辽's institute, not 赤峰 and 兴安盟
    // through 科尔沁 (as the other 通辽 paragraph was curated).
    assert_eq!(sorted("box45.5"), expect(&["阿拉善盟"]));
    assert_eq!(sorted("box44.15"), expect(&["通辽"]));
    // One rule for rivers and mountains: 黄河 and 阴山 name the 盟市 they lie in, as 嫩江 does.
    let yellow = plan.nodes.iter().find(|n| n.text.contains("研究黄河防凌减灾综合技术")).unwrap();
    for city in ["乌海", "阿拉善盟", "巴彦淖尔", "鄂尔多斯", "包头", "呼和浩特"] {
        assert!(yellow.cities.iter().any(|c| c == city), "黄河 flows through {city}: {:?}", yellow.cities);
    }
    let yin = plan.nodes.iter().find(|n| n.text.contains("阴山南北麓")).unwrap();
    for city in ["巴彦淖尔", "包头", "呼和浩特", "乌兰察布"] {
        assert!(yin.cities.iter().any(|c| c == city), "阴山 spans {city}: {:?}", yin.cities);
    }
    assert!(plan.places.names.iter().filter(|n| n.cities.len() > 1).all(|n| !n.note.is_empty()), "each says why");

    // 新认定50家左右 is an increase over the period, like 新增20家; 联系院士专家团队480个 a
    // flow over 十二五, like the 新建69家 and 引进81名 of its clause.
    let comparator = |id: &str| plan.indicators.iter().find(|i| i.id == id).map(|i| i.comparator);
    use plan_explorer::model::Comparator::IncreaseBy;
    assert_eq!(comparator("eng_centres_new.target"), Some(IncreaseBy));
    assert_eq!(comparator("academician_expert_teams.2011_2015"), Some(IncreaseBy));

    // The nine --稀土…材料 sub-items expand 大力发展稀土功能材料 and sit under it.
    let children: Vec<&plan_explorer::model::Node> =
        plan.nodes.iter().filter(|n| n.parent.as_deref() == Some("ch4.s7.4")).collect();
    assert_eq!(children.len(), 9);
    assert!(children.iter().all(|n| n.text.starts_with("--稀土") || n.text.starts_with("--新一代稀土")));
    assert_eq!(node(&plan, "ch4.s7.4").title, "大力发展稀土功能材料");
    assert!(plan.nodes.iter().all(|n| n.parent.as_deref() != Some("ch4.s7") || !n.text.starts_with("--")));
}
