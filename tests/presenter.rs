//! Presenting: the slideshow in the plan's order, keys, the presenter's own deck saved and
//! loaded, and the exports.

mod common;

use common::app_exporting_to as harness;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use plan_explorer::app::PlanExplorerApp;
use plan_explorer::model::deck::{Deck, SlideContent};
use plan_explorer::model::evaluation::Verdict;

fn slide_title(harness: &Harness<'_, PlanExplorerApp>, k: usize) -> String {
    let app = harness.state();
    let deck = &app.presenting().expect("presenting").deck;
    match &deck.slides[k].content {
        SlideContent::Cover { title, .. } => title.clone(),
        SlideContent::EvaluationSummary => "终期评估：目标完成情况".to_string(),
        SlideContent::Measure(key) => app.summaries().iter().find(|s| &s.key == key).unwrap().name.clone(),
        SlideContent::Targets { chapter, .. } => {
            let i = app.doc().outline.index_of(chapter).expect("a chapter");
            format!("{} · 目标", app.doc().plan.nodes[i].heading())
        }
        // The regional slides: as the session titles them.
        _ => app.session().slide(&deck.slides[k], plan_explorer::i18n::Lang::Zh).title.clone(),
    }
}

/// Presses `key` and lets the app answer it.
fn press(harness: &mut Harness<'_, PlanExplorerApp>, key: Key) {
    harness.key_press(key);
    harness.run();
}

/// The app presenting the plan's deck at its GDP-by-盟市 slide: two back from the last (the
/// map and east-west over time follow it).
fn on_regional_slide(tag: &str) -> Harness<'static, PlanExplorerApp> {
    let mut harness = harness(tag);
    press(&mut harness, Key::F11);
    press(&mut harness, Key::End);
    press(&mut harness, Key::ArrowLeft);
    press(&mut harness, Key::ArrowLeft);
    harness
}

/// The text of the CSV file exported into `dir`.
fn exported_csv(dir: &std::path::Path) -> String {
    let path = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "csv"))
        .expect("a CSV");
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn f11_presents_arrows_move_and_escape_returns() {
    let mut harness = harness("keys");
    harness.key_press(Key::F11);
    harness.run();
    assert!(harness.state().presenting().is_some());
    let n = harness.state().presenting().unwrap().deck.slides.len();
    // The meeting's own slides first: the cover, dated today, then how many targets were met.
    assert_eq!(slide_title(&harness, 0), "内蒙古自治区“十三五”科技创新规划");
    harness.get_by_label(&plan_explorer::clock::local_date(plan_explorer::i18n::Lang::Zh));
    harness.get_by_label_contains("来源：《内蒙古自治区“十三五”科技创新规划》");
    harness.get_by_label_contains(&format!("1 / {n}"));
    harness.key_press(Key::ArrowRight);
    harness.run();
    harness.get_by_label("终期评估：目标完成情况");
    harness.get_by_label_contains("全部目标：完成 ");
    harness.key_press(Key::ArrowRight);
    harness.run();
    let first = slide_title(&harness, 2);
    assert_eq!(first, "研发经费占GDP比重（R&D/GDP）", "the plan's first measure with a target");
    harness.get_by_label(&first);
    harness.get_by_label_contains(&format!("3 / {n}"));
    // The caption and the source line.
    harness.get_by_label_contains("目标 2.2 %（2020）");
    harness.get_by_label_contains("来源：《规划》第二章");

    harness.key_press(Key::ArrowRight);
    harness.run();
    let second = slide_title(&harness, 3);
    harness.get_by_label(&second);
    assert_eq!(harness.state().presenting().unwrap().index, 3);
    harness.key_press(Key::PageUp);
    harness.run();
    assert_eq!(harness.state().presenting().unwrap().index, 2);
    harness.key_press(Key::End);
    harness.run();
    let app = harness.state();
    let p = app.presenting().unwrap();
    assert_eq!(p.index, p.deck.slides.len() - 1);
    // The east/west picture closes the deck: GDP per 盟市, the map, east and west over time.
    let closing: Vec<&SlideContent> = p.deck.slides.iter().rev().take(3).rev().map(|s| &s.content).collect();
    assert!(
        matches!(
            closing.as_slice(),
            [SlideContent::Regional { .. }, SlideContent::Map { .. }, SlideContent::EastWest { .. }]
        ),
        "{closing:?}"
    );

    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().presenting().is_none());
    harness.get_by_label("规划全文");
}

