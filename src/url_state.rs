//! The support-link interface: the query parameters `lang`, `app`, `provider`, `domain` and
//! `step` (and a diagnosis's server settings), read into a valid state with a notice for each
//! value that was not usable, and written back. Every link the page writes is `to_query` of a
//! state: known parameters only, each one validated, so neither a parameter the page does not
//! know (`user=`, `password=`) nor a value typed in the wrong field ever rides along. The
//! address's local part never enters the URL.

use crate::{
    address::{self, ToAscii},
    dns::endpoint::{self, Endpoint, Refusal},
    i18n::Lang,
    presets::{self, Security},
    server,
    wizard::{self, Route},
};

/// A standalone tool opened instead of the wizard (`?tool=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    Spf,
    Dns,
    Errors,
    Link,
    Headers,
    Doctor,
}

impl Tool {
    pub const ALL: [Tool; 6] = [
        Tool::Spf,
        Tool::Dns,
        Tool::Errors,
        Tool::Link,
        Tool::Headers,
        Tool::Doctor,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Tool::Spf => "spf",
            Tool::Dns => "dns",
            Tool::Errors => "errors",
            Tool::Link => "link",
            Tool::Headers => "headers",
            Tool::Doctor => "doctor",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlState {
    /// Only set when the link or the user chose a language; else the browser's is used.
    pub lang: Option<Lang>,
    pub tool: Option<Tool>,
    /// The DNS-over-HTTPS resolver the link asks for.
    pub doh: Option<Endpoint>,
    /// The copy of Thunderbird's provider database the link asks for: a base URL on this
    /// machine, or `off` (`ispdb::service::parse`).
    pub ispdb: Option<String>,
    /// Inside another site's iframe: no page header or footer, height posted to the parent.
    pub embed: bool,
    pub app: String,
    pub route: Route,
    /// The server settings a diagnosis link shares (`?tool=doctor`), written for that tool only.
    pub shared: SharedSettings,
}

/// The server settings a diagnosis link carries (`host`, `port`, `security`): each one only
/// when it reads as what it names, so an address, a password or a URL with credentials typed
/// in the wrong field is never shared.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SharedSettings {
    pub host: Option<String>,
    pub port: Option<u16>,
    pub security: Option<Security>,
}

impl SharedSettings {
    /// The settings of a form as typed: what does not read as a host, a port or a security is
    /// left out.
    pub fn from_typed(host: &str, port: &str, security: Option<Security>) -> Self {
        SharedSettings {
            host: server::host(host),
            port: server::port(port),
            security,
        }
    }
}

impl Default for UrlState {
    fn default() -> Self {
        UrlState {
            lang: None,
            tool: None,
            doh: None,
            ispdb: None,
            embed: false,
            app: presets::DEFAULT_APP.to_owned(),
            route: Route::default(),
            shared: SharedSettings::default(),
        }
    }
}

/// A value of the link that was ignored, and why. The interface words each one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    UnknownLang(String),
    UnknownApp(String),
    UnknownProvider(String),
    BadDomain(String),
    /// `domain=` held a whole address: the mailbox name was dropped.
    AddressInLink,
    UnknownStep(String),
    UnknownTool(String),
    /// `?doh=` named no known resolver, or a URL outside this machine.
    DohRefused(String, Refusal),
    /// `?ispdb=` named a URL outside this machine.
    IspdbRefused(String, Refusal),
    /// Parameters that look like a password or a mailbox name (their names): dropped from
    /// the page's address and from every link it writes.
    SecretsInLink(Vec<String>),
}

/// Names of unknown parameters that say they hold a credential or a mailbox, in the
/// languages of the users and of the frameworks' settings (`MAIL_PASSWORD`, `EMAIL_HOST_USER`).
const SECRET_WORDS: [&str; 14] = [
    "pass",
    "pwd",
    "secret",
    "token",
    "key",
    "user",
    "login",
    "mail",
    "address",
    "mdp",
    "identifiant",
    "utilisateur",
    "courriel",
    "adresse",
];

