//! The what-if page's chart: the series in hand against the plan and every shown scenario,
//! kept under the session's one invalidation rule (it is rebuilt when the scenarios change,
//! and for each revision of the what-if).

use std::sync::Arc;

use super::Session;
use crate::i18n::Lang;
use crate::model::chart::{Chart, ChartOptions};
use crate::model::scenario::{Scenario, WHOLE_REGION};
use crate::model::whatif::WhatIf;

impl Session {
    /// The chart of the series in hand: the plan's baseline and target, every shown scenario
    /// but the what-if's own saved file, and the what-if itself. `revision` names the state of
    /// `whatif` (it changes with every edit). `None` when no series is in hand.
    pub fn whatif_chart(&self, whatif: &WhatIf, revision: u64, lang: Lang) -> Option<Arc<Chart>> {
        let draft = whatif.draft()?;
        Some(self.derived.whatif.get_or((revision, lang), || {
            let own = whatif.file.as_ref();
            let mut what_if: Scenario = whatif.to_scenario(&self.doc().plan);
            // From the snapshot what is derived was built from, as every cached chart is.
            let snapshot = &self.derived.snapshot;
            // The what-if is drawn in the colour of its saved file where that is loaded, else
            // in one no loaded scenario has.
            let saved = snapshot.loaded.iter().zip(&snapshot.files).find(|(_, f)| own.is_some() && f.as_ref() == own);
            what_if.colour_slot = match saved {
                Some((s, _)) => s.colour_slot,
                None => super::scenarios::free_slot(snapshot.loaded.iter().map(|s| s.colour_slot)),
            };
            let mut scenarios: Vec<&Scenario> = snapshot
                .loaded
                .iter()
                .zip(&snapshot.files)
                .zip(&snapshot.shown)
                .filter(|((_, file), shown)| **shown && (own.is_none() || file.as_ref() != own))
                .map(|((s, _), _)| s.as_ref())
                .collect();
            scenarios.push(&what_if);
            let options = ChartOptions {
                lang,
                region: (draft.region != WHOLE_REGION).then(|| draft.region.clone()),
                ..ChartOptions::default()
            };
            super::derived::chart_of(self.doc(), &scenarios, std::slice::from_ref(&draft.measure), options)
        }))
    }
}
