//! Loading, search and headless frames of every view (run_ui + tessellate, no window), at
//! plan scales 1, 10 and 100 (`synth`), with egui's own realistic demo frame as the
//! yardstick. Names follow `load/<scale>`, `search/<scale>`, `frame/<view>/<scale>` and
//! `frame/egui_demo`, so `cargo bench -- --output-format bencher` can be compared by a script.

use plan_explorer::ui::command::{PageCommand, PresenterCommand, ScenarioCommand, TreeCommand};
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use plan_explorer::app::{PlanExplorerApp, Settings};
use plan_explorer::cli::plan_to_ron;
use plan_explorer::model::load::{embedded_plan, load_plan_str};
use plan_explorer::model::synth::synth;
use plan_explorer::model::{Document, Plan};
use plan_explorer::ui::fonts::install_fonts;
use plan_explorer::ui::{Command, SlideStep, View};

const SCALES: [usize; 3] = [1, 10, 100];

fn plan_at(scale: usize) -> Plan {
    synth(&embedded_plan().expect("embedded plan"), scale)
}

fn new_app(plan: Plan, view: View, select: &str) -> (egui::Context, PlanExplorerApp) {
    let ctx = egui::Context::default();
    install_fonts(&ctx);
    let doc = Document::new(plan, "plan.ron");
    let mut app = PlanExplorerApp::with_document(doc, Settings { view, ..Settings::default() });
    // The tree fully expanded, as the budgets require.
    app.run(Command::Tree(TreeCommand::ExpandAll));
    if let Some(i) = app.doc().outline.index_of(select) {
        app.run(Command::Tree(TreeCommand::Select(i)));
    }
    app.run(Command::Page(PageCommand::SetView(view)));
    (ctx, app)
}

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1400.0, 880.0))),
        ..Default::default()
    }
}

fn frame(ctx: &egui::Context, app: &mut PlanExplorerApp) {
    frame_with(ctx, app, input());
}

fn frame_with(ctx: &egui::Context, app: &mut PlanExplorerApp, input: egui::RawInput) {
    let mut output = ctx.run_ui(input, |ui| app.ui_root(ui));
    let primitives = ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
    black_box(primitives);
    output.textures_delta.clear();
}

fn frames(c: &mut Criterion) {
    for scale in SCALES {
        let plan = plan_at(scale);
        for (name, view, node) in [
            ("tree_expanded", View::Reader, "pt1"),
            ("reader_longest_chapter", View::Reader, "ch4"),
            ("indicators", View::Indicators, "ch2"),
            ("regions", View::Regions, "ch16"),
            ("scenarios", View::Scenarios, "ch2"),
            ("overview", View::Overview, "ch2"),
            ("evaluation", View::Evaluation, "ch2"),
            ("map", View::Map, "ch16"),
        ] {
            let (ctx, mut app) = new_app(plan.clone(), view, node);
            // Warm up: the first frames lay out and cache every galley.
            for _ in 0..5 {
                frame(&ctx, &mut app);
            }
            c.bench_function(&format!("frame/{name}/{scale}"), |b| b.iter(|| frame(&ctx, &mut app)));
        }
        presenter_frames(c, &plan, scale);
    }
}

