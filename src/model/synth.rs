//! Larger plans for tests and benchmarks: the real plan's parts and chapters repeated with
//! new ids and numbers, and their indicators with them.

use super::plan::{Node, NodeKind, Plan};

/// A plan `scale` times the size of `plan` (scale 1 returns it unchanged). Copy `k` of a
/// node gets id `ID~k`; numbered headings get a `·k` suffix; measures of copy `k` are
/// distinct measures (`KEY~k`), so tables grow with the plan.
pub fn synth(plan: &Plan, scale: usize) -> Plan {
    let mut out = plan.clone();
    for k in 1..scale.max(1) {
        let rename = |id: &str| format!("{id}~{k}");
        for node in &plan.nodes {
            if node.kind == NodeKind::Notice {
                continue;
            }
            let mut copy: Node = node.clone();
            copy.id = rename(&node.id);
            copy.parent = node.parent.as_deref().map(rename);
            if !copy.number.is_empty() {
                copy.number = format!("{}·{k}", copy.number);
            }
            out.nodes.push(copy);
        }
        for ind in &plan.indicators {
            let mut copy = ind.clone();
            copy.id = rename(&ind.id);
            copy.measure = rename(&ind.measure);
            copy.source_node = rename(&ind.source_node);
            out.indicators.push(copy);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load::{EMBEDDED_PLAN, embedded_plan, validate};

    #[test]
    fn a_synthetic_plan_is_valid_and_scale_times_larger() {
        let plan = embedded_plan().unwrap();
        let big = synth(&plan, 3);
        assert_eq!(big.nodes.len(), plan.nodes.len() + 2 * (plan.nodes.len() - 1));
        assert_eq!(big.indicators.len(), 3 * plan.indicators.len());
        let problems = validate(&big, EMBEDDED_PLAN, "synth");
        assert!(problems.iter().all(|d| !d.is_error()), "{problems:?}");
        assert!(big.nodes.iter().any(|n| n.id == "ch13~2" && n.number == "第十三章·2"));
    }
}