#[test]
fn a_chart_added_to_my_deck_is_saved_and_loaded_again() {
    let mut harness = harness("deck");
    harness.key_press(Key::F11);
    harness.run();
    harness.key_press(Key::ArrowRight);
    harness.run();
    harness.get_by_label("加入自选幻灯片").click();
    harness.run();
    // A note on a chart point is part of the slide.
    common::add_chart_note(&mut harness, "2018", "GDP修订");
    harness.get_by_label("加入自选幻灯片").click();
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    let deck = harness.state().my_deck().clone();
    assert_eq!(deck.slides.len(), 2);
    assert_eq!(deck.slides[1].notes[0].text, "GDP修订");

    let dir = harness.state().export_dir().to_path_buf();
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("my.deck.ron");
    common::save_my_deck(&mut harness, &path);
    assert!(path.is_file(), "{:?}", harness.state().messages());
    // Empty the deck with its own buttons, then load it back from the file.
    while !harness.state().my_deck().slides.is_empty() {
        harness.get_all_by_label("移除").next().expect("a remove button").click();
        harness.run();
    }
    harness.get_by_label("载入幻灯片").click();
    harness.run();
    assert_eq!(*harness.state().my_deck(), deck, "{:?}", harness.state().messages());
}

#[test]
fn the_briefing_holds_every_slide_with_its_sources() {
    let mut harness = harness("brief");
    let path = harness.state_mut().export_briefing().expect("written");
    let html = std::fs::read_to_string(&path).unwrap();
    let app = harness.state();
    let deck = Deck::from_plan(app.doc(), None, Vec::new(), &|_| true);
    for slide in &deck.slides {
        let SlideContent::Measure(key) = &slide.content else { continue };
        let s = app.summaries().iter().find(|s| &s.key == key).unwrap();
        assert!(html.contains(&s.name.replace('&', "&amp;")), "{}", s.name);
        let quote =
            app.doc().plan.indicators.iter().find(|i| i.measure == *key && i.target.is_some()).unwrap().quote.clone();
        assert!(html.contains(&quote.replace('&', "&amp;")), "source of {key}");
    }
    assert!(html.contains("<svg") && !html.contains("<script") && !html.contains("http-equiv"));
    assert!(html.contains("page-break-after"), "one slide per printed page");
}

#[test]
fn the_briefing_opens_with_its_cover_the_summary_and_the_final_evaluation() {
    let mut harness = harness("brief-eval");
    let path = harness.state_mut().export_briefing().expect("written");
    let html = std::fs::read_to_string(&path).unwrap();
    let sections: Vec<&str> = html.split("<section>").skip(1).collect();
    assert!(sections[0].contains("<h2>1. 内蒙古自治区“十三五”科技创新规划</h2>"), "the cover: {}", sections[0]);
    assert!(sections[1].contains("<h2>2. 终期评估：目标完成情况</h2>"), "the summary: {}", sections[1]);
    assert!(sections[2].contains("终期评估：各目标在目标年份的实际值"), "then the whole evaluation");
    // The summary: the counts by verdict, and each headline indicator's verdict as a row.
    let app = harness.state();
    let count = |v: Verdict| app.evaluations().iter().filter(|e| e.verdict == v).count();
    let counts = format!(
        "全部目标：完成 {} · 基本完成 {} · 未完成 {} · 无数据 {}",
        count(Verdict::Met),
        count(Verdict::NearlyMet),
        count(Verdict::NotMet),
        count(Verdict::NoData)
    );
    assert!(sections[1].contains(&counts), "{counts}: {}", sections[1]);
    let headlines: Vec<_> =
        app.doc().plan.headlines.iter().filter(|h| app.evaluations().iter().any(|e| e.key == h.measure)).collect();
    assert!(headlines.len() >= 4, "{}", headlines.len());
    assert_eq!(sections[1].matches("<tr>").count(), headlines.len() + 1, "a row per headline indicator");
    let rd = sections[1].split("<tr>").find(|r| r.contains("研究与试验发展经费占生产总值比重")).expect("the R&D row");
    assert!(rd.contains("2.2 %（2020） → 0.93 %") && rd.contains("未完成"), "{rd}");
    let first = html.find(sections[2]).expect("the evaluation section");
    // Every judged target has a row (the full table is the evaluation CSV); R&D intensity
    // missed 2.2 % with 0.93 % in 2020.
    let section = &html[first..html[first..].find("</section>").unwrap() + first];
    let judged = app.evaluations().iter().filter(|e| e.verdict != Verdict::NoData).count();
    assert!(judged >= 4);
    // The header row, then one row per judged target.
    assert_eq!(section.matches("<tr>").count(), judged + 1);
    let row = section.split("<tr>").find(|r| r.contains("研发经费占GDP比重")).expect("R&D row");
    assert!(row.contains("2.2 %（2020）") && row.contains("0.93 %") && row.contains("未完成"), "{row}");
}

