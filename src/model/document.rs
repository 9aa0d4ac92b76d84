//! A loaded plan with everything derived from it that views and commands need: the
//! outline, the search index and the indicator measures' order. Built once per plan.

use std::sync::Arc;

use super::outline::Outline;
use super::plan::Plan;
use super::search::SearchIndex;

pub struct Document {
    pub plan: Plan,
    pub outline: Outline,
    /// Shared, so a large plan can be searched on a worker thread.
    pub search: Arc<SearchIndex>,
    /// Where the plan came from (`plan.ron` for the embedded one).
    pub source_name: String,
}

impl Document {
    pub fn new(plan: Plan, source_name: impl Into<String>) -> Self {
        let outline = Outline::new(&plan);
        let search = Arc::new(SearchIndex::new(&plan));
        Document { plan, outline, search, source_name: source_name.into() }
    }

    /// Every node of `ids` and all their ancestors, as a membership mask.
    pub fn with_ancestors(&self, nodes: impl IntoIterator<Item = usize>) -> Vec<bool> {
        let mut mask = vec![false; self.plan.nodes.len()];
        for i in nodes {
            let mut at = Some(i);
            while let Some(k) = at {
                if k >= mask.len() || mask[k] {
                    break;
                }
                mask[k] = true;
                at = self.outline.parent(k);
            }
        }
        mask
    }
}