/// Whether a parameter the page does not read should be named in a notice: its name says it
/// holds a secret or a mailbox, or its value holds an address.
fn looks_secret(name: &str, value: &str) -> bool {
    let name = name.to_ascii_lowercase();
    SECRET_WORDS.iter().any(|w| name.contains(w)) || value.contains('@')
}

/// Reads a query string (with or without the leading `?`).
pub fn parse(query: &str, to_ascii: ToAscii) -> (UrlState, Vec<Notice>) {
    let mut state = UrlState::default();
    let mut notices = Vec::new();
    let mut step = None;
    let mut secrets = Vec::new();
    for (key, value) in form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
        let value = value.trim().to_owned();
        match key.as_ref() {
            "lang" => match Lang::from_code(&value) {
                Some(lang) => state.lang = Some(lang),
                None => notices.push(Notice::UnknownLang(value)),
            },
            "app" => match presets::indexed_app(&value.to_ascii_lowercase()) {
                Some(app) => state.app = app.id.clone(),
                None => notices.push(Notice::UnknownApp(value)),
            },
            "provider" => match presets::indexed(&value.to_ascii_lowercase()) {
                Some(provider) => state.route.provider = Some(provider.id.clone()),
                None => notices.push(Notice::UnknownProvider(value)),
            },
            "domain" => {
                let domain = match value.rsplit_once('@') {
                    Some((_, domain)) => {
                        notices.push(Notice::AddressInLink);
                        domain.to_owned()
                    }
                    None => value,
                };
                match address::domain_to_ascii(domain.trim_end_matches('.'), to_ascii) {
                    Ok(ascii) => state.route.domain = Some(ascii),
                    Err(_) => notices.push(Notice::BadDomain(domain)),
                }
            }
            "step" => step = Some(value.to_ascii_lowercase()),
            "embed" => state.embed = matches!(value.as_str(), "1" | "true"),
            "doh" => match endpoint::parse(&value) {
                Ok(endpoint) => state.doh = Some(endpoint),
                Err(refusal) => notices.push(Notice::DohRefused(value, refusal)),
            },
            "ispdb" => match crate::ispdb::service::parse(&value) {
                Ok(service) => state.ispdb = Some(service),
                Err(refusal) => notices.push(Notice::IspdbRefused(value, refusal)),
            },
            "tool" => match Tool::ALL.into_iter().find(|t| t.id().eq_ignore_ascii_case(&value)) {
                Some(tool) => state.tool = Some(tool),
                None => notices.push(Notice::UnknownTool(value)),
            },
            "host" => state.shared.host = server::host(&value),
            "port" => state.shared.port = server::port(&value),
            "security" => state.shared.security = Security::from_id(&value.to_ascii_lowercase()),
            other if looks_secret(other, &value) => secrets.push(short_name(other)),
            _ => {}
        }
    }
    if !secrets.is_empty() {
        notices.push(Notice::SecretsInLink(secrets));
    }
    if state.tool != Some(Tool::Doctor) {
        state.shared = SharedSettings::default();
    }
    if state.route.provider.is_none() {
        state.route.provider = state
            .route
            .domain
            .as_deref()
            .and_then(crate::detect::by_domain)
            .map(|p| p.id.clone());
    }
    state.route.step = match step {
        Some(step) if state.route.has_step(&step) => step,
        requested => {
            if let Some(step) = requested.filter(|s| !s.is_empty()) {
                notices.push(Notice::UnknownStep(step));
            }
            default_step(&state.route)
        }
    };
    (state, notices)
}

/// A parameter's name as a notice shows it: printable, and short.
fn short_name(name: &str) -> String {
    name.chars().filter(|c| !c.is_control()).take(24).collect()
}

/// Without a usable `step`, open where the link's other values lead: the provider's first
/// screen, else the provider choice for a known domain, else the address.
fn default_step(route: &Route) -> String {
    let skip_choice = route.provider.is_some();
    let path = route.path();
    let first = path
        .into_iter()
        .find(|s| *s != wizard::ADDRESS && !(skip_choice && *s == wizard::CHOOSE_PROVIDER));
    first.unwrap_or(wizard::ADDRESS).to_owned()
}

