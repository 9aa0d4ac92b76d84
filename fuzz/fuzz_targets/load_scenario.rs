//! Any bytes as a scenario file for the real plan: no panic, messages inside the file.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use plan_explorer::model::Plan;
use plan_explorer::model::diagnostics::check_positions;
use plan_explorer::model::load::{decode_text, embedded_plan};
use plan_explorer::model::scenario::load_scenario_str;

static PLAN: OnceLock<Plan> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let plan = PLAN.get_or_init(|| embedded_plan().expect("the embedded plan is valid"));
    let Ok(text) = decode_text(data, "fuzz.ron") else { return };
    match load_scenario_str(&text, "fuzz.ron", plan) {
        Ok((_, warnings)) => check_positions(&text, &warnings),
        Err(errors) => check_positions(&text, &errors),
    }
});
