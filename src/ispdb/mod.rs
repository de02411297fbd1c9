//! Thunderbird's provider database (ISPDB), asked live for a domain no curated preset knows:
//! which service is asked (`service`), which domains are sent and in what order (`ways`), how
//! an answer is read (`config`) and what it means for an application's SMTP form (`advice`).
//! Only `transport` (wasm only) speaks HTTP.

pub mod advice;
pub mod config;
pub mod service;
#[cfg(target_arch = "wasm32")]
pub mod transport;
pub mod ways;

pub use config::Config;
