//! The importer on small excerpts laid out like the seed, including its edge cases.

use plan_explorer::model::NodeKind;
use plan_explorer::model::import::{Curation, import};
use plan_explorer::model::load::parse_ron;

const NOTICE: &str = "各盟行政公署、市人民政府：\n　　现将《规划》印发给你们。\n　　2017年7月4日\n\n";

fn kinds(text: &str) -> Vec<(String, NodeKind, Option<String>, String)> {
    let plan = import(text, "t.txt", &Curation::default()).unwrap();
    plan.nodes.into_iter().map(|n| (n.id, n.kind, n.parent, n.title)).collect()
}

#[test]
fn notice_title_byline_and_preamble() {
    let text = format!(
        "{NOTICE}某某“十三五”科技创新规划\n（某某科学技术厅　　2017年5月）\n\n　　序言段落。\n　第一篇　形势分析\n"
    );
    let plan = import(&text, "t.txt", &Curation::default()).unwrap();
    assert_eq!(plan.meta.title, "某某“十三五”科技创新规划");
    assert_eq!(plan.meta.drafted_by, "某某科学技术厅");
    assert_eq!(plan.meta.issued_iso, "2017-07-04");
    assert_eq!((plan.meta.period_start, plan.meta.period_end), (2016, 2020));
    assert_eq!(plan.nodes[0].kind, NodeKind::Notice);
    assert_eq!(plan.nodes[0].text.lines().count(), 3, "the notice keeps its three lines");
    assert_eq!(plan.nodes[1].kind, NodeKind::Preamble);
    assert_eq!(plan.nodes[2].kind, NodeKind::Part);
}

#[test]
fn a_text_without_notice_starts_with_its_title() {
    let plan = import("规划\n　第一篇　甲\n　第一章　乙\n　　段落。\n", "t.txt", &Curation::default()).unwrap();
    assert_eq!(plan.meta.title, "规划");
    assert!(plan.nodes.iter().all(|n| n.kind != NodeKind::Notice));
    assert_eq!(plan.meta.issued, "");
}

#[test]
fn chapters_without_sections_hold_their_paragraphs() {
    let nodes = kinds(
        "规划\n　第一篇　甲\n　第十一章　巩固企业创新主体地位\n　　强化企业主体。内容。\n　　另一段，没有引语。\n　第十二章　乙\n",
    );
    assert_eq!(nodes[2], ("ch11.1".into(), NodeKind::Task, Some("ch11".into()), "强化企业主体".into()));
    assert_eq!(nodes[3], ("ch11.2".into(), NodeKind::Paragraph, Some("ch11".into()), String::new()));
    assert_eq!(nodes[4].0, "ch12");
}

#[test]
fn boxes_between_sections_close_at_the_next_heading() {
    let nodes = kinds(
        "规划\n　第三篇　主要任务\n　第三章　农牧业\n　　总体要求。以保障为目标。\n　　一、种植业\n\n　　构建体系。开展工作。\n\n　　●专栏2 农作物生产\n\n　　玉米。抗逆。\n\n　　燕麦、荞麦。资源。\n\n　　二、养殖业\n\n　　发展养殖。内容。\n",
    );
    let find = |id: &str| nodes.iter().find(|n| n.0 == id).unwrap_or_else(|| panic!("{id}: {nodes:?}")).clone();
    assert_eq!(find("ch3.1").1, NodeKind::Overview);
    assert_eq!(find("box2").2.as_deref(), Some("ch3.s1"), "a box belongs to the section it stands in");
    assert_eq!(find("box2.1"), ("box2.1".into(), NodeKind::Item, Some("box2".into()), "玉米".into()));
    assert_eq!(find("box2.2").3, "燕麦、荞麦");
    assert_eq!(find("ch3.s2.1").2.as_deref(), Some("ch3.s2"), "the next section's paragraphs leave the box");
}

#[test]
fn dash_items_and_subsections() {
    let nodes = kinds(
        "规划\n　第二章　总体要求\n　　三、发展目标\n　　（一）总体目标\n　　到2020年，基本建成。\n　　（二）分项目标\n　　--稀土磁性材料。打造材料。\n　　--省部共建，不是条目\n",
    );
    let find = |id: &str| nodes.iter().find(|n| n.0 == id).unwrap_or_else(|| panic!("{id}: {nodes:?}")).clone();
    assert_eq!(find("ch2.s3.ss1").1, NodeKind::Subsection);
    assert_eq!(find("ch2.s3.ss1.1").1, NodeKind::Paragraph);
    assert_eq!(
        find("ch2.s3.ss2.1"),
        ("ch2.s3.ss2.1".into(), NodeKind::Item, Some("ch2.s3.ss2".into()), "稀土磁性材料".into())
    );
    assert_eq!(find("ch2.s3.ss2.2").1, NodeKind::Item);
}

