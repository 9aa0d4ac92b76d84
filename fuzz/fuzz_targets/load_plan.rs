//! Any bytes as a plan file: no panic, and every message points inside the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plan_explorer::model::diagnostics::check_positions;
use plan_explorer::model::load::{decode_text, load_plan_str};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = decode_text(data, "fuzz.ron") else { return };
    if let Err(diagnostics) = load_plan_str(&text, "fuzz.ron") {
        check_positions(&text, &diagnostics);
    }
});
