//! The Leptos interface: the only part of the crate that knows the DOM. It renders the pure
//! state of the other modules and turns clicks into their transitions.

mod address_step;
mod app;
mod copy_button;
mod database_card;
mod dkim_records;
mod dmarc_builder;
mod dns_checks;
mod dns_tool;
mod doctor_tool;
mod errors_tool;
mod headers_tool;
mod lazy;
mod link_tool;
mod nav;
mod notices;
mod print;
mod provider_step;
mod relay;
mod runs;
mod settings_card;
mod spf_tool;
mod walkthrough;
mod ways;
mod widgets;

pub use app::App;
