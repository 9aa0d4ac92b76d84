//! Pieces several views draw with: the indicator chart, bar plots, colours, status badges
//! and marked text.

pub mod bars;
pub mod chart;
pub mod highlight;
pub mod palette;
pub mod status;
