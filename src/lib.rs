//! plan-explorer: explore Inner Mongolia's 13th Five-Year S&T Innovation Plan offline.
//!
//! `model` holds the plan and everything that is not drawing; `cli` the subcommands;
//! `app` and `ui` the desktop window.

pub mod app;
pub mod cli;
pub mod crash;
pub mod fsutil;
pub mod i18n;
pub mod loader;
pub mod model;
pub mod render;
pub mod session;
pub mod ui;