/// Writes the state as a query string starting with `?`: the one writer of every link the
/// page makes (its own address, "copy a link", fixes, the link builder, the diagnosis link).
/// Only known parameters, each validated again here, whatever built the state: an unknown
/// application or provider, a domain that is not one, or server settings outside the doctor
/// are left out.
pub fn to_query(state: &UrlState) -> String {
    let mut out = form_urlencoded::Serializer::for_suffix(String::from("?"), 1);
    if let Some(lang) = state.lang {
        out.append_pair("lang", lang.code());
    }
    if state.embed {
        out.append_pair("embed", "1");
    }
    if let Some(tool) = state.tool {
        out.append_pair("tool", tool.id());
    }
    if let Some(doh) = &state.doh {
        out.append_pair("doh", doh.id());
    }
    if let Some(ispdb) = state
        .ispdb
        .as_deref()
        .filter(|v| crate::ispdb::service::parse(v).is_ok())
    {
        out.append_pair("ispdb", ispdb);
    }
    if state.app != presets::DEFAULT_APP && presets::indexed_app(&state.app).is_some() {
        out.append_pair("app", &state.app);
    }
    let provider = state
        .route
        .provider
        .as_deref()
        .filter(|p| presets::indexed(p).is_some());
    if let Some(provider) = provider {
        out.append_pair("provider", provider);
    }
    // A domain is written as the page reads it back: ASCII (IDNA), as a host name.
    if let Some(domain) = state.route.domain.as_deref().and_then(server::host) {
        out.append_pair("domain", &domain);
    }
    if state
        .route
        .step
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        out.append_pair("step", &state.route.step);
    }
    if state.tool == Some(Tool::Doctor) {
        let shared = &state.shared;
        if let Some(host) = shared.host.as_deref().and_then(server::host) {
            out.append_pair("host", &host);
        }
        if let Some(port) = shared.port.filter(|p| *p > 0) {
            out.append_pair("port", &port.to_string());
        }
        if let Some(security) = shared.security {
            out.append_pair("security", security.id());
        }
    }
    out.finish()
}

/// The state of a history entry the user moved to (Back, Forward), and whether the typed
/// address stays. The language the user chose stays: an older entry was written in the
/// language of its time. The address stays while the entry names no other domain (the first
/// screen's entry names none).
pub fn from_history(mut read: UrlState, chosen: Option<Lang>, typed_domain: Option<&str>) -> (UrlState, bool) {
    read.lang = chosen.or(read.lang);
    let keep = read.route.domain.as_deref().is_none_or(|d| Some(d) == typed_domain);
    (read, keep)
}

/// How a change of state is written to the browser's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryWrite {
    /// A new screen or tool: a new entry, so Back returns to the previous one.
    Push,
    /// The same screen worded or looked up otherwise (language, resolver, the tool's domain):
    /// the current entry is rewritten.
    Replace,
}

