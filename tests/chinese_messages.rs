//! The Chinese window says what went wrong with a file in Chinese: the place stays as the
//! command line writes it (file:line:column), the finding is in Chinese; the English window
//! keeps the English.

mod common;

use common::{app, drop_file, fixture};
use egui_kittest::kittest::Queryable;

#[test]
fn a_refused_or_doubtful_file_is_explained_in_chinese_in_the_chinese_window() {
    let mut harness = app();
    let unknown = fixture("unknown_indicator.ron");
    drop_file(&mut harness, unknown.clone());
    drop_file(&mut harness, fixture("wrong_unit.ron"));
    let missing = std::env::temp_dir().join("pe-no-such-scenario.ron");
    drop_file(&mut harness, missing.clone());

    let panel = |h: &egui_kittest::Harness<'static, plan_explorer::app::PlanExplorerApp>, text: &str| {
        h.query_all_by_label_contains(text).count() > 0
    };
    let at = format!("{}:", unknown.display());
    assert!(
        harness.query_all_by_label_contains(&at).any(|n| {
            let label = egui_kittest::kittest::NodeT::accesskit_node(&n).value().unwrap_or_default();
            label.contains(": 错误：") && label.contains("未知指标")
        }),
        "the unknown indicator, at its line and column, in Chinese"
    );
    assert!(panel(&harness, "与指标"), "the unit that does not match");
    assert!(panel(&harness, &format!("{}: 错误：无法打开文件：文件不存在", missing.display())));
    assert!(!panel(&harness, "unknown indicator"), "no English finding in the Chinese window");

    harness.get_by_label("English").click();
    harness.run();
    assert!(panel(&harness, "unknown indicator"), "the English window keeps the English");
    assert!(!panel(&harness, "未知指标"));
}
