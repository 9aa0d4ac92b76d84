//! Loading scenario files against the embedded plan, as the window and `check` do, for the
//! tests that feed the loader hostile files.

use std::path::{Path, PathBuf};

use plan_explorer::model::Diagnostic;
use plan_explorer::model::load::embedded_plan;
use plan_explorer::model::plan::Plan;
use plan_explorer::model::scenario::Scenario;
use plan_explorer::model::scenario_files::load_scenarios_file;

pub fn plan() -> Plan {
    embedded_plan().expect("the embedded plan is valid")
}

/// A session on the embedded plan with the shipped actual values, in Chinese.
pub fn session() -> plan_explorer::session::Session {
    let doc = plan_explorer::model::Document::new(plan(), "plan.ron");
    plan_explorer::session::Session::new(doc, plan_explorer::i18n::Lang::Zh)
}

/// A fresh folder for one test's files.
pub fn dir(tag: &str) -> PathBuf {
    let dir = super::temp_dir(tag);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

pub fn texts(ds: &[Diagnostic]) -> Vec<String> {
    ds.iter().map(ToString::to_string).collect()
}

/// The file's scenarios and warnings; a refusal fails the test, showing why.
pub fn loaded(path: &Path) -> (Vec<Scenario>, Vec<Diagnostic>) {
    load_scenarios_file(path, &plan()).unwrap_or_else(|e| panic!("refused: {:#?}", texts(&e)))
}

/// The file's refusal, as printed; loading it fails the test.
pub fn refused(path: &Path) -> Vec<String> {
    match load_scenarios_file(path, &plan()) {
        Ok((s, w)) => panic!("loaded {} scenarios with {:#?}; expected a refusal", s.len(), texts(&w)),
        Err(e) => texts(&e),
    }
}
