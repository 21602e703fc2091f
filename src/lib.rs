//! crossread: read the news across sources.
//!
//! Dependencies flow one way: `corpus` -> `nlp` -> `index` -> `app` -> `ui`.

pub mod app;
pub mod atomic;
pub mod cli;
pub mod corpus;
pub mod days;
pub mod fx;
pub mod guard;
pub mod index;
pub mod log;
pub mod nlp;
pub mod output;
pub mod safe;
pub mod store;
pub mod ui;
