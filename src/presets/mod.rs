//! The provider and host-application presets, compiled in from `presets/` by `build.rs`.

mod model;
#[cfg(test)]
mod profile_file;
#[cfg(test)]
mod tests;

pub use model::*;

use std::sync::OnceLock;

// postcard rather than JSON: its decoder adds a few KB to the wasm, serde_json's about 10.
// The index is in the first load; the providers' facts, read by the later screens and the
// tools, land in chunks (the wasm split moves data with the code that reads it), and their
// guides, the longest texts, only in the chunks of the screens that show them.
static INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.postcard"));
static PROVIDERS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/providers.postcard"));
static GUIDES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/guides.postcard"));
static TITLES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/titles.postcard"));
static APPS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/apps.postcard"));
static APP_INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/app_index.postcard"));
static ERRORS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/errors.postcard"));
static MAIL_CLIENTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/mail_clients.postcard"));
static RECEIVERS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/receivers.postcard"));
static PORT_RULES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/doctor.postcard"));

/// What the first screen and the step machine know of every provider, in file-name order.
pub fn index() -> &'static [ProviderIndex] {
    static CELL: OnceLock<Vec<ProviderIndex>> = OnceLock::new();
    CELL.get_or_init(|| postcard::from_bytes(INDEX).expect("build.rs wrote a valid index"))
}

pub fn indexed(id: &str) -> Option<&'static ProviderIndex> {
    index().iter().find(|p| p.id == id)
}

/// Every provider with its texts, in file-name order: for the screens after the address.
pub fn providers() -> &'static [Provider] {
    static CELL: OnceLock<Vec<Provider>> = OnceLock::new();
    CELL.get_or_init(|| postcard::from_bytes(PROVIDERS).expect("build.rs wrote valid providers"))
}

/// Every provider's guide, in the order of `providers()`: read only by the screens' chunks.
fn guides() -> &'static [Guide] {
    static CELL: OnceLock<Vec<Guide>> = OnceLock::new();
    CELL.get_or_init(|| postcard::from_bytes(GUIDES).expect("build.rs wrote valid guides"))
}

/// Every provider's step titles, in the order of `index()` and of each one's steps: read by
/// the step list and the link builder, which name every step of a path, apart from the
/// guides (the link builder's chunk then holds none of them).
fn titles() -> &'static [Vec<Localized>] {
    static CELL: OnceLock<Vec<Vec<Localized>>> = OnceLock::new();
    CELL.get_or_init(|| postcard::from_bytes(TITLES).expect("build.rs wrote valid titles"))
}

/// What the first screen knows of every application (name, resolver, colours), in file-name
/// order; the form labels stay in `apps`, read by the later screens' chunks.
pub fn app_index() -> &'static [AppIndex] {
    static CELL: OnceLock<Vec<AppIndex>> = OnceLock::new();
    CELL.get_or_init(|| postcard::from_bytes(APP_INDEX).expect("build.rs wrote a valid app index"))
}

pub fn indexed_app(id: &str) -> Option<&'static AppIndex> {
    app_index().iter().find(|a| a.id == id)
}

/// The application `id`, else the generic profile (a link's id is checked when read).
pub fn indexed_app_or_default(id: &str) -> &'static AppIndex {
    indexed_app(id)
        .or_else(|| indexed_app(DEFAULT_APP))
        .expect("the generic profile exists")
}

pub fn app_or_default(id: &str) -> &'static App {
    app(id)
        .or_else(|| app(DEFAULT_APP))
        .expect("the generic profile exists")
}

/// Every host-application profile, in file-name order.
pub fn apps() -> &'static [App] {
    static CELL: OnceLock<Vec<App>> = OnceLock::new();
    CELL.get_or_init(|| postcard::from_bytes(APPS).expect("build.rs wrote valid apps"))
}

fn error_data() -> &'static ErrorData {
    static CELL: OnceLock<ErrorData> = OnceLock::new();
    CELL.get_or_init(|| postcard::from_bytes(ERRORS).expect("build.rs wrote valid error patterns"))
}

/// Every error pattern, in file order.
pub fn errors() -> &'static [ErrorPattern] {
    &error_data().patterns
}