/// The presenter showing a slide: the first chart of 第二章's deck, and its map slide (the
/// deck ends with the regional slides: statistic, map, east and west over time).
fn presenter_frames(c: &mut Criterion, plan: &Plan, scale: usize) {
    let (ctx, mut app) = new_app(plan.clone(), View::Indicators, "ch2");
    app.run(PresenterCommand::Start(None));
    for _ in 0..5 {
        frame(&ctx, &mut app);
    }
    c.bench_function(&format!("frame/presenter_chart/{scale}"), |b| b.iter(|| frame(&ctx, &mut app)));
    app.run(PresenterCommand::Step(SlideStep::Last));
    app.run(PresenterCommand::Step(SlideStep::Previous));
    let shown = app.presenting().and_then(|p| p.current()).map(|s| s.content.clone());
    assert!(matches!(shown, Some(plan_explorer::model::deck::SlideContent::Map { .. })), "{shown:?}");
    for _ in 0..5 {
        frame(&ctx, &mut app);
    }
    c.bench_function(&format!("frame/presenter_map/{scale}"), |b| b.iter(|| frame(&ctx, &mut app)));
    // The speaker view beside the slides, on the deck's first chart (embedded in the one
    // viewport here, as where a backend has no second window): the current and next slides'
    // pictures are drawn on a worker first, then the frame is timed with them shown.
    app.run(PresenterCommand::Step(SlideStep::First));
    app.run(PresenterCommand::ToggleSpeaker);
    let until = std::time::Instant::now() + std::time::Duration::from_secs(3);
    while std::time::Instant::now() < until {
        frame(&ctx, &mut app);
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    c.bench_function(&format!("frame/speaker_view/{scale}"), |b| b.iter(|| frame(&ctx, &mut app)));
}

/// Frames that do work, at scale 100: the frame in which search results change (a new query
/// each iteration), a measure toggled into the chart (the chart spec rebuilt), and a switch
/// between two views. Budget: 16 ms.
fn working_frames(c: &mut Criterion) {
    let plan = plan_at(100);
    let (ctx, mut app) = new_app(plan.clone(), View::Reader, "ch2");
    frame(&ctx, &mut app);
    let queries = ["稀土", "科技", "第十三章", "创新"];
    let mut k = 0;
    // The frame of a keystroke: the query is taken and handed to the search worker.
    c.bench_function("frame/working/search_typed/100", |b| {
        b.iter_custom(|iterations| {
            let mut spent = std::time::Duration::ZERO;
            for _ in 0..iterations {
                k = (k + 1) % queries.len();
                let start = std::time::Instant::now();
                app.run(Command::Tree(TreeCommand::SetQuery(queries[k].to_string())));
                frame(&ctx, &mut app);
                spent += start.elapsed();
                // The worker ends outside the measure, as it does beside the UI thread.
                app.wait_for_search();
                frame(&ctx, &mut app);
            }
            spent
        })
    });
    // The frame in which the results change: hits applied, tree filtered and drawn.
    c.bench_function("frame/working/search_results/100", |b| {
        b.iter_custom(|iterations| {
            let mut spent = std::time::Duration::ZERO;
            for _ in 0..iterations {
                k = (k + 1) % queries.len();
                app.run(Command::Tree(TreeCommand::SetQuery(queries[k].to_string())));
                app.wait_for_search();
                let start = std::time::Instant::now();
                frame(&ctx, &mut app);
                spent += start.elapsed();
            }
            spent
        })
    });
    // The search itself at 100×, as the worker runs it.
    let doc = plan_explorer::model::Document::new(plan.clone(), "plan.ron");
    c.bench_function("search_worker/100", |b| {
        b.iter(|| {
            k = (k + 1) % queries.len();
            black_box(doc.search.search(queries[k]))
        })
    });
    let (ctx, mut app) = new_app(plan.clone(), View::Indicators, "ch2");
    frame(&ctx, &mut app);
    c.bench_function("frame/working/toggle_measure/100", |b| {
        b.iter(|| {
            app.run(Command::Page(PageCommand::ToggleMeasure("invention_patents_per_10k".into())));
            frame(&ctx, &mut app);
        })
    });
    let (ctx, mut app) = new_app(plan, View::Indicators, "ch2");
    frame(&ctx, &mut app);
    let views = [View::Indicators, View::Reader, View::Overview, View::Map];
    let mut v = 0;
    c.bench_function("frame/working/switch_view/100", |b| {
        b.iter(|| {
            v = (v + 1) % views.len();
            app.run(Command::Page(PageCommand::SetView(views[v])));
            frame(&ctx, &mut app);
        })
    });
}

/// Frames that do work with scenarios, at scale 100: the frame in which a loaded scenario
/// file arrives (everything derived from the scenarios rebuilt, the chart redrawn with it),
/// and the scenario page comparing two different scenarios (the differences computed).
fn scenario_frames(c: &mut Criterion) {
    let plan = plan_at(100);
    let (trend, national) = (shipped("trend.ron"), shipped("national-13th-fyp.ron"));
    let (ctx, mut app) = new_app(plan.clone(), View::Indicators, "ch2");
    app.run(Command::Page(PageCommand::ToggleMeasure("invention_patents_per_10k".into())));
    frame(&ctx, &mut app);
    c.bench_function("frame/working/scenario_arrives/100", |b| {
        b.iter_custom(|iterations| {
            let mut spent = std::time::Duration::ZERO;
            for _ in 0..iterations {
                app.run(Command::Scenario(ScenarioCommand::OpenFiles(vec![trend.clone()])));
                // Frames while the worker reads the file; the one in which it arrives is measured,
                // and the one in which what is derived from it (on another worker) is shown.
                loop {
                    let start = std::time::Instant::now();
                    frame(&ctx, &mut app);
                    let took = start.elapsed();
                    if app.loading() == 0 {
                        spent += took;
                        break;
                    }
                    std::thread::sleep(std::time::Duration::from_millis(1));
                }
                app.wait_for_scenarios();
                let start = std::time::Instant::now();
                frame(&ctx, &mut app);
                spent += start.elapsed();
                let last = app.scenarios().len() - 1;
                app.run(Command::Scenario(ScenarioCommand::Remove(last)));
                app.wait_for_scenarios();
                frame(&ctx, &mut app);
            }
            spent
        })
    });
    let (ctx, mut app) = new_app(plan, View::Scenarios, "ch2");
    app.run(Command::Scenario(ScenarioCommand::OpenFiles(vec![trend, national])));
    settle(&ctx, &mut app);
    let count = app.scenarios().len();
    let pairs = [(count - 2, count - 1), (0, count - 1), (0, count - 2)];
    let mut k = 0;
    c.bench_function("frame/working/compare_pair/100", |b| {
        b.iter(|| {
            k = (k + 1) % pairs.len();
            app.run(Command::Scenario(ScenarioCommand::SetComparePair(pairs[k].0, pairs[k].1)));
            frame(&ctx, &mut app);
        })
    });
}

/// The frames the budgets add (docs/PERFORMANCE.md): the keystroke at 1× (a small plan is
/// searched in the frame itself), a scenario arriving timed to completion (read, derived and
/// shown) at 1× and 100×, the pointer moving over the map and over a chart, a what-if point
/// dragged, and the regional page with a user's scenario of 盟市 values.
fn interaction_frames(c: &mut Criterion) {
    let (ctx, mut app) = new_app(plan_at(1), View::Reader, "ch2");
    frame(&ctx, &mut app);
    let queries = ["稀土", "科技", "第十三章", "创新"];
    let mut k = 0;
    c.bench_function("frame/working/search_typed/1", |b| {
        b.iter(|| {
            k = (k + 1) % queries.len();
            app.run(Command::Tree(TreeCommand::SetQuery(queries[k].to_string())));
            frame(&ctx, &mut app);
        })
    });
    for scale in [1, 100] {
        let plan = plan_at(scale);
        scenario_to_completion(c, &plan, scale);
        // On the map, where the pointer shows 鄂尔多斯's tooltip (searched around its label); on
        // the chart, the first place left of its legend where the pointer draws on the plot.
        let label = widget_rect(&plan, View::Map, "ch16", "鄂尔多斯\n").center();
        let around = (0..40).flat_map(move |r| {
            (0..8).map(move |k| {
                let angle = std::f32::consts::TAU * k as f32 / 8.0;
                label + 12.0 * r as f32 * egui::vec2(angle.cos(), angle.sin())
            })
        });
        let map = find_hover(&plan, View::Map, "ch16", around, &|out, _| {
            accessible_texts(out).iter().any(|t| t.starts_with("鄂尔多斯 · 西部\n"))
        });
        let legend = widget_rect(&plan, View::Indicators, "ch2", "规划基期值").left_center();
        let leftwards = (1..40).map(move |k| legend - egui::vec2(20.0 * k as f32, 0.0));
        let chart = find_hover(&plan, View::Indicators, "ch2", leftwards, &|out, idle| out.shapes.len() > idle);
        for (name, view, node, at) in [("map", View::Map, "ch16", map), ("chart", View::Indicators, "ch2", chart)] {
            let (ctx, mut app) = new_app(plan.clone(), view, node);
            let mut pointer = RestingPointer::default();
            for _ in 0..60 {
                frame_with(&ctx, &mut app, pointer.at(at));
            }
            c.bench_function(&format!("frame/hover_{name}/{scale}"), |b| {
                b.iter(|| frame_with(&ctx, &mut app, pointer.at(at)))
            });
        }
        whatif_drag(c, &plan, scale);
        let (ctx, mut app) = new_app(plan.clone(), View::Regions, "ch16");
        app.run(Command::Scenario(ScenarioCommand::OpenFiles(vec![shipped("example-long.csv")])));
        settle(&ctx, &mut app);
        assert!(app.scenarios().iter().any(|s| s.scenario.name.contains("R&D")), "the 盟市 R&D table is loaded");
        c.bench_function(&format!("frame/regions_scenario/{scale}"), |b| b.iter(|| frame(&ctx, &mut app)));
    }
}

/// A scenario file shipped in `scenarios/`.
fn shipped(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios").join(name)
}

/// Frames until every file is read and what is derived from it is shown.
fn settle(ctx: &egui::Context, app: &mut PlanExplorerApp) {
    while app.loading() > 0 {
        frame(ctx, app);
        std::thread::yield_now();
    }
    app.wait_for_scenarios();
    frame(ctx, app);
}

/// `scenarios/trend.ron` opened on the indicator page with a chart shown, timed from the
/// command to the frame that shows everything derived from it (the file read on the loader's
/// worker; at 100× the derivation on its own worker, at 1× in the frame).
fn scenario_to_completion(c: &mut Criterion, plan: &Plan, scale: usize) {
    let trend = shipped("trend.ron");
    let (ctx, mut app) = new_app(plan.clone(), View::Indicators, "ch2");
    frame(&ctx, &mut app);
    let before = app.scenarios().len();
    c.bench_function(&format!("derive/scenario_arrives/{scale}"), |b| {
        b.iter_custom(|iterations| {
            let mut spent = std::time::Duration::ZERO;
            for _ in 0..iterations {
                let start = std::time::Instant::now();
                app.run(Command::Scenario(ScenarioCommand::OpenFiles(vec![trend.clone()])));
                settle(&ctx, &mut app);
                spent += start.elapsed();
                assert_eq!(app.scenarios().len(), before + 1, "the file arrived");
                app.run(Command::Scenario(ScenarioCommand::Remove(before)));
                settle(&ctx, &mut app);
            }
            spent
        })
    });
}

/// Where the widget whose accessible text starts with `label` is drawn, found in a frame of an
/// app set up as the benchmark's (egui's accessibility tree gives every widget's bounds).
fn widget_rect(plan: &Plan, view: View, node: &str, label: &str) -> egui::Rect {
    let (_, _, mut output) = accessible_app(plan, view, node);
    let update = output.platform_output.accesskit_update.take().expect("the accessibility tree");
    let bounds = update
        .nodes
        .iter()
        .find(|(_, n)| text_of(n).is_some_and(|l| l.starts_with(label)))
        .and_then(|(_, n)| n.bounds())
        .unwrap_or_else(|| panic!("no widget labelled {label:?} on {view:?}"));
    egui::Rect::from_min_max(
        egui::pos2(bounds.x0 as f32, bounds.y0 as f32),
        egui::pos2(bounds.x1 as f32, bounds.y1 as f32),
    )
}

/// An app set up as a benchmark's with egui's accessibility tree on, warmed up as the benchmarks
/// are (the map is laid out on first use), and its next frame with no pointer.
fn accessible_app(plan: &Plan, view: View, node: &str) -> (egui::Context, PlanExplorerApp, egui::FullOutput) {
    let (ctx, mut app) = new_app(plan.clone(), view, node);
    ctx.enable_accesskit();
    for _ in 0..5 {
        frame(&ctx, &mut app);
    }
    let mut output = ctx.run_ui(input(), |ui| app.ui_root(ui));
    output.textures_delta.clear();
    (ctx, app, output)
}

/// Every text of a frame's accessibility tree.
fn accessible_texts(output: &egui::FullOutput) -> Vec<String> {
    let Some(update) = &output.platform_output.accesskit_update else { return Vec::new() };
    update.nodes.iter().filter_map(|(_, n)| text_of(n).map(String::from)).collect()
}

/// A node's words: egui writes a text's as its accessible value, a button's as its label.
fn text_of(node: &egui::accesskit::Node) -> Option<&str> {
    node.label().or(node.value())
}

/// The pointer resting at a place, on a clock of 60 frames a second (egui shows a tooltip only
/// after the pointer has rested a while).
#[derive(Default)]
struct RestingPointer {
    clock: f64,
}

impl RestingPointer {
    fn at(&mut self, at: egui::Pos2) -> egui::RawInput {
        self.clock += 1.0 / 60.0;
        let mut input = input();
        input.time = Some(self.clock);
        input.events.push(egui::Event::PointerMoved(at));
        input
    }
}

/// The first of `candidates` where the pointer, once rested, makes `hovers` true of the frame
/// (given the number of shapes the frame draws with no pointer).
fn find_hover(
    plan: &Plan,
    view: View,
    node: &str,
    candidates: impl Iterator<Item = egui::Pos2>,
    hovers: &dyn Fn(&egui::FullOutput, usize) -> bool,
) -> egui::Pos2 {
    let (ctx, mut app, idle) = accessible_app(plan, view, node);
    let idle = idle.shapes.len();
    let mut pointer = RestingPointer::default();
    for at in candidates {
        // 40 frames: two thirds of a second, past egui's tooltip delay.
        for k in 0..40 {
            let mut output = ctx.run_ui(pointer.at(at), |ui| app.ui_root(ui));
            output.textures_delta.clear();
            if k == 39 && hovers(&output, idle) {
                return at;
            }
        }
    }
    panic!("nowhere on {view:?} shows what the pointer should")
}

/// A what-if series of R&D intensity (a straight line from the plan's base to 2.2 % in 2020)
/// with its 2018 point dragged up and down: the command a drag sends and the frame after it.
fn whatif_drag(c: &mut Criterion, plan: &Plan, scale: usize) {
    use plan_explorer::model::whatif::StartFrom;
    use plan_explorer::ui::command::WhatIfCommand;
    let (ctx, mut app) = new_app(plan.clone(), View::WhatIf, "ch2");
    app.run(WhatIfCommand::Begin(StartFrom::Baseline));
    app.run(WhatIfCommand::Line(2.2));
    frame(&ctx, &mut app);
    assert!(app.whatif().draft().is_some(), "a what-if series is being edited");
    let mut value = 1.6;
    c.bench_function(&format!("frame/working/whatif_drag/{scale}"), |b| {
        b.iter(|| {
            value = if value < 1.9 { value + 0.01 } else { 1.6 };
            app.run(WhatIfCommand::Drag { year: 2018, value, first: false });
            frame(&ctx, &mut app);
        })
    });
}

fn egui_demo(c: &mut Criterion) {
    demo_frames(c, "frame/egui_demo");
}

/// The yardstick again at the end of the run: `tools/bench_budgets.py` divides by the faster of
/// the two (the first measurement of a process reads slow on this machine).
fn egui_demo_again(c: &mut Criterion) {
    demo_frames(c, "frame/egui_demo/again");
}

fn demo_frames(c: &mut Criterion, name: &str) {
    let ctx = egui::Context::default();
    let mut demo = egui_demo_lib::DemoWindows::default();
    let mut demo_frame = || {
        // At the app's own screen size, not egui's default 10,000 × 10,000.
        let mut output = ctx.run_ui(input(), |ui| demo.ui(ui));
        black_box(ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point));
        output.textures_delta.clear();
    };
    // Warmed past criterion's warm-up (its font atlas and caches filled).
    for _ in 0..1000 {
        demo_frame();
    }
    c.bench_function(name, |b| b.iter(&mut demo_frame));
}