#[test]
fn the_indicator_table_exports_as_csv() {
    let mut harness = harness("table");
    let path = harness.state_mut().export_table().expect("written");
    let csv = std::fs::read_to_string(path).unwrap();
    // A UTF-8 BOM first, so that Excel on Windows reads the Chinese right.
    let csv = csv.strip_prefix('\u{feff}').expect("a BOM");
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "measure,name,unit,baseline_year,baseline,target_year,target,comparator,required_growth_pct,latest_year,latest,status"
        )
    );
    assert!(
        csv.lines().any(
            // The latest value of the series the chart draws and the evaluation judges by.
            |l| l == "rd_intensity,研发经费占GDP比重（R&D/GDP）,%,2015,0.76,2020,2.2,reach,23.69,2022,0.9,Limited"
        ),
        "{csv}"
    );
}

/// The PNGs the presenter wrote to `dir`, by name.
fn pngs(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "png")).collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

#[test]
fn a_slide_png_is_drawn_from_the_slide_at_the_asked_size_without_the_controls() {
    let mut harness = harness("png");
    harness.key_press(Key::F11);
    harness.run();
    // Past the cover and the evaluation's summary, to the first chart.
    press(&mut harness, Key::ArrowRight);
    press(&mut harness, Key::ArrowRight);
    for (item, size) in [("2× · 1920×1080", (1920, 1080)), ("4× · 3840×2160 (4K)", (3840, 2160))] {
        harness.get_by_label("导出 PNG").click();
        harness.run();
        harness.get_by_label(item).click();
        harness.run();
        let dir = harness.state().export_dir().to_path_buf();
        let written = pngs(&dir);
        let newest =
            written.iter().find(|p| p.to_string_lossy().contains(&format!("{}x", size.0 / 960))).expect("a PNG");
        let image = image::open(newest).expect("a valid PNG").to_rgba8();
        // A drawing of the slide, not a screen grab: exactly the asked size, whatever the window.
        assert_eq!(image.dimensions(), size);
        // The plan's target is on it, in the target's vermilion.
        assert!(image.pixels().any(|p| p.0[..3] == [213, 94, 0]), "no target marker");
        // No control bar: the bottom strip is the slide's background and its page number only.
        let (w, h) = image.dimensions();
        let strip_ink = (0..w * 3 / 4)
            .flat_map(|x| (h - h / 30..h).map(move |y| (x, y)))
            .filter(|&(x, y)| image.get_pixel(x, y).0[0] < 200)
            .count();
        assert_eq!(strip_ink, 0, "something is drawn along the bottom of the slide");
    }
    assert!(
        harness.state().messages().iter().any(|m| m.text.contains("slide-3-4x.png")),
        "the app says where it wrote"
    );
}

#[test]
fn exporting_again_never_overwrites_the_earlier_file() {
    let mut harness = harness("again");
    let first = harness.state_mut().export_briefing().expect("written");
    let second = harness.state_mut().export_briefing().expect("written");
    assert_ne!(first, second);
    assert!(first.is_file() && second.is_file());
    assert!(second.to_string_lossy().ends_with("briefing-2.html"), "{}", second.display());
}

#[test]
fn the_regional_slide_exports_its_table_as_csv() {
    let mut harness = on_regional_slide("regional-csv");
    harness.get_by_label("导出数据 CSV").click();
    harness.run();
    let text = exported_csv(harness.state().export_dir());
    assert!(text.contains("盟市") && text.contains("呼和浩特"), "{text}");
}