/// The words of a reply that name its provider (`presets/errors/servers.toml`).
pub fn reply_servers() -> &'static [ReplyServer] {
    &error_data().servers
}

/// How each mail client shows a message's headers, in file order.
pub fn mail_clients() -> &'static [MailClient] {
    static CELL: OnceLock<Vec<MailClient>> = OnceLock::new();
    CELL.get_or_init(|| postcard::from_bytes(MAIL_CLIENTS).expect("build.rs wrote valid mail clients"))
}

/// The large receivers' sender requirements, in file order (the DNS check's verdicts).
pub fn receivers() -> &'static [Receiver] {
    static CELL: OnceLock<Vec<Receiver>> = OnceLock::new();
    CELL.get_or_init(|| postcard::from_bytes(RECEIVERS).expect("build.rs wrote valid receivers"))
}

/// The security each port expects (settings doctor).
pub fn port_rules() -> &'static [PortRule] {
    static CELL: OnceLock<Vec<PortRule>> = OnceLock::new();
    CELL.get_or_init(|| postcard::from_bytes(PORT_RULES).expect("build.rs wrote valid port rules"))
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
    /// What this provider's screens say (its walkthrough, caveats and ways out).
    pub fn guide(&self) -> &'static Guide {
        let at = providers()
            .iter()
            .position(|p| p.id == self.id)
            .expect("a provider of the presets");
        &guides()[at]
    }

    pub fn step(&self, id: &str) -> Option<&'static Step> {
        self.guide().steps.iter().find(|s| s.id == id)
    }
}

impl ProviderIndex {
    pub fn step(&self, id: &str) -> Option<&StepIndex> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// The title of the step `id` of this provider's path, `{app}` unfilled.
    pub fn step_title(&self, id: &str) -> Option<&'static Localized> {
        let provider = index().iter().position(|p| p.id == self.id)?;
        let step = self.steps.iter().position(|s| s.id == id)?;
        titles().get(provider)?.get(step)
    }

    /// The branch the settings card and the test step belong to.
    pub fn card_branch(&self) -> Option<&str> {
        self.card_branch.as_deref().or(self.default_branch.as_deref())
    }
}

/// Each SPF include the presets ask for, with every provider that asks for it (one choice per
/// include in the SPF builder).
pub fn spf_includes() -> Vec<(&'static str, Vec<&'static Provider>)> {
    let mut includes: Vec<(&'static str, Vec<&'static Provider>)> = Vec::new();
    for provider in providers() {
        let Some(spf) = &provider.spf else { continue };
        match includes.iter_mut().find(|(include, _)| *include == spf.include) {
            Some((_, providers)) => providers.push(provider),
            None => includes.push((&spf.include, vec![provider])),
        }
    }
    includes
}

/// The mailboxes to start again with when this one cannot send (Outlook.com's ways out):
/// those that take a password, not the own-server choice.
pub fn restart_choices() -> impl Iterator<Item = &'static Provider> {
    providers()
        .iter()
        .filter(|p| p.kind == ProviderKind::Mailbox && !p.auth.refuses_passwords() && p.id != OWN_SERVER)
}

/// The provider screen's groups, in order: the named mailbox providers, the own-server
/// choice after them, and last the sending services, which send for a domain hosted elsewhere.
pub fn choice_groups() -> [Vec<&'static Provider>; 3] {
    let (services, mailboxes): (Vec<_>, Vec<_>) =
        providers().iter().partition(|p| p.kind == ProviderKind::SendingService);
    let (own, named) = mailboxes.into_iter().partition(|p| p.id == OWN_SERVER);
    [named, own, services]
}

/// The other offers of a provider (OVHcloud's E-mail Pro and Hosted Exchange for MX Plan).
pub fn offers_of(id: &str) -> impl Iterator<Item = &'static Provider> {
    providers().iter().filter(move |p| p.offer_of.as_deref() == Some(id))
}

/// The sending services, offered where a mailbox refuses passwords.
pub fn sending_services() -> impl Iterator<Item = &'static Provider> {
    providers().iter().filter(|p| p.kind == ProviderKind::SendingService)
}
