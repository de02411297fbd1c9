//! DNS-over-HTTPS: the resolver choice, the wire and JSON formats, the per-page cache and
//! the checks of a domain's mail records. Everything here is pure except `transport`, the
//! only code that speaks HTTP.

pub mod cache;
pub mod checks;
pub mod dkim;
pub mod endpoint;
pub mod json;
pub mod message;
#[cfg(target_arch = "wasm32")]
pub mod transport;
