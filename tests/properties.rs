//! Random mutations of valid plan and scenario files never panic, and every message's line
//! and column lie inside the mutated file.

use std::sync::OnceLock;

use plan_explorer::model::Plan;
use plan_explorer::model::diagnostics::check_positions;
use plan_explorer::model::import::{Curation, import};
use plan_explorer::model::load::{decode_text, embedded_plan, load_plan_str};
use plan_explorer::model::scenario::load_scenario_str;
use proptest::prelude::*;

fn plan() -> &'static Plan {
    static PLAN: OnceLock<Plan> = OnceLock::new();
    PLAN.get_or_init(|| embedded_plan().unwrap())
}

/// A small valid plan file: the first chapters of the real text, imported and written.
fn small_plan_ron() -> &'static str {
    static SMALL: OnceLock<String> = OnceLock::new();
    SMALL.get_or_init(|| {
        let text: String = include_str!("../assets/source/plan.txt").lines().take(120).collect::<Vec<_>>().join("\n");
        let plan = import(&text, "excerpt.txt", &Curation::default()).unwrap();
        plan_explorer::cli::plan_to_ron(&plan).unwrap()
    })
}

const GOOD_SCENARIO: &str = include_str!("fixtures/scenarios/good.ron");

/// Characters that matter to RON, and some that matter to us.
const PIECES: &[&str] = &[
    "(", ")", "[", "]", ",", ":", "\"", "\\", "r#\"", "\n", " ", "-", "1e999", "NaN", "全区", "%", "Some(", "None",
    "/*", "\u{3000}",
];

#[derive(Clone, Debug)]
enum Mutation {
    Delete { at: usize, len: usize },
    Insert { at: usize, piece: usize },
    Duplicate { at: usize, len: usize },
    Byte { at: usize, byte: u8 },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1usize..64).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), 0..PIECES.len()).prop_map(|(at, piece)| Mutation::Insert { at, piece }),
        (any::<usize>(), 1usize..128).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Byte { at, byte }),
    ]
}

fn apply(src: &str, mutations: &[Mutation]) -> Vec<u8> {
    let mut bytes = src.as_bytes().to_vec();
    for m in mutations {
        let n = bytes.len().max(1);
        match *m {
            Mutation::Delete { at, len } => {
                let at = at % n;
                let end = (at + len).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            Mutation::Insert { at, piece } => {
                let at = at % (bytes.len() + 1);
                bytes.splice(at..at, PIECES[piece].bytes());
            }
            Mutation::Duplicate { at, len } => {
                let at = at % n;
                let end = (at + len).min(bytes.len());
                let copy: Vec<u8> = bytes.get(at..end).unwrap_or_default().to_vec();
                bytes.splice(end..end, copy);
            }
            Mutation::Byte { at, byte } => {
                let at = at % n;
                if let Some(b) = bytes.get_mut(at) {
                    *b = byte;
                }
            }
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn mutated_scenarios_never_panic(mutations in proptest::collection::vec(mutation(), 1..6)) {
        let bytes = apply(GOOD_SCENARIO, &mutations);
        if let Ok(text) = decode_text(&bytes, "m.ron") {
            match load_scenario_str(&text, "m.ron", plan()) {
                Ok((_, ds)) | Err(ds) => check_positions(&text, &ds),
            }
        }
    }

    #[test]
    fn mutated_plans_never_panic(mutations in proptest::collection::vec(mutation(), 1..6)) {
        let bytes = apply(small_plan_ron(), &mutations);
        if let Ok(text) = decode_text(&bytes, "m.ron")
            && let Err(ds) = load_plan_str(&text, "m.ron")
        {
            check_positions(&text, &ds);
        }
    }

    #[test]
    fn mutated_plan_texts_import_without_panic(mutations in proptest::collection::vec(mutation(), 1..8)) {
        let excerpt: String = include_str!("../assets/source/plan.txt").lines().take(100).collect::<Vec<_>>().join("\n");
        let bytes = apply(&excerpt, &mutations);
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(plan) = import(&text, "m.txt", &Curation::default()) {
            let mut ids: Vec<&str> = plan.nodes.iter().map(|n| n.id.as_str()).collect();
            ids.sort_unstable();
            let n = ids.len();
            ids.dedup();
            prop_assert_eq!(n, ids.len());
        }
    }
}