#[test]
fn repeated_numbers_still_get_unique_ids() {
    let nodes = kinds("规划\n　第一章　甲\n　第一章　又是第一章\n");
    assert_eq!(nodes[0].0, "ch1");
    assert_eq!(nodes[1].0, "ch1_2");
}

#[test]
fn an_empty_text_is_an_error_not_a_panic() {
    let err = import("", "t.txt", &Curation::default()).unwrap_err();
    assert!(err.message.contains("empty"), "{err}");
    let err = import("　第一章　甲\n", "t.txt", &Curation::default()).unwrap_err();
    assert!(err.message.contains("title"), "{err}");
}

#[test]
fn curation_corrections_places_and_indicator_anchoring() {
    let curation: Curation = parse_ron(
        r#"(
            places: Some((grouping_source: "test", cities: [(name: "包头", full_name: "包头市", name_en: "Baotou", region: West)],
                names: [(name: "白云鄂博", cities: ["包头"])], region_names: [(name: "东部地区", region: East)])),
            corrections: [(find: "***", replace: "白云", followed_by: "鄂博", reason: "restored")],
            indicators: [(id: "x", measure: "x", name: "回采率", name_en: "recovery", unit: "%", comparator: Reach,
                target: Some((year: 2020, value: 99.0)), quote: "达到99%")],
        )"#,
        "c.ron",
    )
    .unwrap();
    let plan =
        import("规划\n　第一章　甲\n　　支持***鄂博研究，回采率达到99%。\n　　东部地区。发展。\n", "t.txt", &curation)
            .unwrap();
    let para = &plan.nodes[1];
    assert_eq!(para.text, "支持白云鄂博研究，回采率达到99%。");
    assert_eq!(para.corrections[0].original, "***鄂博");
    assert_eq!(para.cities, vec!["包头"]);
    assert_eq!(plan.nodes[2].regions, vec![plan_explorer::model::Region::East]);
    assert_eq!(plan.indicators[0].source_node, para.id);

    // A quote found nowhere, or in two nodes, is an error that names the indicator.
    let mut bad = curation.clone();
    bad.indicators[0].quote = "不存在的句子".into();
    let err = import("规划\n　第一章　甲\n　　段落。\n", "t.txt", &bad).unwrap_err();
    assert!(err.message.contains("`x`") && err.message.contains("no node"), "{err}");
    bad.indicators[0].quote = "段落".into();
    let err = import("规划\n　第一章　甲\n　　段落一。\n　　段落二。\n", "t.txt", &bad).unwrap_err();
    assert!(err.message.contains("several nodes"), "{err}");
}

/// A text saved with old Mac (CR) or Windows (CR LF) line ends imports as the same plan: the
/// CLI and the app decode every text through one function that normalises line ends.
#[test]
fn cr_only_and_crlf_texts_import_like_lf_texts() {
    use plan_explorer::model::load::decode_text;
    let text = "规划\n　第一篇　甲\n　第一章　乙\n　　段落一。\n　　段落二。\n";
    let lf = import(text, "t.txt", &Curation::default()).unwrap();
    for ending in ["\r", "\r\n"] {
        let bytes = text.replace('\n', ending).into_bytes();
        let decoded = decode_text(&bytes, "t.txt").unwrap();
        let plan = import(&decoded, "t.txt", &Curation::default()).unwrap();
        assert_eq!(plan.nodes, lf.nodes, "line ends {ending:?}");
        assert_eq!(plan.meta.title, "规划");
    }
    let utf32: Vec<u8> =
        [0xFF, 0xFE, 0, 0].into_iter().chain(text.chars().flat_map(|c| (c as u32).to_le_bytes())).collect();
    assert_eq!(decode_text(&utf32, "t.txt").unwrap_err().message, "the file is UTF-32; save it as UTF-8");
}