#[test]
fn the_default_deck_charts_what_has_data_and_gathers_lone_targets_by_chapter() {
    let mut harness = harness("targets");
    harness.key_press(Key::F11);
    harness.run();
    let app = harness.state();
    let deck = app.presenting().expect("presenting").deck.clone();
    let mut seen = Vec::new();
    let mut tables = 0;
    let mut charts = 0;
    for slide in &deck.slides {
        match &slide.content {
            SlideContent::Measure(key) => {
                charts += 1;
                seen.push(key.clone());
                // A chart slide has something besides the target to look at.
                let s = app.summaries().iter().find(|s| &s.key == key).unwrap();
                let scenarios_have_it = app.scenarios().iter().any(|l| {
                    l.scenario.series.iter().any(|x| &x.indicator == key && (x.region == "全区" || x.region == "全国"))
                });
                assert!(!s.baselines.is_empty() || scenarios_have_it, "{key} has a chart slide with only its target");
            }
            SlideContent::Targets { measures, .. } => {
                tables += 1;
                seen.extend(measures.iter().cloned());
            }
            _ => {}
        }
    }
    assert!(tables >= 3, "{tables} targets slides");
    // In the plan's order: each slide where its (first) target is stated.
    let doc = app.doc();
    let measures = plan_explorer::model::Measure::group(&doc.plan.indicators);
    let stated_at = |key: &str| {
        let m = measures.iter().find(|m| m.key == key).expect("a measure");
        let (statement, _) = m.main_target().expect("a target");
        doc.outline.index_of(&statement.source_node).expect("in the text")
    };
    let positions: Vec<usize> = deck
        .slides
        .iter()
        .filter_map(|s| match &s.content {
            SlideContent::Measure(key) => Some(stated_at(key)),
            SlideContent::Targets { measures, .. } => measures.iter().map(|k| stated_at(k)).min(),
            _ => None,
        })
        .collect();
    assert!(positions.windows(2).all(|w| w[0] <= w[1]), "not in plan order: {positions:?}");
    // Every target of the plan's text is on exactly one slide.
    let mut targets: Vec<String> = app
        .summaries()
        .iter()
        .filter(|s| s.target.is_some() && s.source_node.is_some())
        .map(|s| s.key.clone())
        .collect();
    targets.sort();
    seen.sort();
    assert_eq!(seen, targets);
    let about = plan_explorer::session::slides::deck_description(&deck, plan_explorer::i18n::Lang::Zh);
    assert!(
        about.is_some_and(|a| a.contains(&format!("{} 个仅有目标值", seen.len() - charts))),
        "the deck says how it was built"
    );
}

#[test]
fn the_pdf_briefing_has_a_page_per_slide() {
    let mut harness = harness("pdf");
    harness.key_press(Key::F11);
    harness.run();
    harness.get_by_label("导出简报 PDF").click();
    harness.run();
    // Drawn on a worker: the window keeps drawing meanwhile, and says so.
    assert!(
        harness
            .state()
            .messages()
            .iter()
            .any(|m| m.text.starts_with("正在后台导出") && m.text.contains("briefing.pdf"))
    );
    common::step_until(&mut harness, "the PDF briefing", |app| !app.exporting());
    let path = harness.state().export_dir().join("briefing.pdf");
    let bytes = std::fs::read(&path).expect("written");
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.starts_with("%PDF"));
    let pages = text.matches("/Type /Page").count() - text.matches("/Type /Pages").count();
    // The evaluation, then every slide of the running deck.
    let slides = harness.state().presenting().expect("presenting").deck.slides.len();
    assert_eq!(pages, slides + 1);
    assert!(harness.state().messages().iter().any(|m| m.text.contains("briefing.pdf")), "the app says where it wrote");
}

#[test]
fn a_presenter_sees_where_an_export_went() {
    let mut harness = harness("toast");
    harness.key_press(Key::F11);
    harness.run();
    press(&mut harness, Key::End);
    harness.get_by_label("导出数据 CSV").click();
    harness.run();
    // On screen, not only in the (hidden) message panel.
    let n = harness.state().presenting().expect("presenting").deck.slides.len();
    harness.get_by_label_contains(&format!("slide-{n}.csv"));
}

#[test]
fn the_map_slide_shows_each_league_and_pin_and_exports_its_values() {
    let mut harness = harness("map-slide");
    for key in [Key::F11, Key::End, Key::ArrowLeft] {
        press(&mut harness, key);
    }
    harness.get_by_label("地图：任务与条目");
    // 鄂尔多斯's count, as the map page shows it, and the plan's places as pins.
    let counts = plan_explorer::model::regional::PlanCounts::new(
        harness.state().doc(),
        plan_explorer::model::regional::PlanMetric::Tasks,
    );
    let ordos = counts.cities.iter().find(|c| c.0 == "鄂尔多斯").map(|c| c.2.len()).expect("鄂尔多斯");
    harness.get_by_label(&format!("鄂尔多斯\n{ordos}"));
    harness.get_by_label("满洲里（满洲里市）");
    // Its data as CSV: one row per 盟市 with the count.
    harness.get_by_label("导出数据 CSV").click();
    harness.run();
    let text = exported_csv(harness.state().export_dir());
    assert!(text.contains(&format!("鄂尔多斯,西部,{ordos},")), "{text}");
    // The next slide: east and west over time, the latest shares in its caption.
    press(&mut harness, Key::ArrowRight);
    harness.get_by_label("地区生产总值（现价）：东部与西部");
    harness.get_by_label_contains("2021：东部 31.1% · 西部 68.9%");
}

