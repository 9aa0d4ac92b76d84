//! Where the reader is in the plan: the selection, which nodes are expanded, the search and
//! its hits, the filters, and the rows the tree shows. Plain data and logic, no egui, so it
//! is tested without a window.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use super::LARGE_PLAN_NODES;
use crate::model::Document;
use crate::model::search::Hit;
use crate::session::background::Background;
use crate::ui::{RegionFilter, TreeKey};

#[derive(Default)]
struct Search {
    query: String,
    hits: Vec<Hit>,
    /// Which hit Enter last jumped to.
    current: Option<usize>,
    mask: Option<Vec<bool>>,
    /// Node → its entry in `hits`, so views find a node's hit ranges without searching again.
    hit_of: HashMap<usize, usize>,
    /// A large plan's query being searched on a worker thread (about 12 ms at 75,000 nodes,
    /// so typing never waits for it); the last results stay shown until it ends.
    worker: Background<Vec<Hit>>,
}

pub struct Navigation {
    expanded: Vec<bool>,
    selected: Option<usize>,
    search: Search,
    region_mask: Option<Vec<bool>>,
    /// A filter set by clicking a bar (or a 盟市): its label and mask.
    bar_filter: Option<(String, Vec<bool>)>,
    rows: Vec<usize>,
    rows_dirty: bool,
    scroll_to_selected: bool,
}

impl Navigation {
    /// Restores the expanded nodes, the selection and the region filter by id; ids that no
    /// longer exist are dropped.
    pub fn new(
        doc: &Document,
        expanded_ids: &BTreeSet<String>,
        selected_id: Option<&str>,
        filter: &RegionFilter,
    ) -> Self {
        let mut expanded = vec![false; doc.plan.nodes.len()];
        for id in expanded_ids {
            if let Some(i) = doc.outline.index_of(id) {
                expanded[i] = true;
            }
        }
        let mut nav = Navigation {
            expanded,
            selected: selected_id.and_then(|id| doc.outline.index_of(id)),
            search: Search::default(),
            region_mask: None,
            bar_filter: None,
            rows: Vec::new(),
            rows_dirty: true,
            scroll_to_selected: true,
        };
        nav.set_region_filter(doc, filter);
        nav
    }

    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    pub fn expanded(&self) -> &[bool] {
        &self.expanded
    }

    /// Ids of the expanded nodes, for the settings.
    pub fn expanded_ids(&self, doc: &Document) -> BTreeSet<String> {
        self.expanded
            .iter()
            .enumerate()
            .filter(|(_, open)| **open)
            .filter_map(|(i, _)| doc.plan.nodes.get(i).map(|n| n.id.clone()))
            .collect()
    }

    pub fn selected_id(&self, doc: &Document) -> Option<String> {
        self.selected.and_then(|i| doc.plan.nodes.get(i)).map(|n| n.id.clone())
    }

    pub fn select(&mut self, doc: &Document, i: usize) {
        if i >= doc.plan.nodes.len() {
            return;
        }
        self.selected = Some(i);
        // Keep the selection visible in the tree.
        for a in doc.outline.ancestors(i) {
            if !self.expanded[a] {
                self.expanded[a] = true;
                self.rows_dirty = true;
            }
        }
        self.scroll_to_selected = true;
    }

    pub fn set_expanded(&mut self, i: usize, open: bool) {
        if let Some(slot) = self.expanded.get_mut(i) {
            *slot = open;
            self.rows_dirty = true;
        }
    }

    pub fn toggle(&mut self, i: usize) {
        let open = !self.expanded.get(i).copied().unwrap_or(false);
        self.set_expanded(i, open);
    }

    pub fn expand_all(&mut self, doc: &Document) {
        for i in 0..self.expanded.len() {
            if doc.outline.has_children(i) {
                self.expanded[i] = true;
            }
        }
        self.rows_dirty = true;
    }

    pub fn collapse_all(&mut self) {
        self.expanded.iter_mut().for_each(|e| *e = false);
        self.rows_dirty = true;
    }

