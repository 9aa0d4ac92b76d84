//! The command line, run as the real binary.

mod common;

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    common::run_cli(args)
}

#[test]
fn check_accepts_the_embedded_plan() {
    let (code, out, _) = run(&["check"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("plan.ron: ok: 753 nodes"), "{out}");
}

#[test]
fn check_names_file_line_and_column_of_a_broken_file() {
    let dir = std::env::temp_dir().join(format!("pe-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("broken.ron");
    std::fs::write(&path, "(\n  format_version: 1,\n  meta: oops\n)").unwrap();
    let (code, out, _) = run(&["check", path.to_str().unwrap()]);
    assert_ne!(code, 0);
    let expected = format!("{}:3:", path.display());
    assert!(out.contains(&expected), "{out}");
}

#[test]
fn nodes_csv_has_one_row_per_node_with_places() {
    let (code, out, _) = run(&["nodes", "--format", "csv"]);
    assert_eq!(code, 0);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("id,parent,kind,number,title,line,cities,regions,corrected"));
    assert_eq!(out.lines().count(), 754);
    assert!(
        out.lines()
            .any(|l| l
                .starts_with("box17,ch4.s7,box,专栏17,白云鄂博稀土资源绿色开采、高效选别和综合利用,469,包头,西部,yes")),
        "box17 row"
    );
}

#[test]
fn indicators_csv_quotes_every_statement_and_flags_the_conflict() {
    let (code, out, _) = run(&["indicators", "--format", "csv"]);
    assert_eq!(code, 0);
    let header = out.lines().next().unwrap();
    for column in [
        "id",
        "name",
        "unit",
        "baseline_year",
        "baseline",
        "target_year",
        "target",
        "comparator",
        "source_node",
        "quote",
    ] {
        assert!(header.split(',').any(|c| c == column), "{column} in {header}");
    }
    assert!(out.lines().count() > 100);
    let row = out.lines().find(|l| l.starts_with("rd_intensity.target,")).unwrap();
    assert!(
        row.contains(",2020,2.2,") && row.contains("全社会研究与试验发展（R&D）经费占生产总值比重达到2.2%"),
        "{row}"
    );
    // The target row carries its measure's 2015 baseline (stated in another sentence).
    assert!(row.ends_with(",2015,0.76"), "{row}");
    // The multiple and the growth rate that cannot both be true: both rows say so.
    for id in ["fiscal_st_appropriation_multiple.2015,", "fiscal_st_appropriation_growth.2011_2015,"] {
        let line = out.lines().find(|l| l.starts_with(id)).unwrap();
        assert!(line.contains("1.8倍（5年）按复合增长需年均12.47%，文中年均增速为15.68%"), "{line}");
    }
    let conflict = out.lines().find(|l| l.starts_with("academician_workstations.target_ch9,")).unwrap();
    assert!(
        conflict.contains(",academician_workstations.target_ch9=100;academician_workstations.target_ch17=150,"),
        "{conflict}"
    );
}

#[test]
fn search_finds_by_number_first() {
    let (code, out, _) = run(&["search", "第十三章"]);
    assert_eq!(code, 0);
    assert!(out.lines().nth(1).unwrap().starts_with("ch13 "), "{out}");
    let (_, out, _) = run(&["search", "稀土", "--limit", "5"]);
    assert!(out.starts_with("51 matches for `稀土`"), "{out}");
    assert_eq!(out.lines().count(), 6);
}

#[test]
fn import_reproduces_plan_ron() {
    let root = env!("CARGO_MANIFEST_DIR");
    let (code, out, err) = run(&[
        "import",
        &format!("{root}/assets/source/plan.txt"),
        "--curation",
        &format!("{root}/assets/curation.ron"),
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, std::fs::read_to_string(format!("{root}/plan.ron")).unwrap());
}

#[test]
fn check_reports_plans_and_scenarios_in_the_order_given() {
    let root = env!("CARGO_MANIFEST_DIR");
    let (plan, trend) = (format!("{root}/plan.ron"), format!("{root}/scenarios/trend.ron"));
    let (code, out, _) = run(&["check", &trend, &plan, &trend]);
    assert_eq!(code, 0, "{out}");
    let names: Vec<&str> = out.lines().map(|l| l.split(": ok:").next().unwrap()).collect();
    assert_eq!(names, vec![trend.as_str(), plan.as_str(), trend.as_str()]);
}

fn temp_dir(tag: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("pe-cli-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `text` written as `name` in a fresh folder of its own.
fn written(tag: &str, name: &str, text: &str) -> std::path::PathBuf {
    let path = temp_dir(tag).join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn check_tells_plans_from_scenarios_by_structure_not_by_words() {
    let root = env!("CARGO_MANIFEST_DIR");
    let good = std::fs::read_to_string(format!("{root}/tests/fixtures/scenarios/good.ron")).unwrap();
    // A description that happens to contain "nodes:" does not make a scenario a plan.
    let tricky = good.replace("A small valid scenario.", "Compare with nodes: ch2 and ch4.");
    // Compact RON, as ron::to_string writes it, is a scenario too.
    let compact = good.lines().map(str::trim).collect::<Vec<_>>().join("");
    let dir = temp_dir("kind");
    for (name, text) in [("tricky.ron", tricky), ("compact.ron", compact)] {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        let (code, out, _) = run(&["check", path.to_str().unwrap()]);
        assert_eq!(code, 0, "{name}: {out}");
        assert!(out.contains("ok: scenario `测试情景`"), "{name}: {out}");
    }
}

#[test]
fn output_goes_through_links_keeps_permissions_and_dash_is_standard_output() {
    let root = env!("CARGO_MANIFEST_DIR");
    let (source, curation) = (format!("{root}/assets/source/plan.txt"), format!("{root}/assets/curation.ron"));
    let (code, out, err) = run(&["import", &source, "--curation", &curation, "-o", "-"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, std::fs::read_to_string(format!("{root}/plan.ron")).unwrap());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let dir = temp_dir("link");
        let real = dir.join("real.ron");
        std::fs::write(&real, "old").unwrap();
        std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).unwrap();
        let link = dir.join("link.ron");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let (code, _, err) = run(&["import", &source, "--curation", &curation, "-o", link.to_str().unwrap()]);
        assert_eq!(code, 0, "{err}");
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert!(std::fs::read_to_string(&real).unwrap().starts_with('('));
        assert_eq!(std::fs::metadata(&real).unwrap().permissions().mode() & 0o777, 0o600);
    }
}

#[test]
fn a_scale_out_of_range_is_refused_not_clamped() {
    let (code, _, err) = run(&["synth", "--scale", "2000"]);
    assert_eq!(code, 1);
    assert!(err.contains("--scale 2000: the scale must be 1 to 1000"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_reader_that_stops_early_ends_the_command_quietly() {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_plan-explorer"))
        .args(["synth", "--scale", "5"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The pipe's reading end is gone now, as with `| head`.
    let out = child.wait_with_output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("Broken pipe"), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn evaluate_judges_every_target_by_its_value_in_the_target_year_with_the_source() {
    let (code, out, err) = run(&["evaluate", "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header[..10],
        [
            "measure",
            "name",
            "unit",
            "comparator",
            "target_year",
            "target",
            "target_upper",
            "verdict",
            "judged_year",
            "judged_value"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let row = |key: &str| rows.iter().find(|r| &r[0] == key).unwrap_or_else(|| panic!("no row {key}")).clone();
    // 2020 values from the shipped actuals: R&D intensity 0.93 % (NBS bulletin) < 2.2 %;
    // technology contracts 35.954 亿元 (sold side, yearbook) < 300; science literacy 8.73 % ≤ 10 %.
    for (key, value) in [("rd_intensity", "0.93"), ("tech_contract_value", "35.954"), ("science_literacy", "8.73")] {
        let r = row(key);
        assert_eq!((&r[7], &r[8], &r[9]), ("not met", "2020", value), "{r:?}");
        assert!(r[13].starts_with("http"), "{r:?}");
    }
    // Patents per 10,000 people: 2.89 in 2020 is 96.3 % of 3 — nearly met — and 2021
    // reached it: met late.
    let patents = row("invention_patents_per_10k");
    assert_eq!((&patents[7], &patents[9], &patents[11], &patents[14]), ("nearly met", "2.89", "2021", "96.3"));
    // The business share of R&D: no 2020 value is shipped, so no verdict and no year met
    // (the 88.5 % of 2015 is another source's, and is not dated as this target's success).
    let business = row("enterprise_rd_share");
    assert_eq!((&business[7], &business[11]), ("no data", ""));
    // A target stated as a growth rate has no data without the two levels it needs.
    assert_eq!(&row("rd_personnel_growth")[7], "no data");
    // The plan's rival target for 院士专家工作站 (100 in 第九章, 150 in 第十七章) is in its row.
    assert_eq!(&row("academician_workstations")[17], "150");
    // Standing rules of policy have no deadline: no row, and the table lists them apart.
    assert!(rows.iter().all(|r| &r[0] != "transfer_income_reward_share"));
    let (_, table, _) = run(&["evaluate"]);
    let apart = table.split("standing rules, with no deadline (not judged): 5\n").nth(1).expect("listed apart");
    assert!(apart.contains("rule        成果转让净收入提取用于奖励的比例  ≥ 50 %"), "{apart}");

    let (code, md, _) = run(&["evaluate", "--format", "md"]);
    assert_eq!(code, 0);
    let not_met = rows.iter().filter(|r| &r[7] == "not met").count();
    assert!(md.contains(&format!("met 0 (完成), nearly met 1 (基本完成), not met {not_met} (未完成)")), "{md}");
    assert!(md.contains(&format!("已判定 {} 项中完成 0 项，完成率 0.0%", not_met + 1)), "{md}");
    // Header, rule, one line per target.
    assert_eq!(md.lines().filter(|l| l.starts_with("| ")).count(), rows.len() + 2);
}

#[test]
fn evaluate_counts_the_actual_series_of_a_scenario_file_too() {
    let path = written(
        "eval",
        "ranks.ron",
        r#"(format_version: 1, name: "rank", plan: "内蒙古自治区“十三五”科技创新规划", series: [
            (id: "r", indicator: "overall_st_rank", region: "全区", unit: "位", kind: Actual, label: "排位", source: "https://example.org/rank",
             points: [(year: 2020, value: 19)]),
        ])"#,
    );
    let (code, out, err) = run(&["evaluate", "--format", "csv", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let line = out.lines().find(|l| l.starts_with("overall_st_rank,")).expect("rank row");
    assert!(line.contains(",met,2020,19,"), "{line}");
    // Without --format: a table to read, the counts first, the verdict in words on each line.
    let (code, table, err) = run(&["evaluate", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(table.starts_with("met 1, nearly met 1, not met "), "{table}");
    assert!(table.contains("“Nearly met”: short of the target but at least 90 % of it"), "{table}");
    let rank = table.lines().find(|l| l.contains("综合科技实力全国排位")).expect("the rank's line");
    assert!(rank.starts_with("met ") && rank.contains("→ 19 位") && rank.contains("· 排位"), "{rank}");
}

#[test]
fn evaluate_shows_a_verdict_a_person_set_with_what_the_data_give_and_why_in_every_format() {
    let path = written(
        "verdict",
        "judged.ron",
        r#"(format_version: 1, name: "复核", plan: "内蒙古自治区“十三五”科技创新规划", series: [],
            verdicts: [(measure: "high_tech_enterprises", year: 2020, verdict: Met, note: "科技厅年终总结")])"#,
    );
    let file = path.to_str().unwrap();
    let (code, table, err) = run(&["evaluate", file]);
    assert_eq!(code, 0, "{err}");
    let line = table.lines().find(|l| l.contains("国家高新技术企业")).expect("its line");
    assert!(
        line.starts_with("met ") && line.contains("set by a person, the data give no data: 科技厅年终总结"),
        "{line}"
    );
    let (_, csv, _) = run(&["evaluate", "--format", "csv", file]);
    let row = csv.lines().find(|l| l.starts_with("high_tech_enterprises,")).expect("its row");
    assert!(row.contains(",met,") && row.ends_with(",no data,科技厅年终总结,复核"), "{row}");
    let docx = path.with_file_name("r.docx");
    let (code, _, err) = run(&["evaluate", "--format", "docx", "-o", docx.to_str().unwrap(), file]);
    assert_eq!(code, 0, "{err}");
    let mut xml = String::new();
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).unwrap();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    assert!(xml.contains("人工判定（按数据为无数据）：科技厅年终总结"), "the report says what was set and why");
}

#[test]
fn map_writes_each_league_with_its_value_class_and_colour() {
    let (code, out, err) = run(&["map", "--series", "rd_expenditure", "--year", "2015", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("json");
    let leagues = json["leagues"].as_array().expect("leagues");
    let names: Vec<&str> = leagues.iter().map(|l| l["name"].as_str().unwrap()).collect();
    assert_eq!(names[..5], ["呼伦贝尔", "兴安盟", "通辽", "赤峰", "锡林郭勒盟"], "east first");
    assert_eq!(names.len(), 12);
    // R&D spending 2015 is published for a few 盟市 only; the others are gaps, grey, not 0.
    let hulunbuir = &leagues[0];
    assert!(hulunbuir["value"].is_null() && hulunbuir["class"].is_null());
    assert_eq!(hulunbuir["color"], "#dddddd");
    // Each value sits in the legend class whose colour it has.
    let legend = json["legend"].as_array().unwrap();
    for l in leagues.iter().filter(|l| !l["value"].is_null()) {
        let v = l["value"].as_f64().unwrap();
        let class = &legend[l["class"].as_u64().unwrap() as usize];
        assert!(class["from"].as_f64().unwrap() <= v && v <= class["to"].as_f64().unwrap(), "{l}");
        assert_eq!(class["color"], l["color"]);
    }
    assert!(leagues.iter().filter(|l| !l["value"].is_null()).count() >= 3);
}

#[test]
fn map_draws_svg_and_names_what_it_cannot_draw() {
    let dir = std::env::temp_dir().join(format!("pe-cli-map-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("map.svg");
    let (code, _, err) = run(&["map", "-o", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let svg = std::fs::read_to_string(&path).unwrap();
    assert_eq!(svg.matches("<path ").count(), 12);
    assert!(svg.contains("<title>鄂尔多斯市</title>"), "{svg:.200}");
    assert!(svg.contains("地图：任务与条目"), "the map export has the title the window and the slides give it");
    let (code, _, err) = run(&["map", "--series", "no_such_series"]);
    assert_ne!(code, 0);
    assert!(err.contains("no per-盟市 series `no_such_series`") && err.contains("gdp"), "{err}");
    let (code, _, err) = run(&["map", "--series", "gdp", "--year", "1999"]);
    assert_ne!(code, 0);
    assert!(err.contains("no values for 1999"), "{err}");
}

#[test]
fn map_pins_the_plans_places_and_writes_a_scenarios_halves_and_a_png() {
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/scenarios/east_west.ron");
    let (code, out, err) =
        run(&["map", "--series", "gdp", "--year", "2025", "--scenario", fixture, "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("json");
    let pins = json["pins"].as_array().expect("pins");
    let manzhouli = pins.iter().find(|p| p["place"] == "满洲里").expect("满洲里 is pinned");
    assert_eq!((manzhouli["county"].as_str(), manzhouli["city"].as_str()), (Some("满洲里市"), Some("呼伦贝尔")));
    assert!(manzhouli["paragraphs"].as_u64().unwrap() >= 1);
    // The file's own 东部/西部 figures, named and marked, since their 盟市 are unknown in 2025.
    let halves: Vec<&str> = json["halves"].as_array().unwrap().iter().map(|h| h["text"].as_str().unwrap()).collect();
    assert_eq!(halves, ["东部：7400 亿元（东西部情景 · 预测）", "西部：17600 亿元（东西部情景 · 预测）"]);
    let chifeng = json["leagues"].as_array().unwrap().iter().find(|l| l["name"] == "赤峰").unwrap();
    assert_eq!((chifeng["value"].as_f64(), chifeng["projected"].as_bool()), (Some(2300.0), Some(true)));
    // The same map as PNG, its format taken from the file name, at twice the size.
    let dir = std::env::temp_dir().join(format!("pe-cli-map-png-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (one, two) = (dir.join("m.png"), dir.join("m2.png"));
    assert_eq!(run(&["map", "--series", "gdp", "-o", one.to_str().unwrap()]).0, 0);
    assert_eq!(run(&["map", "--series", "gdp", "--scale", "2", "-o", two.to_str().unwrap()]).0, 0);
    let width = |p: &std::path::Path| {
        let bytes = std::fs::read(p).unwrap();
        assert!(bytes.starts_with(b"\x89PNG"));
        u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]])
    };
    assert_eq!(width(&one), 1100);
    assert_eq!(width(&two), 2200);
}

#[test]
fn chart_writes_the_format_its_file_name_asks_for() {
    let dir = std::env::temp_dir().join(format!("pe-cli-chart-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, magic) in [("c.png", &b"\x89PNG"[..]), ("c.pdf", b"%PDF"), ("c.svg", b"<svg"), ("c.json", b"{")] {
        let path = dir.join(name);
        let (code, _, err) = run(&["chart", "rd_intensity", "-o", path.to_str().unwrap()]);
        assert_eq!(code, 0, "{err}");
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(magic), "{name} starts with {:?}", &bytes[..8.min(bytes.len())]);
    }
    // A 2× PNG is 1920×1080.
    let path = dir.join("c2.png");
    run(&["chart", "rd_intensity", "--scale", "2", "-o", path.to_str().unwrap()]);
    let image = image::open(&path).expect("a PNG");
    assert_eq!((image.width(), image.height()), (1920, 1080));
}

#[test]
fn chart_json_is_the_spec_with_styles_axes_and_legend() {
    let (code, out, err) = run(&["chart", "rd_intensity", "--format", "json", "--english"]);
    assert_eq!(code, 0, "{err}");
    let spec: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(spec["y_axis"]["unit"], "%");
    assert_eq!(spec["legend_placement"], "right");
    let legend = spec["legend"].as_array().expect("legend entries");
    assert!(legend.iter().any(|e| e["label"] == "Plan target"));
    let series = spec["series"].as_array().expect("series");
    assert!(series.iter().all(|s| s["style"]["colour"].is_string()), "every series carries its style");
}

#[test]
fn chart_refuses_an_unknown_measure_and_an_absurd_scale_by_name() {
    let (code, _, err) = run(&["chart", "rd_intensty"]);
    assert_ne!(code, 0);
    assert!(err.contains("rd_intensty: no such measure") && err.contains("rd_intensity"), "{err}");
    let (code, _, err) = run(&["chart", "rd_intensity", "--format", "png", "--scale", "1000", "-o", "-"]);
    assert_ne!(code, 0);
    assert!(err.contains("--scale 1000"), "{err}");
}

/// Started without a display (a server, an SSH session), the app says what is missing in
/// words, not with a path inside the build machine's cargo registry, and exits non-zero.
#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn starting_without_a_display_says_so_plainly() {
    let out = Command::new(env!("CARGO_BIN_EXE_plan-explorer"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .output()
        .expect("binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("no display found: set DISPLAY"), "{stderr}");
    assert!(stderr.contains("plan-explorer check"), "{stderr}");
    assert!(!stderr.contains(".cargo") && !stderr.contains(".rs:"), "no source path: {stderr}");
}

#[test]
fn a_chart_file_carries_its_caption_and_source_as_the_slide_export_does() {
    let (code, svg, err) = run(&["chart", "rd_intensity", "--format", "svg"]);
    assert_eq!(code, 0, "{err}");
    let doc = roxmltree::Document::parse(&svg).expect("SVG");
    let texts: Vec<&str> = doc.descendants().filter(|n| n.has_tag_name("text")).filter_map(|n| n.text()).collect();
    // The caption (baseline, target, latest) and the plan's sentence the target is quoted from.
    assert!(texts.iter().any(|t| t.contains("基期") && t.contains("0.76")), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("《规划》第二章") && t.contains("达到2.2%")), "{texts:?}");
}

#[test]
fn the_map_files_footnote_reads_at_13_pixels_and_its_key_has_east_and_west() {
    let (code, svg, err) = run(&["map", "--series", "gdp", "--format", "svg"]);
    assert_eq!(code, 0, "{err}");
    let doc = roxmltree::Document::parse(&svg).expect("SVG");
    let root = doc.root_element();
    // Pixels of the PNG per unit of the drawing.
    let width: f64 = root.attribute("width").and_then(|w| w.parse().ok()).expect("a width");
    let view: f64 = root.attribute("viewBox").and_then(|v| v.split(' ').nth(2)?.parse().ok()).expect("a viewBox");
    let texts: Vec<(f64, String)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            let size: f64 = n.attribute("font-size").and_then(|s| s.parse().ok()).unwrap_or(0.0);
            (size * width / view, n.text().unwrap_or_default().to_string())
        })
        .collect();
    let footnote: Vec<&(f64, String)> =
        texts.iter().filter(|(_, t)| t.contains("边界") || t.contains("东西部划分")).collect();
    assert!(!footnote.is_empty(), "a source line");
    assert!(footnote.iter().all(|(px, _)| *px >= 12.5), "{footnote:?}");
    for half in ["东部", "西部"] {
        assert!(texts.iter().any(|(_, t)| t == half), "the key names {half}");
    }
}