#[test]
fn the_map_and_east_west_over_time_can_be_added_to_my_deck() {
    let mut harness = harness("add-map");
    harness.get_by_label("地图").click();
    harness.run();
    harness.get_by_label("加入自选幻灯片").click();
    harness.run();
    harness.get_by_label("东西部").click();
    harness.run();
    // Below the statistics: scrolled to, as a user would.
    harness.get_by_label("加入自选幻灯片").scroll_to_me();
    harness.run();
    harness.get_by_label("加入自选幻灯片").click();
    harness.run();
    let slides: Vec<SlideContent> = harness.state().my_deck().slides.iter().map(|s| s.content.clone()).collect();
    assert_eq!(
        slides,
        [
            SlideContent::Map { series: "tasks".into(), year: None },
            SlideContent::EastWest { indicator: "gdp".into(), unit: "亿元".into() },
        ]
    );
}

#[test]
fn pagedown_space_and_home_step_the_deck_and_plus_and_minus_size_the_type_which_is_remembered() {
    let dir = common::temp_dir("presenter-scale");
    let mut harness = common::AppBuilder::new().settings_in(&dir).build();
    press(&mut harness, Key::F11);
    let index = |h: &Harness<'_, PlanExplorerApp>| h.state().presenting().expect("presenting").index;
    press(&mut harness, Key::PageDown);
    assert_eq!(index(&harness), 1);
    press(&mut harness, Key::Space);
    assert_eq!(index(&harness), 2);
    press(&mut harness, Key::Home);
    assert_eq!(index(&harness), 0);

    // The slide's title grows with +, twice, and shrinks with −.
    press(&mut harness, Key::End);
    let last = index(&harness);
    let title = slide_title(&harness, last);
    let height = |h: &Harness<'_, PlanExplorerApp>| h.get_by_label(&title).rect().height();
    let normal = height(&harness);
    for _ in 0..2 {
        harness.event(egui::Event::Text("+".into()));
        harness.run();
    }
    let bigger = height(&harness);
    assert!(bigger > normal * 1.1, "{normal} → {bigger}");
    harness.event(egui::Event::Text("-".into()));
    harness.run();
    let one_less = height(&harness);
    assert!(one_less < bigger && one_less > normal, "{normal} < {one_less} < {bigger}");

    // Started again, the presenter speaks as large as it was left.
    common::close(harness);
    let mut again = common::AppBuilder::new().settings_in(&dir).build();
    press(&mut again, Key::F11);
    press(&mut again, Key::End);
    assert!((again.get_by_label(&title).rect().height() - one_less).abs() < 0.5);
}

#[test]
fn projector_contrast_draws_black_on_white_even_from_the_dark_theme_and_is_remembered() {
    let dir = common::temp_dir("presenter-contrast");
    let mut harness = common::AppBuilder::new().settings_in(&dir).build();
    harness.get_by_label("深色").click();
    harness.run();
    assert_eq!(harness.ctx.theme(), egui::Theme::Dark);
    press(&mut harness, Key::F11);
    harness.get_by_label("投影高对比").click();
    harness.run();
    let projector = |h: &Harness<'_, PlanExplorerApp>| {
        let visuals = h.ctx.style_of(h.ctx.theme()).visuals.clone();
        (h.ctx.theme(), visuals.override_text_color, visuals.panel_fill)
    };
    let expected = (egui::Theme::Light, Some(egui::Color32::BLACK), egui::Color32::WHITE);
    assert_eq!(projector(&harness), expected);
    common::close(harness);
    let mut again = common::AppBuilder::new().settings_in(&dir).build();
    again.run();
    assert_eq!(projector(&again), expected, "kept after a restart");
}