fn load_and_search(c: &mut Criterion) {
    for scale in SCALES {
        let plan = plan_at(scale);
        let text = plan_to_ron(&plan).expect("serialises");
        c.bench_function(&format!("load/{scale}"), |b| {
            b.iter(|| load_plan_str(black_box(&text), "plan.ron").expect("valid"))
        });
        let doc = Document::new(plan, "plan.ron");
        // One search per iteration, cycling through a rare word, a number, a common word and an id.
        let queries = ["稀土", "第十三章", "科技", "box17"];
        let mut k = 0;
        c.bench_function(&format!("search/{scale}"), |b| {
            b.iter(|| {
                k = (k + 1) % queries.len();
                black_box(doc.search.search(queries[k]))
            })
        });
    }
}

/// The shapes of input that used to be quadratic: a 2.3 MB plan of many small nodes with a
/// message each (positions), a text of many same-titled items (unique ids), a deck of many
/// unknown measures (positions on the UI thread).
fn worst_shapes(c: &mut Criterion) {
    let mut plan = embedded_plan().expect("embedded plan");
    let template = plan.nodes.iter().find(|n| n.parent.is_some() && n.text.len() < 60).expect("a short node").clone();
    for k in 0..30_000 {
        let mut node = template.clone();
        node.id = format!("extra{k}");
        node.cities = vec!["不存在".into()];
        plan.nodes.push(node);
    }
    let text = plan_to_ron(&plan).expect("serialises");
    c.bench_function("check/many_small_nodes_with_messages", |b| {
        b.iter(|| black_box(load_plan_str(black_box(&text), "many.ron").expect_err("30,000 unknown 盟市")))
    });
    let mut source = String::from("规划\n　第一篇　甲\n　第一章　乙\n");
    for _ in 0..20_000 {
        source.push_str("　　（一）同名条目\n　　段落。\n");
    }
    let curation = plan_explorer::model::import::Curation::default();
    c.bench_function("import/many_same_titled_items", |b| {
        b.iter(|| black_box(plan_explorer::model::import::import(&source, "same.txt", &curation)))
    });
    let doc = Document::new(embedded_plan().expect("embedded plan"), "plan.ron");
    let slides: String = (0..20_000).map(|k| format!("(content: Measure(\"unknown{k}\")),\n")).collect();
    let deck = format!("(format_version: 1, name: \"d\", slides: [\n{slides}])\n");
    let path = std::env::temp_dir().join(format!("pe-bench-deck-{}.ron", std::process::id()));
    std::fs::write(&path, deck).expect("temp file");
    c.bench_function("deck/many_unknown_measures", |b| {
        b.iter(|| {
            black_box(
                plan_explorer::model::deck::Deck::load(
                    &path,
                    &plan_explorer::model::deck::DeckTerms { doc: &doc, stats: &[] },
                )
                .expect_err("unknown"),
            )
        })
    });
    // Spreadsheet scenarios, read on the loader's thread: the shipped actuals as an xlsx
    // workbook (~3,000 values), and a 15 MB long-layout CSV (36,000 series of five years: 1.8 million cells, near the limit).
    use plan_explorer::model::scenario_files::load_table_bytes;
    use plan_explorer::model::tabular::read::TableFormat;
    let plan = &doc.plan;
    let actuals = plan_explorer::model::scenario::embedded_actuals(plan).expect("actuals");
    let xlsx = plan_explorer::model::tabular::write::xlsx(&[&actuals]).expect("xlsx");
    c.bench_function("load/xlsx_actuals", |b| {
        b.iter(|| {
            black_box(
                load_table_bytes(&xlsx, TableFormat::Xlsx, "a.xlsx", "a", &Default::default(), plan).expect("loads"),
            )
        })
    });
    let mut csv = String::from("scenario,series,indicator,region,unit,kind,label,year,value,source\n");
    for k in 0..36_000 {
        for year in 2016..=2020 {
            let value = 0.7 + f64::from(k % 100) / 100.0 + f64::from(year - 2016) / 10.0;
            csv.push_str(&format!(
                "S,s{k},rd_intensity,全区,%,Projection,研发强度 {k},{year},{value:.4},projection: bench\n"
            ));
        }
    }
    // The IAMC wide layout as pyam writes it: no Id column, 20,000 series of 11 years.
    let mut iamc = String::from("Model,Scenario,Region,Variable,Unit,Source");
    for year in 2010..=2020 {
        iamc.push_str(&format!(",{year}"));
    }
    iamc.push('\n');
    for k in 0..20_000 {
        iamc.push_str(&format!("M,S,Inner Mongolia,rd_intensity,%,source {k}"));
        for year in 0..11 {
            iamc.push_str(&format!(",{:.3}", 0.5 + f64::from(k % 50) / 100.0 + f64::from(year) / 20.0));
        }
        iamc.push('\n');
    }
    c.bench_function("load/csv_iamc_20k_rows", |b| {
        b.iter(|| {
            black_box(
                load_table_bytes(iamc.as_bytes(), TableFormat::Csv, "c.csv", "c", &Default::default(), plan)
                    .expect("loads"),
            )
        })
    });
    c.bench_function("load/csv_long_180k_rows", |b| {
        b.iter(|| {
            black_box(
                load_table_bytes(csv.as_bytes(), TableFormat::Csv, "b.csv", "b", &Default::default(), plan)
                    .expect("loads"),
            )
        })
    });
}

