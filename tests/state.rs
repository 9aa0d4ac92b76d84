//! Remembered state: round trip, old or corrupt state falling back to defaults.

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

#[test]
fn a_corrupt_state_is_refused_by_the_decoder() {
    // eframe's get_value returns None on a decoding error; the app then starts from defaults.
    assert!(ron::from_str::<Settings>("(view: Sideways").is_err());
}
