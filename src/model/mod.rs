//! The plan as data: types, import from text, loading and validation, derived lookups and
//! search. Knows nothing of egui.

pub mod chart;
pub mod colours;
pub mod comparator;
pub mod compare;
pub mod deck;
pub mod diagnostics;
pub mod document;
pub mod drawing;
pub mod entries;
pub mod evaluation;
pub mod export;
pub mod format;
pub mod import;
pub mod indicators;
pub mod load;
pub mod loaded;
pub mod map;
pub mod marks;
pub mod messages;
pub mod outline;
pub mod overview;
pub mod places;
pub mod plan;
pub mod progress;
pub mod project;
pub mod regional;
pub mod ron_paths;
pub mod scenario;
pub mod scenario_files;
pub mod search;
pub mod slide;
pub mod summary;
pub mod synth;
pub mod table;
pub mod tabular;
pub mod text_fields;
pub mod whatif;

pub use diagnostics::{Diagnostic, Severity};
pub use document::Document;
pub use indicators::{Comparator, Indicator, Measure};
pub use outline::Outline;
pub use places::{Places, Region};
pub use plan::{Node, NodeKind, Plan};
pub use search::SearchIndex;