pub fn history_write(before: &UrlState, after: &UrlState) -> HistoryWrite {
    let screen = |s: &UrlState| (s.tool, s.route.provider.clone(), s.route.step.clone());
    if screen(before) == screen(after) {
        HistoryWrite::Replace
    } else {
        HistoryWrite::Push
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_of_the_history_keeps_the_chosen_language_and_the_typed_address() {
        let entry = |lang, domain: Option<&str>| UrlState {
            lang,
            route: Route {
                domain: domain.map(Into::into),
                ..Route::default()
            },
            ..UrlState::default()
        };
        let cases = [
            (
                entry(Some(Lang::En), Some("acme.fr")),
                Some(Lang::Fr),
                Some("acme.fr"),
                Some(Lang::Fr),
                true,
            ),
            (entry(Some(Lang::En), None), None, Some("acme.fr"), Some(Lang::En), true),
            (
                entry(None, Some("other.fr")),
                Some(Lang::Fr),
                Some("acme.fr"),
                Some(Lang::Fr),
                false,
            ),
        ];
        for (read, chosen, typed, lang, keep) in cases {
            let (state, kept) = from_history(read, chosen, typed);
            assert_eq!((state.lang, kept), (lang, keep), "{typed:?}");
        }
    }

    #[test]
    fn a_new_screen_is_a_new_history_entry() {
        let start = UrlState::default();
        let with = |change: fn(&mut UrlState)| {
            let mut state = start.clone();
            change(&mut state);
            state
        };
        let cases: &[(UrlState, HistoryWrite)] = &[
            (with(|s| s.lang = Some(Lang::Fr)), HistoryWrite::Replace),
            (with(|s| s.doh = Some(Endpoint::Quad9)), HistoryWrite::Replace),
            (with(|s| s.route.domain = Some("acme.fr".into())), HistoryWrite::Replace),
            (
                with(|s| s.route.step = wizard::CHOOSE_PROVIDER.into()),
                HistoryWrite::Push,
            ),
            (with(|s| s.route.provider = Some("gmail".into())), HistoryWrite::Push),
            (with(|s| s.tool = Some(Tool::Dns)), HistoryWrite::Push),
        ];
        for (after, expected) in cases {
            assert_eq!(history_write(&start, after), *expected, "{after:?}");
        }
    }
    use crate::address::idna_crate;
    use Notice::*;

    fn state(lang: Option<Lang>, app: &str, provider: Option<&str>, domain: Option<&str>, step: &str) -> UrlState {
        UrlState {
            lang,
            tool: None,
            doh: None,
            ispdb: None,
            embed: false,
            app: app.into(),
            route: Route {
                provider: provider.map(Into::into),
                domain: domain.map(Into::into),
                step: step.into(),
            },
            shared: SharedSettings::default(),
        }
    }

    #[test]
    fn parse_table() {
        let cases: &[(&str, UrlState, &[Notice])] = &[
            ("", state(None, "generic", None, None, "address"), &[]),
            ("?lang=fr", state(Some(Lang::Fr), "generic", None, None, "address"), &[]),
            (
                "lang=EN&app=lokisi",
                state(Some(Lang::En), "lokisi", None, None, "address"),
                &[],
            ),
            (
                "?provider=gmail&step=google-2sv",
                state(None, "generic", Some("gmail"), None, "google-2sv"),
                &[],
            ),
            (
                "?provider=microsoft365&domain=acme.fr&step=relay-spf",
                state(None, "generic", Some("microsoft365"), Some("acme.fr"), "relay-spf"),
                &[],
            ),
            (
                "?app=isagi-connect&provider=microsoft365&domain=acme.fr&step=m365-timeline",
                state(
                    None,
                    "isagi-connect",
                    Some("microsoft365"),
                    Some("acme.fr"),
                    "m365-timeline",
                ),
                &[],
            ),
            (
                "?domain=orange.fr",
                state(None, "generic", Some("orange"), Some("orange.fr"), "settings"),
                &[],
            ),
            (
                "?domain=acme.fr",
                state(None, "generic", None, Some("acme.fr"), "provider"),
                &[],
            ),
            (
                "?domain=Caf%C3%A9.fr",
                state(None, "generic", None, Some("xn--caf-dma.fr"), "provider"),
                &[],
            ),
            (
                "?domain=jean%40gmail.com",
                state(None, "generic", Some("gmail"), Some("gmail.com"), "google-sign-in"),
                &[AddressInLink],
            ),
            (
                "?provider=gmail",
                state(None, "generic", Some("gmail"), None, "google-sign-in"),
                &[],
            ),
            (
                "?lang=de",
                state(None, "generic", None, None, "address"),
                &[UnknownLang(String::new())],
            ),
            (
                "?app=sage",
                state(None, "generic", None, None, "address"),
                &[UnknownApp(String::new())],
            ),
            (
                "?provider=lycos",
                state(None, "generic", None, None, "address"),
                &[UnknownProvider(String::new())],
            ),
            (
                "?domain=not_a_domain",
                state(None, "generic", None, None, "address"),
                &[BadDomain(String::new())],
            ),
            (
                "?provider=orange&step=google-2sv",
                state(None, "generic", Some("orange"), None, "settings"),
                &[UnknownStep(String::new())],
            ),
            (
                "?step=settings",
                state(None, "generic", None, None, "address"),
                &[UnknownStep(String::new())],
            ),
            ("?step=", state(None, "generic", None, None, "address"), &[]),
            (
                "?provider=%3Cscript%3E&step=%00",
                state(None, "generic", None, None, "address"),
                &[UnknownProvider(String::new()), UnknownStep(String::new())],
            ),
        ];
        for (query, expected, notices) in cases {
            let (got, got_notices) = parse(query, idna_crate);
            assert_eq!(&got, expected, "{query}");
            let kinds = |n: &[Notice]| n.iter().map(std::mem::discriminant).collect::<Vec<_>>();
            assert_eq!(kinds(&got_notices), kinds(notices), "{query}: {got_notices:?}");
        }
    }

    #[test]
    fn round_trip_keeps_every_step_of_every_provider() {
        for provider in presets::providers() {
            for domain in [None, provider.domains.first().map(String::as_str), Some("acme.fr")] {
                let route = Route {
                    provider: Some(provider.id.clone()),
                    domain: domain.map(Into::into),
                    step: String::new(),
                };
                for step in route.path() {
                    let original = state(Some(Lang::Fr), "lokisi", Some(&provider.id), domain, step);
                    let query = to_query(&original);
                    let (parsed, notices) = parse(&query, idna_crate);
                    assert_eq!(parsed, original, "{query}");
                    assert!(notices.is_empty(), "{query}: {notices:?}");
                }
            }
        }
    }

    #[test]
    fn tools() {
        let (parsed, notices) = parse("?tool=SPF&lang=fr", idna_crate);
        assert_eq!((parsed.tool, notices), (Some(Tool::Spf), vec![]));
        assert_eq!(to_query(&parsed), "?lang=fr&tool=spf&step=address");
        let (parsed, notices) = parse("?tool=nope", idna_crate);
        assert_eq!((parsed.tool, notices), (None, vec![UnknownTool("nope".into())]));
    }

    #[test]
    fn resolvers() {
        let (parsed, notices) = parse(
            "?tool=dns&doh=http%3A%2F%2F127.0.0.1%3A8053%2Fdns-query&domain=acme.fr",
            idna_crate,
        );
        assert_eq!(
            parsed.doh,
            Some(Endpoint::Url("http://127.0.0.1:8053/dns-query".into()))
        );
        assert!(notices.is_empty());
        assert_eq!(
            to_query(&parsed),
            "?tool=dns&doh=http%3A%2F%2F127.0.0.1%3A8053%2Fdns-query&domain=acme.fr&step=provider"
        );
        let (parsed, notices) = parse("?doh=https%3A%2F%2Fdns.evil.example%2Fdns-query", idna_crate);
        assert_eq!(parsed.doh, None);
        assert_eq!(
            notices,
            [DohRefused(
                "https://dns.evil.example/dns-query".into(),
                Refusal::NotLoopback
            )]
        );
    }

    #[test]
    fn provider_databases() {
        let local = "?ispdb=http%3A%2F%2F127.0.0.1%3A8081%2Fv1.1%2F&domain=acme.fr&step=provider";
        let (parsed, notices) = parse(local, idna_crate);
        assert_eq!(parsed.ispdb.as_deref(), Some("http://127.0.0.1:8081/v1.1/"));
        assert!(notices.is_empty());
        assert_eq!(to_query(&parsed), local);
        let (parsed, _) = parse("?ispdb=off", idna_crate);
        assert_eq!(to_query(&parsed), "?ispdb=off&step=address");
        let (parsed, notices) = parse("?ispdb=https%3A%2F%2Fispdb.evil.example%2F", idna_crate);
        assert_eq!(parsed.ispdb, None);
        assert_eq!(
            notices,
            [IspdbRefused("https://ispdb.evil.example/".into(), Refusal::NotLoopback)]
        );
    }

    #[test]
    fn unknown_parameters_are_dropped_and_secrets_named() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "?utm_source=help&embed=1&provider=free&domain=free.fr&step=settings",
                "?embed=1&provider=free&domain=free.fr&step=settings",
                &[],
            ),
            (
                "?tool=doctor&user=paul%40acme.fr&password=hunter2&host=smtp.gmail.com",
                "?tool=doctor&step=address&host=smtp.gmail.com",
                &["user", "password"],
            ),
            (
                "?provider=gmail&MAIL_PASSWORD=x&mdp=y",
                "?provider=gmail&step=google-sign-in",
                &["MAIL_PASSWORD", "mdp"],
            ),
            ("?from=paul%40acme.fr", "?step=address", &["from"]),
            // Server settings belong to a diagnosis link only.
            ("?host=smtp.gmail.com&port=465&security=ssl", "?step=address", &[]),
        ];
        for (query, written, secrets) in cases {
            let (parsed, notices) = parse(query, idna_crate);
            assert_eq!(to_query(&parsed), *written, "{query}");
            let named: Vec<String> = notices
                .iter()
                .filter_map(|n| match n {
                    SecretsInLink(names) => Some(names.clone()),
                    _ => None,
                })
                .flatten()
                .collect();
            assert_eq!(named, *secrets, "{query}");
        }
    }

    /// The one writer of every link: whatever a state holds, only known parameters, each one
    /// valid, come out; a diagnosis shares its settings only when each reads as what it names.
    #[test]
    fn links_carry_known_and_valid_parameters_only() {
        let doctor = |host: &str, port: &str, security| UrlState {
            tool: Some(Tool::Doctor),
            shared: SharedSettings::from_typed(host, port, security),
            ..UrlState::default()
        };
        let cases = [
            (
                doctor("smtp.gmail.com", "465", Some(Security::Ssl)),
                "?tool=doctor&step=address&host=smtp.gmail.com&port=465&security=ssl",
            ),
            (
                doctor("smtps://name:secret@smtp.gmail.com:465", "465", None),
                "?tool=doctor&step=address&port=465",
            ),
            (doctor("paul@gmail.com", "hunter2", None), "?tool=doctor&step=address"),
            (doctor("Secret123", "0", None), "?tool=doctor&step=address"),
            (
                doctor("192.0.2.25", "25", None),
                "?tool=doctor&step=address&host=192.0.2.25&port=25",
            ),
            (
                UrlState {
                    tool: Some(Tool::Errors),
                    shared: SharedSettings::from_typed("smtp.gmail.com", "587", None),
                    ..UrlState::default()
                },
                "?tool=errors&step=address",
            ),
            (
                state(None, "<script>", Some("paul@acme.fr"), Some("paul@acme.fr"), "a b"),
                "?",
            ),
            (
                state(Some(Lang::Fr), "odoo", Some("gmail"), Some("gmail.com"), "google-2sv"),
                "?lang=fr&app=odoo&provider=gmail&domain=gmail.com&step=google-2sv",
            ),
        ];
        for (state, expected) in cases {
            let query = to_query(&state);
            assert_eq!(query, expected, "{state:?}");
            if query.contains("step=") {
                let (read, _) = parse(&query, idna_crate);
                assert_eq!(to_query(&read), query, "{query} reads back the same");
            }
        }
    }

    /// The parameters `parse` reads; any other is dropped.
    const KNOWN: [&str; 12] = [
        "lang", "embed", "tool", "doh", "ispdb", "app", "provider", "domain", "step", "host", "port", "security",
    ];

    proptest::proptest! {
        /// Whatever a link holds, reading it does not panic, and what the page writes back
        /// holds no value of a parameter it does not know.
        #[test]
        fn any_link_is_read_and_written_without_its_unknown_values(
            name in "[a-z_]{1,12}",
            value in "[a-zA-Z0-9@.%é ]{4,20}",
            known in "(lang|app|provider|domain|step|tool|doh|ispdb|embed|host|port|security)=[a-z0-9.:/%-]{0,20}",
        ) {
            let query = format!("?{known}&{name}=secret{}", form_urlencoded::byte_serialize(value.as_bytes()).collect::<String>());
            let (state, _) = parse(&query, idna_crate);
            let written = to_query(&state);
            let unknown = !KNOWN.contains(&name.as_str());
            proptest::prop_assert!(!unknown || !written.contains("secret"), "{query} → {written}");
            server::url(&value);
        }
    }
}
