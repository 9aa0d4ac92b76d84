//! Any bytes as a CSV table and as an xlsx workbook for the real plan: no panic, and every
//! CSV message points inside the file.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use plan_explorer::model::diagnostics::check_positions;
use plan_explorer::model::load::embedded_plan;
use plan_explorer::model::plan::Plan;
use plan_explorer::model::scenario_files::load_table_bytes;
use plan_explorer::model::tabular::read::TableFormat;

static PLAN: OnceLock<Plan> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let plan = PLAN.get_or_init(|| embedded_plan().expect("the embedded plan is valid"));
    let csv = load_table_bytes(data, TableFormat::Csv, "fuzz.csv", "fuzz", &Default::default(), plan);
    if let (Err(diagnostics), Ok(text)) = (&csv, std::str::from_utf8(data)) {
        // Positions are counted in the text as decoded (line ends as they are).
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if !text.contains('\r') {
            check_positions(text, diagnostics);
        }
    }
    let _ = load_table_bytes(data, TableFormat::Xlsx, "fuzz.xlsx", "fuzz", &Default::default(), plan);
});
