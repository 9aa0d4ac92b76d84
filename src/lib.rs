//! plan-explorer: explore Inner Mongolia's 13th Five-Year S&T Innovation Plan offline.
//!
//! `i18n` holds every word; `model` the plan and its specs as data; `session` what the window
//! and the command line share; `cli` the subcommands; `ui` the views and `app` the desktop
//! window around them (docs/ARCHITECTURE.md).

pub mod app;
pub mod cli;
pub mod clock;
pub mod crash;
pub mod fsutil;
pub mod i18n;
pub mod loader;
pub mod model;
pub mod render;
pub mod session;
pub mod ui;
