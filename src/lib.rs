//! mailsetup: an assistant that gets business software sending email through its customer's
//! own mailbox.
//!
//! Everything but `ui`, `browser` and the DNS transport is pure: no browser, no network,
//! tested with plain `cargo test`.
//! See ARCHITECTURE.md for the map.

pub mod address;
#[cfg(target_arch = "wasm32")]
pub mod browser;
pub mod detect;
pub mod dmarc;
pub mod dns;
pub mod doctor;
pub mod headers;
#[cfg(target_arch = "wasm32")]
mod heap;
pub mod i18n;
pub mod ipclass;
pub mod ispdb;
pub mod link;
pub mod m365;
pub mod mailto;
pub mod presets;
pub mod receivers;
pub mod report;
pub mod resolver;
pub mod server;
pub mod settings;
pub mod severity;
pub mod spf;
pub mod submission;
pub mod text;
pub mod timeline;
pub mod troubleshoot;
pub mod url_state;
pub mod wizard;

#[cfg(target_arch = "wasm32")]
pub mod ui;
