//! A table as slides and exports show it (the evaluation, regional values, a chapter's
//! targets, a map's values).

/// A table for slides that show no chart (the evaluation, regional values, targets).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}
