//! The provider and host-application presets, compiled in from `presets/` by `build.rs`.

mod model;
#[cfg(test)]
mod tests;

pub use model::*;

use std::sync::OnceLock;

static PROVIDERS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/providers.json"));
static APPS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/apps.json"));

/// Every provider, in file-name order.
pub fn providers() -> &'static [Provider] {
    static CELL: OnceLock<Vec<Provider>> = OnceLock::new();
    CELL.get_or_init(|| {
        serde_json::from_str(PROVIDERS_JSON).expect("build.rs wrote valid providers")
    })
}

/// Every host-application profile, in file-name order.
pub fn apps() -> &'static [App] {
    static CELL: OnceLock<Vec<App>> = OnceLock::new();
    CELL.get_or_init(|| serde_json::from_str(APPS_JSON).expect("build.rs wrote valid apps"))
}

pub fn provider(id: &str) -> Option<&'static Provider> {
    providers().iter().find(|p| p.id == id)
}

pub fn app(id: &str) -> Option<&'static App> {
    apps().iter().find(|a| a.id == id)
}

/// The provider id for "my company's own server", also the fallback for unknown domains.
pub const OWN_SERVER: &str = "other";
/// The application profile used when the link names none.
pub const DEFAULT_APP: &str = "generic";

impl Provider {
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }
}