    /// Moves with the keyboard. Returns true when the key asks to read the selected node.
    pub fn key(&mut self, doc: &Document, key: TreeKey) -> bool {
        self.refresh_rows(doc);
        let pos = self.selected.and_then(|s| self.rows.iter().position(|&r| r == s));
        match key {
            TreeKey::Down | TreeKey::Up => {
                let next = match (pos, key == TreeKey::Down) {
                    (None, _) => 0,
                    (Some(p), true) => (p + 1).min(self.rows.len().saturating_sub(1)),
                    (Some(p), false) => p.saturating_sub(1),
                };
                if let Some(&node) = self.rows.get(next) {
                    self.select(doc, node);
                }
            }
            TreeKey::Right | TreeKey::Left | TreeKey::Enter => {
                let Some(sel) = self.selected else { return false };
                let open = self.expanded.get(sel).copied().unwrap_or(false);
                match key {
                    TreeKey::Right if doc.outline.has_children(sel) => {
                        if !open {
                            self.set_expanded(sel, true);
                        } else if let Some(&child) = doc.outline.children(sel).first() {
                            self.select(doc, child);
                        }
                    }
                    TreeKey::Left if open => self.set_expanded(sel, false),
                    TreeKey::Left => {
                        if let Some(parent) = doc.outline.parent(sel) {
                            self.select(doc, parent);
                        }
                    }
                    TreeKey::Enter => return true,
                    _ => {}
                }
            }
        }
        false
    }

    pub fn query(&self) -> &str {
        &self.search.query
    }

    pub fn set_query(&mut self, doc: &Document, query: &str) {
        self.search.query = query.to_string();
        if query.trim().is_empty() || doc.plan.nodes.len() < LARGE_PLAN_NODES {
            self.search.worker.cancel();
            let hits = doc.search.search(query);
            self.apply_hits(doc, hits);
            return;
        }
        let index = Arc::clone(&doc.search);
        let query = query.to_string();
        self.search.worker.start(move || index.search(&query));
    }

    /// Applies a background search that has finished; true when the hits changed.
    pub fn poll_search(&mut self, doc: &Document) -> bool {
        let Some(hits) = self.search.worker.poll() else { return false };
        self.apply_hits(doc, hits);
        true
    }

    /// Whether a background search is still running.
    pub fn searching(&self) -> bool {
        self.search.worker.running()
    }

    /// Blocks until a background search has its results, leaving them for the next
    /// [`Navigation::poll_search`] (the frame that shows them) to apply. For tests and benchmarks.
    pub fn wait_for_search(&mut self) {
        self.search.worker.wait();
    }

    fn apply_hits(&mut self, doc: &Document, hits: Vec<Hit>) {
        self.search.hits = hits;
        self.search.hit_of = self.search.hits.iter().enumerate().map(|(k, h)| (h.node, k)).collect();
        self.search.current = None;
        self.search.mask = if self.search.query.trim().is_empty() {
            None
        } else {
            Some(doc.with_ancestors(self.search.hits.iter().map(|h| h.node)))
        };
        self.rows_dirty = true;
    }

    /// (hits, nodes with hits) of the current query.
    pub fn hit_count(&self) -> (usize, usize) {
        let total = self.search.hits.iter().map(|h| h.title_hits.len().max(h.text_hits.len()).max(1)).sum();
        (total, self.search.hits.len())
    }

    /// The search hit in node `i`, if it has one.
    pub fn hit_in(&self, i: usize) -> Option<&Hit> {
        self.search.hit_of.get(&i).and_then(|&k| self.search.hits.get(k))
    }