#[test]
fn a_note_on_a_year_far_from_the_plan_is_refused_in_the_window_and_in_a_deck_file() {
    let mut harness = harness("note-year");
    press(&mut harness, Key::F11);
    common::add_chart_note(&mut harness, "2", "GDP修订");
    let p = harness.state().presenting().expect("presenting");
    assert!(p.deck.slides[p.index].notes.is_empty(), "the note was not added");
    assert!(
        harness.state().messages().iter().any(|m| m.text.contains("2 年远离规划期：请写 2001–2035 年之间的年份")),
        "{:?}",
        harness.state().messages().iter().map(|m| &m.text).collect::<Vec<_>>()
    );
    // A deck file with such a note is refused at the note's year.
    let dir = harness.state().export_dir().to_path_buf();
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("far.deck.ron");
    let text = "(format_version: 1, name: \"d\", slides: [(content: Measure(\"rd_intensity\"), notes: [(year: 2, text: \"x\")])])";
    std::fs::write(&path, text).unwrap();
    let refused = Deck::load(&path, &harness.state().session().deck_terms()).expect_err("refused");
    // At the note's year field: its line and column.
    let col = text.find("year: 2").unwrap() + 1;
    assert!(
        refused.iter().any(|d| (d.line, d.col) == (1, col) && d.message.starts_with("the year 2 is far")),
        "{refused:?}"
    );
}

#[test]
fn larger_type_keeps_every_bar_named_and_projector_contrast_fills_the_bars() {
    let mut harness = on_regional_slide("bar-names");
    // + twice dropped 锡林郭勒盟: its name was wider than its bar's slot.
    for _ in 0..2 {
        harness.event(egui::Event::Text("+".into()));
        harness.run();
    }
    let axis = common::league_axis(&harness);
    let expected: Vec<String> = common::LEAGUES.iter().map(|l| l.to_string()).collect();
    assert_eq!(axis.iter().map(|n| n.trim_end_matches(['市'])).collect::<Vec<_>>(), expected, "{axis:?}");

    // Bars as egui_plot fills them: a pale tint (a fifth of the colour's alpha) inside the
    // outline. On the projector they are solid. (Bars are wider than the legend's swatches.)
    let solid = |h: &Harness<'_, PlanExplorerApp>| {
        let coloured = |c: &egui::Color32| c.a() == 255 && (c.r() != c.g() || c.g() != c.b());
        common::painted(h).fills.iter().filter(|(r, c)| r.width() > 20.0 && coloured(c)).count()
    };
    assert_eq!(solid(&harness), 0, "pastel bars on screen");
    harness.get_by_label("投影高对比").click();
    harness.run();
    assert!(solid(&harness) >= 12, "one solid bar per 盟市, {} found", solid(&harness));
}

#[test]
fn a_targets_slide_exported_keeps_each_quote_whole_wrapped_in_its_column() {
    let session = common::loading::session();
    let lang = plan_explorer::i18n::Lang::Zh;
    let deck = session.default_deck(None, lang);
    let specs: Vec<_> = deck
        .slides
        .iter()
        .filter(|s| matches!(s.content, SlideContent::Targets { .. }))
        .map(|s| session.slide(s, lang))
        .collect();
    let (spec, table) = specs
        .iter()
        .find_map(|s| match &s.body {
            plan_explorer::model::slide::SlideBody::Table(t) => Some((s, t)),
            _ => None,
        })
        .expect("a targets slide");
    let svg = plan_explorer::model::export::briefing::slide_svg(spec, "1 / 1", (1920.0, 1080.0));
    let doc = roxmltree::Document::parse(&svg).expect("SVG");
    // The lines of text at the quote column's x, top to bottom, joined.
    let texts: Vec<(f64, f64, String)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| {
            let x = n.attribute("x")?.parse().ok()?;
            let y = n.attribute("y")?.parse().ok()?;
            Some((x, y, n.text().unwrap_or_default().to_string()))
        })
        .collect();
    let header_x = texts.iter().find(|(_, _, t)| *t == table.header[2]).expect("the quote column's header").0;
    let column: String =
        texts.iter().filter(|(x, _, _)| (*x - header_x).abs() < 0.5).map(|(_, _, t)| t.as_str()).collect();
    assert!(!column.contains('…'), "a quote is cut short: {column}");
    let shown: Vec<&Vec<String>> = table.rows.iter().filter(|r| column.contains(r[2].as_str())).collect();
    assert!(!shown.is_empty(), "no quote whole in {column}");
    // Some quote is longer than its column: it runs over several lines, every character kept.
    let wrapped = shown.iter().any(|r| !texts.iter().any(|(_, _, t)| *t == r[2]));
    assert!(wrapped, "no quote wraps: {column}");
}