/// What does not fit the plan's structure is imported as found and named with its line.
#[test]
fn headings_out_of_order_and_unnumbered_boxes_are_named() {
    use plan_explorer::model::import::import_checked;
    let text = "规划\n　第一篇　甲\n　第三章　丙\n　　段落。\n　第一章　甲\n　　段落。\n●专栏 无编号\n　　段落。\n";
    let (plan, warnings) = import_checked(text, "t.txt", &Curation::default()).unwrap();
    assert!(plan.nodes.iter().any(|n| n.id == "ch3") && plan.nodes.iter().any(|n| n.id == "ch1"));
    let shown: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "3: warning: 章 3 follows 0 (expected 1)",
            "5: warning: 章 1 follows 3 (expected 4)",
            "7: warning: a 专栏 heading without a number: read as a paragraph",
        ]
    );
    let (_, none) = import_checked("一段没有标题的文字\n第二段。\n", "t.txt", &Curation::default()).unwrap();
    assert!(none.iter().any(|w| w.message.starts_with("no 篇, 章 or 专栏 heading")), "{none:?}");
}

/// The real plan's headings are in order but for one known gap of the source (see the seed's
/// README: 专栏1 is absent, box numbering starts at 2), which is exactly what gets named.
#[test]
fn the_real_plan_warns_only_of_its_missing_box_1() {
    use plan_explorer::model::import::import_checked;
    let root = env!("CARGO_MANIFEST_DIR");
    let text = std::fs::read_to_string(format!("{root}/assets/source/plan.txt")).unwrap();
    let curation: Curation =
        parse_ron(&std::fs::read_to_string(format!("{root}/assets/curation.ron")).unwrap(), "curation.ron").unwrap();
    let (_, warnings) = import_checked(&text, "plan.txt", &curation).unwrap();
    let shown: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    assert_eq!(shown, ["95: warning: 专栏 2 follows 0 (expected 1)"]);
}

#[test]
fn a_curated_box_end_returns_the_following_paragraphs_to_the_section_and_is_checked() {
    use plan_explorer::model::import::BoxEnd;
    let text = "规划\n　第一篇　甲\n　第一章　乙\n　　一、丙\n　　任务一。说明。\n　　●专栏2 示范\n　　条目甲。内容。\n　　条目乙。内容。\n　　任务二。说明。\n　　二、丁\n";
    let curation = |items| Curation {
        box_ends: vec![BoxEnd { number: 2, items, reason: "任务二是本节任务".into() }],
        ..Curation::default()
    };
    let plan = import(text, "t.txt", &curation(2)).unwrap();
    let node = |title: &str| plan.nodes.iter().find(|n| n.title == title).unwrap();
    assert_eq!(node("条目乙").parent.as_deref(), Some("box2"));
    assert_eq!((node("任务二").parent.as_deref(), node("任务二").kind), (Some("ch1.s1"), NodeKind::Task));
    assert_eq!(node("示范").boundary, "任务二是本节任务");
    // Without curation the box runs to the next heading.
    assert_eq!(kinds(text).iter().find(|k| k.3 == "任务二").unwrap().2.as_deref(), Some("box2"));
    // A box asked to hold more entries than it has, or a box the text lacks, is an error.
    let too_many = import(text, "t.txt", &curation(4)).unwrap_err();
    assert!(too_many.message.contains("more entries"), "{too_many}");
    let missing =
        Curation { box_ends: vec![BoxEnd { number: 9, items: 1, reason: String::new() }], ..Curation::default() };
    assert!(import(text, "t.txt", &missing).unwrap_err().message.contains("专栏9"));
}

#[test]
fn dash_sub_items_nest_under_the_task_they_expand_on_the_plans_own_lines() {
    // The plan's own lines: 第四章, its section 七、, the task and its nine --sub-items
    // (source lines 449–467), then 专栏17, which closes them.
    let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/source/plan.txt")).unwrap();
    let lines: Vec<&str> = source.lines().collect();
    let excerpt = [&lines[273..274], &lines[440..441], &lines[448..470]].concat().join("\n");
    let nodes = kinds(&format!("规划\n{excerpt}\n"));
    let under = |parent: &str| nodes.iter().filter(|n| n.2.as_deref() == Some(parent)).collect::<Vec<_>>();
    let task = under("ch4.s7");
    assert_eq!(task.first().map(|n| (n.1, n.3.as_str())), Some((NodeKind::Task, "大力发展稀土功能材料")));
    let items = under("ch4.s7.1");
    assert_eq!(items.len(), 9, "{nodes:?}");
    assert!(items.iter().all(|n| n.1 == NodeKind::Item));
    assert_eq!((items[0].0.as_str(), items[0].3.as_str()), ("ch4.s7.1.1", "稀土磁性材料"));
    assert_eq!(items[8].3, "新一代稀土功能材料");
    // The box after them is the section's, not the task's.
    assert!(nodes.iter().any(|n| n.1 == NodeKind::Box && n.2.as_deref() == Some("ch4.s7")), "{nodes:?}");
}