    /// Selects the next (or previous) search hit, in the order hits are ranked. Returns
    /// false when there is none.
    pub fn jump_hit(&mut self, doc: &Document, forward: bool) -> bool {
        let n = self.search.hits.len();
        if n == 0 {
            return false;
        }
        let next = match (self.search.current, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(c), true) => (c + 1) % n,
            (Some(c), false) => (c + n - 1) % n,
        };
        self.search.current = Some(next);
        let node = self.search.hits[next].node;
        self.select(doc, node);
        true
    }

    pub fn set_region_filter(&mut self, doc: &Document, filter: &RegionFilter) {
        self.region_mask = match filter {
            RegionFilter::All => None,
            RegionFilter::Region(region) => Some(doc.with_ancestors(
                doc.plan.nodes.iter().enumerate().filter(|(_, n)| n.regions.contains(region)).map(|(i, _)| i),
            )),
            RegionFilter::City(city) => Some(doc.with_ancestors(
                doc.plan.nodes.iter().enumerate().filter(|(_, n)| n.cities.contains(city)).map(|(i, _)| i),
            )),
        };
        self.rows_dirty = true;
    }

    pub fn filter_tree(&mut self, doc: &Document, label: String, nodes: Vec<usize>) {
        self.bar_filter = Some((label, doc.with_ancestors(nodes)));
        self.rows_dirty = true;
    }

    pub fn clear_tree_filter(&mut self) {
        self.bar_filter = None;
        self.rows_dirty = true;
    }

    pub fn filter_label(&self) -> Option<&str> {
        self.bar_filter.as_ref().map(|(label, _)| label.as_str())
    }

    /// The rows the tree shows, recomputed only after something changed them.
    pub fn rows(&mut self, doc: &Document) -> &[usize] {
        self.refresh_rows(doc);
        &self.rows
    }

    /// The rows as of the last call to [`Navigation::rows`] (which recomputes them if needed).
    pub fn last_rows(&self) -> &[usize] {
        &self.rows
    }

    /// The row to scroll to, once after the selection moved.
    pub fn take_scroll_request(&mut self, doc: &Document) -> Option<usize> {
        if !std::mem::take(&mut self.scroll_to_selected) {
            return None;
        }
        self.refresh_rows(doc);
        self.selected.and_then(|s| self.rows.iter().position(|&r| r == s))
    }

    fn refresh_rows(&mut self, doc: &Document) {
        if self.rows_dirty {
            let mask = self.filter_mask();
            self.rows = visible_rows(doc, &self.expanded, mask.as_deref());
            self.rows_dirty = false;
        }
    }

    /// The combined filter: search hits, region, and a bar clicked in the regional view.
    fn filter_mask(&self) -> Option<Vec<bool>> {
        let masks: Vec<&Vec<bool>> =
            [self.search.mask.as_ref(), self.region_mask.as_ref(), self.bar_filter.as_ref().map(|b| &b.1)]
                .into_iter()
                .flatten()
                .collect();
        let first = masks.first()?;
        Some((0..first.len()).map(|i| masks.iter().all(|m| m.get(i).copied().unwrap_or(false))).collect())
    }
}

