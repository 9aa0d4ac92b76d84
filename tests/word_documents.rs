//! The Word documents as an office receives them: `evaluate --format docx` (the final
//! evaluation report) and `briefing --format docx`, read back from the .docx's own XML —
//! real tables with the verdicts in their rows, pictures for the charts, A4 in the fonts of
//! official documents — and the report exported from the evaluation page. (.ci/run also has
//! LibreOffice convert both to PDF and checks the text it prints.)

mod common;

use std::io::Read;
use std::path::Path;

use common::run_cli;

/// The parts of a .docx: `word/document.xml` and the names of its pictures.
fn open_docx(path: &Path) -> (String, Vec<String>) {
    let file = std::fs::File::open(path).expect("the file is there");
    let mut zip = zip::ZipArchive::new(file).expect("a .docx is a zip");
    let media =
        zip.file_names().filter_map(Result::ok).filter(|n| n.starts_with("word/media/")).map(String::from).collect();
    let mut xml = String::new();
    zip.by_name("word/document.xml").expect("word/document.xml").read_to_string(&mut xml).unwrap();
    (xml, media)
}

/// The text of an XML fragment: its `<w:t>` runs joined.
fn text_of(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(at) = rest.find("<w:t") {
        rest = &rest[at + 4..];
        // `<w:t>` or `<w:t xml:space="preserve">`, not `<w:tbl>`, `<w:tr>`, `<w:tc>`.
        if !(rest.starts_with('>') || rest.starts_with(' ')) {
            continue;
        }
        let Some(open) = rest.find('>') else { break };
        let Some(close) = rest.find("</w:t>") else { break };
        out.push_str(&rest[open + 1..close]);
        rest = &rest[close..];
    }
    out.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
}

/// Each table row's cells, as text.
fn rows(xml: &str) -> Vec<Vec<String>> {
    xml.split("<w:tr>")
        .skip(1)
        .map(|row| {
            let row = row.split("</w:tr>").next().unwrap_or("");
            row.split("<w:tc>").skip(1).map(text_of).collect()
        })
        .collect()
}

