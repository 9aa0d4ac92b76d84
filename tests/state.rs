//! Remembered state: round trip, old state keeping what it has, and (in `restart`) the real
//! save/restore, with a damaged or oversized file falling back to defaults.

mod common;

use plan_explorer::app::{PlanExplorerApp, Settings};
use plan_explorer::model::Document;
use plan_explorer::model::load::embedded_plan;
use plan_explorer::ui::{RegionFilter, View};

#[test]
fn state_round_trips_through_ron() {
    let mut state =
        Settings { view: View::Indicators, selected: Some("ch13".into()), dark: true, ..Settings::default() };
    state.region_filter = RegionFilter::City("包头".into());
    let text = ron::to_string(&state).unwrap();
    let back: Settings = ron::from_str(&text).unwrap();
    assert_eq!(back.view, View::Indicators);
    assert_eq!(back.selected.as_deref(), Some("ch13"));
    assert_eq!(back.region_filter, RegionFilter::City("包头".into()));
    assert!(back.dark);
}

#[test]
fn an_old_state_with_missing_fields_keeps_what_it_has() {
    let back: Settings = ron::from_str("(view: Regions, zoom: 1.5)").unwrap();
    assert_eq!(back.view, View::Regions);
    assert_eq!(back.zoom, 1.5);
    assert_eq!(back.selected_measures, Settings::default().selected_measures);
}

#[test]
fn a_state_naming_nodes_that_no_longer_exist_is_harmless() {
    let doc = Document::new(embedded_plan().unwrap(), "plan.ron");
    let state =
        Settings { selected: Some("ch99".into()), expanded: ["nope".to_string()].into(), ..Settings::default() };
    let mut app = PlanExplorerApp::with_document(doc, state);
    assert_eq!(app.selected(), None);
    assert!(!app.visible_rows().is_empty());
}

mod restart {
    use egui::accesskit::Toggled;
    use egui_kittest::Harness;
    use egui_kittest::kittest::{NodeT, Queryable};
    use plan_explorer::app::PlanExplorerApp;
    use plan_explorer::app::settings::SETTINGS_FILE;
    use plan_explorer::ui::View;
    use std::path::{Path, PathBuf};

