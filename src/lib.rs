//! gwr-charts: the quantitative goals of Chinese government work reports as charts.
//!
//! Data flows one way: file → [`model::Dataset`] → selection → [`chart`] → screen or PNG.

pub mod app;
pub mod batch;
pub mod chart;
pub mod cli;
pub mod collection;
pub mod compare;
pub mod deck;
pub mod divisions;
pub mod edit;
pub mod export;
pub mod extract;
pub mod files;
pub mod fonts;
pub mod formats;
pub mod history;
pub mod i18n;
pub mod merge;
pub mod model;
pub mod open;
pub mod order;
pub mod outcome;
pub mod panel;
pub mod render;
pub mod selection;
pub mod text_util;
pub mod vocabulary;

pub use app::GwrApp;

/// Every binary that links this crate (the app, its tests and benchmarks) allocates through
/// mimalloc: reading a report makes and frees hundreds of thousands of short strings and
/// vectors, often on two threads, and glibc's malloc spent a quarter of the time on them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