/// Which nodes are visible: all of them in document order, skipping collapsed subtrees,
/// or, when `mask` is given, exactly the masked nodes (a filter shows its matches expanded).
pub fn visible_rows(doc: &Document, expanded: &[bool], mask: Option<&[bool]>) -> Vec<usize> {
    let n = doc.plan.nodes.len();
    let mut rows = Vec::new();
    let mut i = 0;
    while i < n {
        if let Some(mask) = mask {
            if mask.get(i).copied().unwrap_or(false) {
                rows.push(i);
                i += 1;
            } else {
                // Nothing below an unmatched node is matched (ancestors are in the mask).
                i = doc.outline.subtree(i).end.max(i + 1);
            }
            continue;
        }
        rows.push(i);
        if expanded.get(i).copied().unwrap_or(false) {
            i += 1;
        } else {
            i = doc.outline.subtree(i).end.max(i + 1);
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::test_document;

    fn nav(doc: &Document) -> Navigation {
        Navigation::new(doc, &BTreeSet::new(), None, &RegionFilter::All)
    }

    #[test]
    fn arrows_walk_the_visible_rows_and_open_and_close_nodes() {
        let doc = test_document();
        let mut nav = nav(&doc);
        let top = (0..doc.plan.nodes.len()).filter(|&i| doc.outline.depth(i) == 0).count();
        let parts = nav.rows(&doc).len();
        assert_eq!(parts, top, "all collapsed: the top level only");
        nav.key(&doc, TreeKey::Down);
        assert_eq!(nav.selected(), Some(nav.rows(&doc)[0]), "↓ with nothing selected takes the first row");
        let pt1 = doc.outline.index_of("pt1").expect("part 1");
        while nav.selected() != Some(pt1) {
            nav.key(&doc, TreeKey::Down);
        }
        nav.key(&doc, TreeKey::Right);
        assert!(nav.rows(&doc).len() > parts, "→ expands");
        nav.key(&doc, TreeKey::Right);
        let child = nav.selected().expect("selected");
        assert_eq!(doc.outline.parent(child), doc.outline.index_of("pt1"), "→ again steps into the first child");
        nav.key(&doc, TreeKey::Left);
        assert_eq!(nav.selected_id(&doc).as_deref(), Some("pt1"), "← on a closed node goes to its parent");
        nav.key(&doc, TreeKey::Left);
        assert_eq!(nav.rows(&doc).len(), parts, "← on an open node closes it");
        assert!(nav.key(&doc, TreeKey::Enter), "Enter asks to read the selection");
    }

    #[test]
    fn search_and_filters_narrow_the_rows_together() {
        let doc = test_document();
        let mut nav = nav(&doc);
        nav.set_query(&doc, "稀土");
        let searched = nav.rows(&doc).to_vec();
        assert!(!searched.is_empty());
        nav.set_region_filter(&doc, &RegionFilter::City("包头".into()));
        let both = nav.rows(&doc).to_vec();
        assert!(both.len() < searched.len() && both.iter().all(|r| searched.contains(r)));
        assert!(nav.jump_hit(&doc, true));
        let hit = nav.selected().expect("a hit is selected");
        assert!(nav.hit_in(hit).is_some());
        nav.set_query(&doc, "");
        nav.set_region_filter(&doc, &RegionFilter::All);
        assert!(nav.rows(&doc).contains(&hit), "with the filters cleared the jumped-to hit stays in view");
    }

    #[test]
    fn a_large_plan_is_searched_in_the_background_with_the_same_hits() {
        let small = test_document();
        let large = crate::model::Document::new(crate::model::synth::synth(&small.plan, 30), "synth");
        assert!(large.plan.nodes.len() >= LARGE_PLAN_NODES);
        let mut nav = nav(&large);
        nav.set_query(&large, "稀土");
        // The query is taken at once; the hits come when the worker is done.
        assert_eq!(nav.query(), "稀土");
        nav.wait_for_search();
        assert!(!nav.searching());
        assert!(nav.poll_search(&large), "the frame after the worker ends applies its hits");
        assert_eq!(nav.hit_count().1, large.search.search("稀土").len());
        let mask = large.with_ancestors(large.search.search("稀土").iter().map(|h| h.node));
        assert!(nav.rows(&large).iter().all(|&r| mask[r]), "the tree shows the hits and their ancestors only");
        // A newer query replaces one still running: only its hits are ever applied.
        nav.set_query(&large, "第十三章");
        nav.set_query(&large, "专栏17");
        nav.wait_for_search();
        nav.poll_search(&large);
        assert_eq!(nav.hit_count().1, large.search.search("专栏17").len());
        // Polling returns false until there is something new.
        assert!(!nav.poll_search(&large));
    }

    #[test]
    fn the_selection_and_expanded_nodes_are_saved_by_id() {
        let doc = test_document();
        let mut nav = nav(&doc);
        let i = doc.outline.index_of("ch11").expect("chapter 11");
        nav.select(&doc, i);
        assert_eq!(nav.selected_id(&doc).as_deref(), Some("ch11"));
        let expanded = nav.expanded_ids(&doc);
        assert!(expanded.contains("pt4"), "selecting opens the ancestors: {expanded:?}");
        let restored = Navigation::new(&doc, &expanded, Some("ch11"), &RegionFilter::All);
        assert_eq!(restored.selected(), Some(i));
    }
}
