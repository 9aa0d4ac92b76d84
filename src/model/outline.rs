//! Derived lookups over a validated plan: ids to positions, children, depth, ancestors,
//! the indicators each node holds (itself and below). Built once per loaded plan.

use std::collections::HashMap;

use super::plan::{Node, Plan};

#[derive(Clone, Debug, Default)]
pub struct Outline {
    by_id: HashMap<String, usize>,
    parent: Vec<Option<usize>>,
    children: Vec<Vec<usize>>,
    roots: Vec<usize>,
    depth: Vec<u16>,
    /// Indices into `plan.indicators` whose source is this node.
    own_indicators: Vec<Vec<usize>>,
    /// Number of indicators in the node and all its descendants.
    indicator_totals: Vec<usize>,
    /// Nodes are in pre-order, so a subtree is a contiguous range: this is its end.
    subtree_end: Vec<usize>,
}

impl Outline {
    /// Requires a validated plan (parents precede children); unknown parents become roots.
    pub fn new(plan: &Plan) -> Self {
        let n = plan.nodes.len();
        let mut outline = Outline {
            by_id: HashMap::with_capacity(n),
            parent: Vec::with_capacity(n),
            children: vec![Vec::new(); n],
            roots: Vec::new(),
            depth: Vec::with_capacity(n),
            own_indicators: vec![Vec::new(); n],
            indicator_totals: vec![0; n],
            subtree_end: (1..=n).collect(),
        };
        for (i, node) in plan.nodes.iter().enumerate() {
            let parent = node.parent.as_deref().and_then(|p| outline.by_id.get(p).copied()).filter(|&p| p < i);
            outline.by_id.entry(node.id.clone()).or_insert(i);
            outline.parent.push(parent);
            match parent {
                Some(p) => {
                    outline.children[p].push(i);
                    let d = outline.depth[p].saturating_add(1);
                    outline.depth.push(d);
                }
                None => {
                    outline.roots.push(i);
                    outline.depth.push(0);
                }
            }
        }
        for (k, indicator) in plan.indicators.iter().enumerate() {
            if let Some(&i) = outline.by_id.get(&indicator.source_node) {
                outline.own_indicators[i].push(k);
            }
        }
        // Children follow parents, so one backward pass sums the subtrees.
        for i in (0..n).rev() {
            outline.indicator_totals[i] += outline.own_indicators[i].len();
            if let Some(p) = outline.parent[i] {
                outline.indicator_totals[p] += outline.indicator_totals[i];
                outline.subtree_end[p] = outline.subtree_end[p].max(outline.subtree_end[i]);
            }
        }
        outline
    }

    pub fn len(&self) -> usize {
        self.parent.len()
    }

    pub fn is_empty(&self) -> bool {
        self.parent.is_empty()
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    pub fn parent(&self, i: usize) -> Option<usize> {
        self.parent.get(i).copied().flatten()
    }

    pub fn children(&self, i: usize) -> &[usize] {
        self.children.get(i).map_or(&[], Vec::as_slice)
    }

    pub fn roots(&self) -> &[usize] {
        &self.roots
    }

    pub fn depth(&self, i: usize) -> u16 {
        self.depth.get(i).copied().unwrap_or(0)
    }

    /// From the root down to `i`'s parent.
    pub fn ancestors(&self, i: usize) -> Vec<usize> {
        let mut chain = Vec::new();
        let mut at = self.parent(i);
        while let Some(p) = at {
            chain.push(p);
            at = self.parent(p);
        }
        chain.reverse();
        chain
    }

    pub fn own_indicators(&self, i: usize) -> &[usize] {
        self.own_indicators.get(i).map_or(&[], Vec::as_slice)
    }

    pub fn indicator_total(&self, i: usize) -> usize {
        self.indicator_totals.get(i).copied().unwrap_or(0)
    }

    /// `i` and everything below it, in document order (a contiguous range).
    pub fn subtree(&self, i: usize) -> std::ops::Range<usize> {
        i..self.subtree_end.get(i).copied().unwrap_or(i)
    }

    pub fn has_children(&self, i: usize) -> bool {
        !self.children(i).is_empty()
    }

    /// A citation such as `《规划》第十三章 专栏45` for the node and its numbered ancestors.
    pub fn citation(&self, plan: &Plan, i: usize) -> String {
        use super::plan::NodeKind;
        let chain: Vec<usize> = self.ancestors(i).into_iter().chain(std::iter::once(i)).collect();
        // Box numbers are unique in the plan, so a box is cited by chapter and box alone.
        let in_box = chain.iter().any(|&k| plan.nodes[k].kind == NodeKind::Box);
        let mut parts: Vec<String> = Vec::new();
        for &k in &chain {
            let node: &Node = &plan.nodes[k];
            let skip = node.kind == NodeKind::Part
                || (in_box && matches!(node.kind, NodeKind::Section | NodeKind::Subsection));
            if !node.number.is_empty() && !skip {
                parts.push(node.number.clone());
            }
        }
        let last = &plan.nodes[i];
        if last.number.is_empty() && !last.title.is_empty() {
            parts.push(format!("“{}”", last.title));
        }
        format!("《规划》{}", parts.join(" "))
    }
}