#[test]
fn the_evaluation_report_has_a_word_table_per_chapter_with_every_target_and_its_verdict() {
    let dir = common::loading::dir("word-report");
    let path = dir.join("终期评估.docx");
    let (code, _, err) = run_cli(&["evaluate", "--format", "docx", "-o", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let (xml, media) = open_docx(&path);
    let all = text_of(&xml);
    assert!(all.starts_with("《内蒙古自治区“十三五”科技创新规划》终期评估"), "{}", &all[..200.min(all.len())]);
    // The counts and the rule, in words.
    assert!(all.contains("规划共设 65 项可评估目标"), "the count of targets");
    // The standing rules, which have no deadline, are named apart and not judged.
    assert!(all.contains("另有 5 条以数字表述的常设政策规则"), "the standing rules");
    assert!(all.contains("成果转让净收入提取用于奖励的比例（≥ 50 %）"), "a standing rule with what it asks");
    assert!(all.contains("完成目标值的 90% 以上为“基本完成”"), "the rule for 基本完成");

    // Real Word tables: a header row per chapter, then one row per target, every target once.
    let rows = rows(&xml);
    let header = ["指标", "目标值", "完成值", "完成情况", "数据来源"];
    let headers = rows.iter().filter(|r| r.iter().map(String::as_str).eq(header)).count();
    assert!(headers >= 10, "{headers} chapter tables");
    let targets: Vec<&Vec<String>> = rows.iter().filter(|r| r.first().map(String::as_str) != Some("指标")).collect();
    assert_eq!(targets.len(), 65, "one row per target");
    let row_of = |name: &str| targets.iter().find(|r| r[0].starts_with(name)).unwrap_or_else(|| panic!("{name}"));
    let rd = row_of("研发经费占GDP比重");
    assert!(rd[0].contains("《规划》第二章"), "the plan's citation under the name: {rd:?}");
    assert!(rd[1].contains("2.2") && rd[2].contains("0.93"), "{rd:?}");
    assert!(rd[3].starts_with("未完成") && rd[3].contains("42.3%"), "{rd:?}");
    assert!(rd[4].contains("全国科技经费投入统计公报"), "{rd:?}");
    let patents = row_of("每万人发明专利拥有量");
    assert!(patents[3].starts_with("基本完成"), "{patents:?}");
    let stations = row_of("院士专家工作站");
    assert!(stations[1].contains("规划另有 150"), "the rival target: {stations:?}");
    assert!(row_of("国家高新技术企业")[3].starts_with("无数据"));

    // The headline indicators' charts are pictures; the page is A4 portrait; the fonts are
    // those of official documents.
    assert!(media.len() >= 10, "{} pictures", media.len());
    assert!(xml.contains(r#"w:w="11906""#) && xml.contains(r#"w:h="16838""#), "A4 portrait");
    for font in ["方正小标宋简体", "黑体", "楷体_GB2312", "仿宋_GB2312"] {
        assert!(xml.contains(font), "{font}");
    }
}

#[test]
fn the_word_briefing_has_a_page_per_slide_with_its_title_caption_and_source() {
    let dir = common::loading::dir("word-briefing");
    let docx = dir.join("briefing.docx");
    let html = dir.join("briefing.html");
    for (format, path) in [("docx", &docx), ("html", &html)] {
        let (code, _, err) = run_cli(&["briefing", "--format", format, "-o", path.to_str().unwrap()]);
        assert_eq!(code, 0, "{err}");
    }
    let (xml, _) = open_docx(&docx);
    let html = std::fs::read_to_string(&html).unwrap();
    let sections = html.matches("<section>").count();
    // The slides the HTML draws (a chart or a map) are pictures; the others are tables.
    let drawn = html.split("<section>").skip(1).filter(|s| s.contains("<svg")).count();
    let tabled = html.split("<section>").skip(1).filter(|s| s.contains("<table")).count();
    let breaks = xml.matches(r#"<w:br w:type="page""#).count();
    assert_eq!(breaks + 1, sections, "a page per slide, as the HTML briefing has a section per slide");
    let all = text_of(&xml);
    for title in ["终期评估", "研发经费占GDP比重", "东部与西部", "地图：任务与条目"] {
        assert!(all.contains(title), "{title}");
    }
    assert!(all.contains("来源："), "sources as text");
    assert_eq!(xml.matches("<w:drawing>").count(), drawn, "a picture per chart or map");
    assert_eq!(xml.matches("<w:tbl>").count(), tabled, "a Word table per table");
    assert!(xml.contains(r#"w:orient="landscape""#), "landscape pages, as the slides are");
}

#[test]
fn the_evaluation_page_exports_the_word_report() {
    let mut app = common::AppBuilder::new().exports_to("word-page").build();
    use egui_kittest::kittest::Queryable;
    app.get_by_label("终期评估").click();
    app.run();
    app.get_by_label("导出 Word 报告").click();
    app.run();
    common::step_until(&mut app, "the Word report to be drawn", |a| !a.exporting());
    let path = app.state().export_dir().join("终期评估.docx");
    let (xml, media) = open_docx(&path);
    assert!(text_of(&xml).contains("各章目标完成情况"));
    assert!(!media.is_empty());
}

/// The fixture deck: two slides, the first with speaker notes (two lines) and a year's note.
fn talk_deck() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/decks/talk.deck.ron")
}

#[test]
fn a_briefing_with_notes_has_each_slides_speaker_notes_under_it_and_one_without_has_none() {
    let dir = common::loading::dir("handout");
    let deck = talk_deck();
    let deck = deck.to_str().unwrap();
    for notes in [true, false] {
        let docx = dir.join(format!("handout-{notes}.docx"));
        let html = dir.join(format!("handout-{notes}.html"));
        for path in [&docx, &html] {
            let mut args = vec!["briefing", "--deck", deck, "-o", path.to_str().unwrap()];
            if notes {
                args.push("--notes");
            }
            let (code, _, err) = run_cli(&args);
            assert_eq!(code, 0, "{err}");
        }
        let (xml, _) = open_docx(&docx);
        let text = text_of(&xml);
        let html = std::fs::read_to_string(&html).unwrap();
        let said = "演讲备注：先讲结论：研发投入强度离目标还有距离。";
        if !notes {
            assert!(
                !text.contains("演讲备注") && !html.contains("演讲备注"),
                "the plain briefing keeps the notes to the speaker"
            );
            continue;
        }
        // In Word: under the first slide (after its source line), before the second slide.
        let at = text.find(said).unwrap_or_else(|| panic!("no speaker notes in the Word briefing: {text}"));
        let first = text.find("2. 研发经费占GDP比重").expect("the first slide after the evaluation");
        let second = text.find("3. 技术市场合同交易总额").expect("the second slide");
        let source = text[first..].find("来源：").map(|k| k + first).expect("its source");
        assert!(source < at && at < second, "notes after the source, before the next slide");
        assert!(text.contains("再讲原因：2018年统计口径调整。"), "both lines");
        assert_eq!(text.matches("演讲备注").count(), 1, "the slide without notes has none");
        // In HTML: in the first slide's section, set apart.
        let section = html
            .split("<section>")
            .find(|s| s.contains("研发经费占GDP比重（R&amp;D/GDP）</h2>"))
            .expect("the slide's section");
        assert!(section.contains(&format!("<div class=\"speaker\">{said}")), "{section}");
        assert_eq!(html.matches("class=\"speaker\"").count(), 1);
    }
}

#[test]
fn a_handout_page_holds_its_speaker_notes_under_the_sources_within_the_page() {
    use plan_explorer::model::export::briefing_pages;
    let session = common::loading::session();
    let deck = plan_explorer::model::deck::Deck::load(&talk_deck(), &session.deck_terms()).expect("the deck");
    let slides = session.briefing(&deck, plan_explorer::i18n::Lang::Zh);
    // A speaker who wrote a speech: the page shows its first eight lines and says it goes on.
    let mut speech = deck.clone();
    speech.slides[0].speaker_notes = "先讲结论：研发投入强度离目标还有距离。".repeat(40);
    for handout in [session.handout(&deck), session.handout(&speech)] {
        let pages = briefing_pages(&slides, plan_explorer::i18n::Lang::Zh, &handout);
        let page = &pages[1];
        let lines: Vec<(f64, String)> = page
            .lines()
            .filter(|l| l.starts_with("<text"))
            .filter_map(|l| {
                let y = l.split("y=\"").nth(1)?.split('"').next()?.parse().ok()?;
                let words = l.split('>').nth(1)?.split('<').next()?.to_string();
                Some((y, words))
            })
            .collect();
        // The speaker's lines come last, below the source (the plan's words), before the page
        // number in the corner.
        let start = lines.iter().position(|(_, w)| w.starts_with("演讲备注：")).expect("the speaker's notes");
        let source = lines.iter().find(|(_, w)| w.starts_with("《规划》第二章")).expect("the source line");
        let speaker: Vec<&(f64, String)> = lines[start..].iter().filter(|(_, w)| !w.contains(" / ")).collect();
        assert!(source.0 < lines[start].0, "under the source: {source:?} {:?}", lines[start]);
        assert!(speaker.first().is_some_and(|(_, w)| w.starts_with("演讲备注：先讲结论")), "{speaker:?}");
        assert!(speaker.iter().all(|(y, _)| *y < 595.0), "on the A4 page: {speaker:?}");
        assert!(speaker.len() <= 8, "{} lines", speaker.len());
        if handout[1].chars().count() > 400 {
            assert_eq!(speaker.len(), 8);
            assert!(speaker[7].1.ends_with('…'), "a long speech says it goes on: {:?}", speaker[7]);
        }
        assert!(!pages[2].contains("演讲备注"), "the slide without notes has none");
    }
}