    fn dir(tag: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("pe-settings-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// The app as `main` starts it, keeping its settings in `dir`.
    fn start(dir: &Path) -> Harness<'static, PlanExplorerApp> {
        super::common::AppBuilder::new().settings_in(dir).build()
    }

    #[test]
    fn what_the_user_set_is_there_after_a_restart() {
        let dir = dir("restart");
        let mut first = start(&dir);
        first.get_by_label("第十一章 巩固企业创新主体地位").click();
        first.run();
        first.get_by_label("English").click();
        first.run();
        first.get_by_label("Dark").click();
        first.run();
        first.get_by_label("Indicators").click();
        first.run();
        // The chart's own choices: a log axis and every source.
        first.get_by_label("Log scale").click();
        first.run();
        first.get_all_by_label_contains("All sources").next().expect("the all-sources box").click();
        first.run();
        // eframe calls this every 30 seconds and when the window closes.
        super::common::close(first);

        let second = start(&dir);
        let settings = second.state().saved_settings();
        assert_eq!(settings.selected.as_deref(), Some("ch11"));
        assert!(settings.expanded.contains("pt4"), "the tree opens where it was");
        assert!(settings.dark);
        assert_eq!(settings.view, View::Indicators);
        assert!(settings.log_scale && settings.all_sources, "the chart opens as it was left");
        // The window speaks English again, on the page it was left on.
        second.get_by_label("Plan text");
        second.get_by_label_contains("Export table CSV");
    }

    #[test]
    fn the_regional_and_map_choices_are_there_after_a_restart() {
        let dir = dir("pages");
        let mut first = start(&dir);
        first.get_by_label("东西部").click();
        first.run();
        first.get_by_label("按章").click();
        first.run();
        first.get_by_label("堆叠").click();
        first.run();
        first.get_by_label("地图").click();
        first.run();
        first.get_by_label("着色依据").click();
        first.run();
        first.get_by_label("专栏").click();
        first.run();
        super::common::close(first);

        let mut second = start(&dir);
        let settings = second.state().saved_settings();
        assert_eq!(settings.map.series, "boxes");
        assert_eq!(settings.regional.grouping, plan_explorer::ui::Grouping::Chapter);
        assert!(settings.regional.stacked);
        // The map page opens coloured by the boxes, as it was left: a 盟市's label carries its
        // count of boxes, not of tasks.
        assert_eq!(settings.view, View::Map);
        let session = second.state().session();
        let count = |series: &str, city: &str| {
            let map = session.map(series, None, None, plan_explorer::i18n::Lang::Zh).expect("map");
            map.values.iter().find(|v| v.city == city).and_then(|v| v.value).expect("a count")
        };
        let (boxes, tasks) = (count("boxes", "包头"), count("tasks", "包头"));
        assert_ne!(boxes, tasks);
        second.get_by_label(&format!("包头\n{boxes}"));
        assert!(second.query_by_label(&format!("包头\n{tasks}")).is_none());
        // The regional page opens grouped by chapter, stacked.
        second.get_by_label("东西部").click();
        second.run();
        let on = |label: &str| second.get_by_label(label).accesskit_node().toggled() == Some(Toggled::True);
        assert!(on("按章") && !on("按盟市"), "grouped by chapter");
        assert!(on("堆叠"), "stacked");
    }

    /// The scenarios of the last session come back at a start without files named: every
    /// file, in its place in the list, shown or hidden as it was (built-in ones too); a file
    /// gone since is said and the others still open; files named on the command line are
    /// the session instead.
    #[test]
    fn the_last_sessions_scenarios_reopen_shown_or_hidden_as_they_were() {
        let dir = dir("session");
        let files = dir.join("files");
        std::fs::create_dir_all(&files).unwrap();
        let (good, east_west) = (files.join("good.ron"), files.join("east_west.ron"));
        std::fs::copy(super::common::fixture("good.ron"), &good).unwrap();
        std::fs::copy(super::common::fixture("east_west.ron"), &east_west).unwrap();
        let mut first =
            super::common::AppBuilder::new().settings_in(&dir).files(vec![good.clone(), east_west.clone()]).build();
        first.get_by_label("情景").click();
        first.run();
        // Hide the file's 测试情景 and the built-in actual values, as a user does.
        first.get_by_role_and_label(egui::accesskit::Role::CheckBox, "测试情景").click();
        first.run();
        first.get_by_role_and_label(egui::accesskit::Role::CheckBox, "实际值 2010–2023").click();
        first.run();
        super::common::close(first);

        let second = start(&dir);
        let listed: Vec<(String, bool)> =
            second.state().scenarios().iter().map(|l| (l.scenario.name.clone(), l.enabled)).collect();
        assert_eq!(
            listed,
            [("实际值 2010–2023".to_string(), false), ("测试情景".into(), false), ("东西部情景".into(), true)],
            "every scenario back, in its place, shown as it was"
        );
        // It opens on the scenario page, where it was left.
        let on = |name: &str| {
            second.get_by_role_and_label(egui::accesskit::Role::CheckBox, name).accesskit_node().toggled()
                == Some(Toggled::True)
        };
        assert!(!on("测试情景") && on("东西部情景"), "the page's boxes say so too");
        super::common::close(second);

        std::fs::remove_file(&east_west).unwrap();
        let third = start(&dir);
        let names: Vec<&str> = third.state().scenarios().iter().map(|l| l.scenario.name.as_str()).collect();
        assert_eq!(names, ["实际值 2010–2023", "测试情景"]);
        let gone = east_west.display().to_string();
        assert!(
            third.state().messages().iter().any(|m| m.text.contains(&gone) && m.text.contains("已不存在")),
            "the missing file is named"
        );
        drop(third);

        // Named on the command line, a file is the session: the last one's stay closed.
        let fourth = super::common::AppBuilder::new()
            .settings_in(&dir)
            .files(vec![super::common::fixture("east_west.ron")])
            .build();
        let names: Vec<&str> = fourth.state().scenarios().iter().map(|l| l.scenario.name.as_str()).collect();
        assert!(!names.contains(&"测试情景"), "{names:?}");
        assert!(fourth.state().scenarios().iter().all(|l| l.enabled), "the built-in values are shown again too");
    }

    #[test]
    fn a_damaged_or_oversized_settings_file_starts_from_defaults_and_says_so() {
        let dir = dir("damaged");
        let path = dir.join(SETTINGS_FILE);
        // Cut short, as a kill during a non-atomic write would leave it.
        std::fs::write(&path, "(view: Indicators, lang: E").unwrap();
        let harness = start(&dir);
        assert_eq!(harness.state().settings().view, View::Overview);
        assert!(harness.state().messages().iter().any(|m| m.text.starts_with(&path.display().to_string())));
        // Over the limit: refused unread.
        std::fs::File::create(&path).unwrap().set_len(5 * 1024 * 1024).unwrap();
        let harness = start(&dir);
        assert!(
            harness.state().messages().iter().any(|m| m.text.contains("over the limit")),
            "{:?}",
            harness.state().messages()
        );
    }

    #[test]
    fn a_settings_file_cannot_make_the_recent_list_long() {
        let dir = dir("recent");
        let recent: Vec<String> = (0..5_000).map(|k| format!("\"/tmp/s{k}.ron\"")).collect();
        std::fs::write(dir.join(SETTINGS_FILE), format!("(recent: [{}])", recent.join(","))).unwrap();
        let harness = start(&dir);
        assert_eq!(harness.state().settings().recent.len(), 10);
    }
}