/// The chart spec of every measure, a 2× slide PNG (budget 300 ms) and the PDF briefing of
/// a 64-slide deck, one chart per measure with a target (budget 3 s).
fn exports(c: &mut Criterion) {
    use plan_explorer::i18n::Lang;
    use plan_explorer::model::Measure;
    use plan_explorer::model::chart::{ChartOptions, build_chart};
    use plan_explorer::model::export::{SLIDE_SIZE, briefing_pages, slide_svg};
    use plan_explorer::model::scenario::embedded_actuals;
    let plan = embedded_plan().expect("embedded plan");
    let actuals = embedded_actuals(&plan).expect("actuals");
    let scenarios = [&actuals];
    let groups = Measure::group(&plan.indicators);
    c.bench_function("chart/all_specs", |b| {
        b.iter(|| {
            for m in &groups {
                black_box(build_chart(&[m], &scenarios, 2015, ChartOptions::default()));
            }
        })
    });
    let doc = Document::new(plan.clone(), "plan.ron");
    let deck = plan_explorer::model::deck::Deck::from_plan(&doc, None, Vec::new(), &|_| true);
    let session = plan_explorer::session::Session::new(doc, Lang::Zh);
    let slides = session.briefing(&deck, Lang::Zh);
    let first = slides.get(1).expect("a chart slide");
    c.bench_function("export/slide_png_2x", |b| {
        b.iter(|| black_box(plan_explorer::render::png(&slide_svg(first, "1 / 1", SLIDE_SIZE), 2.0).expect("png")))
    });
    c.bench_function("export/slide_png_4x", |b| {
        b.iter(|| black_box(plan_explorer::render::png(&slide_svg(first, "1 / 1", SLIDE_SIZE), 4.0).expect("png")))
    });
    c.bench_function("export/briefing_html", |b| {
        b.iter(|| black_box(plan_explorer::model::export::briefing_html(&deck.name, &slides, Lang::Zh, &[])))
    });
    let title = format!("{} slides", slides.len());
    c.bench_function("export/briefing_pdf_64", |b| {
        b.iter(|| black_box(plan_explorer::render::pdf(&briefing_pages(&slides, Lang::Zh, &[]), &title).expect("pdf")))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).warm_up_time(std::time::Duration::from_millis(500)).measurement_time(std::time::Duration::from_secs(2));
    targets = egui_demo, frames, working_frames, scenario_frames, interaction_frames, load_and_search, worst_shapes, exports, egui_demo_again
}
criterion_main!(benches);
