//! Any text through the importer with the real curation: no panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use plan_explorer::model::import::{Curation, import};
use plan_explorer::model::load::parse_ron;

static CURATION: OnceLock<Curation> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let curation = CURATION
        .get_or_init(|| parse_ron(include_str!("../../assets/curation.ron"), "curation.ron").expect("valid curation"));
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(plan) = import(text, "fuzz.txt", curation) {
        // Whatever the text, the ids it produces are unique.
        let mut ids: Vec<&str> = plan.nodes.iter().map(|n| n.id.as_str()).collect();
        ids.sort_unstable();
        let before = ids.len();
        ids.dedup();
        assert_eq!(before, ids.len(), "duplicate ids");
    }
});
