//! The settings doctor: what a user typed in their application's SMTP form, compared with
//! what the assistant knows (the address's provider and its preset, the port rules of
//! `presets/doctor.toml`, the Microsoft 365 relay's MX form and timeline, the error
//! patterns), as findings most serious first, each with the value that fixes it or the step
//! that does. Pure: the MX reading and today's date are passed in.

use strsim::levenshtein;

use crate::{
    address::{self, ToAscii},
    detect,
    presets::{self, AuthKind, Provider, ProviderKind, Security, UsernameForm, Widget},
    server::{self, ServerUrl},
    settings,
    timeline::{self, Date, Phase},
    troubleshoot,
    wizard::{self, Route},
};

/// Which password the user says they typed: the doctor never sees the password itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordKind {
    Account,
    App,
    None,
}

/// The form as typed. The address's local part is compared here and goes nowhere else.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Typed {
    pub address: String,
    pub host: String,
    pub port: String,
    /// `None` when the application has no security field: it follows the port.
    pub security: Option<Security>,
    pub user: String,
    pub password: Option<PasswordKind>,
    pub error: String,
}

/// A field of the form, for the value that fixes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Host,
    Port,
    Security,
    User,
}

/// How a finding is fixed: a value to type, the walkthrough of a provider, or a server URL
/// split into the form's fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fix {
    Value(Field, String),
    Walkthrough(String),
    Split,
}

pub use crate::severity::Severity;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// The sending address cannot be read.
    BadAddress,
    /// The server field holds a URL (`smtps://user:secret@host:465`): a form wants its parts,
    /// and the password, if any, belongs in the password field only.
    ServerUrl(ServerUrl),
    /// The server field holds an email address.
    HostIsAddress,
    /// A known server's name mistyped: `smtp.gmial.com`.
    HostTypo {
        expected: String,
    },
    /// Another provider's server for this address: `smtp.office365.com` for an outlook.fr.
    OtherProvidersHost {
        expected: String,
        other: String,
    },
    /// A server this assistant does not know, where the provider's is known.
    UnknownHost {
        expected: String,
    },
    NoHost,
    BadPort,
    /// SSL on 587, STARTTLS on 465, nothing on 465.
    PortSecurity {
        port: u16,
        expected: Security,
    },
    /// Port 25 to a submission server: blocked from ISP lines, refused by providers.
    Port25 {
        expected: u16,
    },
    /// A port the provider does not list with this server.
    UnusualPort {
        expected: u16,
    },
    /// The part before the @ where the provider wants the whole address, or the reverse.
    UserForm {
        expected: String,
    },
    /// Another mailbox than the sending address.
    UserOtherMailbox,
    NoUser,
    /// The account's password where the provider wants an app password.
    NeedsAppPassword,
    /// No password works: the provider takes OAuth 2.0 only.
    PasswordsRefused,
    /// Microsoft 365 SMTP AUTH with a password: off by default from the end of 2026.
    BasicAuthRetiring {
        after: bool,
    },
    /// The Microsoft 365 relay takes senders of its organisation's domains only.
    RelaySenderOutside {
        relay_domain: String,
    },
    /// The pasted error, explained (an `presets/errors` pattern).
    Error {
        pattern: String,
    },
    /// Nothing found against what this assistant knows.
    Consistent,
}

impl Finding {
    pub fn id(&self) -> &'static str {
        match self {
            Finding::BadAddress => "bad-address",
            Finding::ServerUrl(_) => "server-url",
            Finding::HostIsAddress => "host-is-address",
            Finding::HostTypo { .. } => "host-typo",
            Finding::OtherProvidersHost { .. } => "other-providers-host",
            Finding::UnknownHost { .. } => "unknown-host",
            Finding::NoHost => "no-host",
            Finding::BadPort => "bad-port",
            Finding::PortSecurity { .. } => "port-security",
            Finding::Port25 { .. } => "port-25",
            Finding::UnusualPort { .. } => "unusual-port",
            Finding::UserForm { .. } => "user-form",
            Finding::UserOtherMailbox => "user-other-mailbox",
            Finding::NoUser => "no-user",
            Finding::NeedsAppPassword => "needs-app-password",
            Finding::PasswordsRefused => "passwords-refused",
            Finding::BasicAuthRetiring { .. } => "basic-auth-retiring",
            Finding::RelaySenderOutside { .. } => "relay-sender-outside",
            Finding::Error { .. } => "error",
            Finding::Consistent => "consistent",
        }
    }

    /// Among findings of one severity, which is said first: a URL in the server field (the
    /// other findings read its parts), then passwords refused outright (no setting fixes those).
    fn precedence(&self) -> u8 {
        match self {
            Finding::ServerUrl(_) => 0,
            Finding::PasswordsRefused => 1,
            _ => 2,
        }
    }

    pub fn severity(&self) -> Severity {
        match self {
            Finding::UnknownHost { .. }
            | Finding::UnusualPort { .. }
            | Finding::UserOtherMailbox
            | Finding::BasicAuthRetiring { after: false }
            | Finding::Error { .. } => Severity::Warning,
            Finding::Consistent => Severity::Good,
            _ => Severity::Problem,
        }
    }
}

/// A finding and how it is fixed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnosis {
    pub finding: Finding,
    pub fix: Option<Fix>,
}

/// The provider of the form: the address's domain's, else the one the domain's MX names.
pub fn provider_of(domain: &str, mx_provider: Option<&str>) -> Option<&'static Provider> {
    detect::by_domain(domain)
        .map(|p| p.id.as_str())
        .or(mx_provider)
        .and_then(presets::provider)
}

/// Every finding for `typed`, most serious first; `mx_provider` is the provider the domain's
/// MX records name, when they could be read.
pub fn diagnose(typed: &Typed, mx_provider: Option<&str>, today: Date, to_ascii: ToAscii) -> Vec<Diagnosis> {
    let mut found = Vec::new();
    let address = address::parse(&typed.address, to_ascii).ok();
    let Some(address) = address else {
        return vec![Diagnosis {
            finding: Finding::BadAddress,
            fix: None,
        }];
    };
    let provider = provider_of(&address.domain, mx_provider);
    // A URL in the server field is read as the form it stands for, after saying so.
    let split;
    let typed = match server::url(&typed.host) {
        Some(url) => {
            split = split_into(typed, &url);
            found.push(Diagnosis {
                finding: Finding::ServerUrl(url),
                fix: Some(Fix::Split),
            });
            &split
        }
        None => typed,
    };
    let host = typed.host.trim().trim_end_matches('.').to_ascii_lowercase();
    let port = typed.port.trim().parse::<u16>().ok().filter(|p| *p > 0);
    let relay = relay_provider(&host);
    let is_relay = relay.is_some();

    if host.is_empty() {
        found.push(Diagnosis {
            finding: Finding::NoHost,
            fix: provider_host(provider).map(|h| Fix::Value(Field::Host, h)),
        });
    } else if let Some(relay) = relay {
        // A tenant's MX host names its domain with dashes: contoso-fr.mail.protection…
        let dashed = address.domain.replace('.', "-");
        if !host.starts_with(&format!("{dashed}.")) {
            let relay_domain = host.split('.').next().unwrap_or_default().to_owned();
            found.push(Diagnosis {
                finding: Finding::RelaySenderOutside { relay_domain },
                fix: Some(Fix::Walkthrough(relay.id.clone())),
            });
        }
    } else if host.contains('@') {
        found.push(Diagnosis {
            finding: Finding::HostIsAddress,
            fix: provider_host(provider).map(|h| Fix::Value(Field::Host, h)),
        });
    } else {
        found.extend(host_findings(&host, provider));
    }

    match (typed.port.trim().is_empty(), port) {
        (true, _) => {}
        (false, None) => found.push(Diagnosis {
            finding: Finding::BadPort,
            fix: provider_port(provider),
        }),
        (false, Some(port)) => found.extend(port_findings(port, typed.security, provider, is_relay)),
    }

    if !is_relay {
        found.extend(user_findings(typed, &address, provider));
        found.extend(password_findings(typed, &host, provider, today));
    }

    if !typed.error.trim().is_empty()
        && let Some(best) = troubleshoot::diagnose(&typed.error, provider.map(|p| p.id.as_str())).first()
    {
        found.push(Diagnosis {
            finding: Finding::Error {
                pattern: best.pattern.id.clone(),
            },
            fix: None,
        });
    }
    found.sort_by_key(|d| (d.finding.severity(), d.finding.precedence()));
    if found.is_empty() {
        found.push(Diagnosis {
            finding: Finding::Consistent,
            fix: None,
        });
    }
    found
}

/// The form `typed` stands for once `url`, typed in its server field, is split: the URL's
/// host, its port and security where it gives them, its user where none was typed.
pub fn split_into(typed: &Typed, url: &ServerUrl) -> Typed {
    let mut split = typed.clone();
    split.host = url.host.clone();
    if let Some(port) = url.port {
        split.port = port.to_string();
    }
    // An application without a security field (`None`) chooses it from the port.
    if typed.security.is_some() {
        split.security = url.security.or(typed.security);
    }
    if typed.user.trim().is_empty()
        && let Some(user) = &url.user
    {
        split.user = user.clone();
    }
    split
}

/// The provider whose MX host `host` is, when its preset walks through a relay to that host
/// (Microsoft 365's connector).
fn relay_provider(host: &str) -> Option<&'static Provider> {
    let provider = presets::provider(&detect::by_mx([host])?.id)?;
    has_widget(provider, Widget::RelaySettings).then_some(provider)
}

/// Read from the index: the steps' texts are the screens' (`Provider::guide`).
fn has_widget(provider: &Provider, widget: Widget) -> bool {
    presets::indexed(&provider.id).is_some_and(|p| p.steps.iter().any(|s| s.widget == Some(widget)))
}

fn provider_host(provider: Option<&Provider>) -> Option<String> {
    provider.and_then(|p| p.smtp.as_ref()).map(|s| s.host.clone())
}

fn provider_port(provider: Option<&Provider>) -> Option<Fix> {
    provider
        .and_then(|p| p.smtp.as_ref())
        .map(|s| Fix::Value(Field::Port, s.port.to_string()))
}

/// Every host a preset names, with its provider.
fn known_hosts() -> impl Iterator<Item = (&'static str, &'static Provider)> {
    presets::providers()
        .iter()
        .flat_map(|p| p.smtp.iter().chain(&p.alternatives).map(move |s| (s.host.as_str(), p)))
}

fn host_findings(host: &str, provider: Option<&'static Provider>) -> Option<Diagnosis> {
    let own: Vec<&str> = provider
        .map(|p| p.smtp.iter().chain(&p.alternatives).map(|s| s.host.as_str()).collect())
        .unwrap_or_default();
    let platform = provider
        .filter(|p| p.host_pattern.is_some())
        .is_some_and(|p| settings::typed_host_check(p, host).is_ok());
    if own.contains(&host) || platform {
        return None;
    }
    let nearest = |hosts: &mut dyn Iterator<Item = &str>| {
        hosts
            .map(|h| (levenshtein(h, host), h))
            .min()
            .filter(|(d, _)| *d <= 2)
            .map(|(_, h)| h.to_owned())
    };
    if let Some((_, other)) =
        known_hosts().find(|(h, p)| *h == host && Some(p.id.as_str()) != provider.map(|p| p.id.as_str()))
    {
        let expected = own.first().map(|h| (*h).to_owned())?;
        return Some(Diagnosis {
            finding: Finding::OtherProvidersHost {
                expected: expected.clone(),
                other: other.id.clone(),
            },
            fix: Some(Fix::Value(Field::Host, expected)),
        });
    }
    if let Some(expected) = nearest(&mut own.iter().copied()).or_else(|| nearest(&mut known_hosts().map(|(h, _)| h))) {
        return Some(Diagnosis {
            finding: Finding::HostTypo {
                expected: expected.clone(),
            },
            fix: Some(Fix::Value(Field::Host, expected)),
        });
    }
    // The provider's brand in another form: smtp.orange.com for smtp.orange.fr.
    let brand = |h: &str| h.split('.').rev().nth(1).map(str::to_owned);
    if let Some(expected) = own
        .iter()
        .find(|h| brand(h).is_some_and(|b| host.split('.').any(|l| l == b)))
    {
        return Some(Diagnosis {
            finding: Finding::HostTypo {
                expected: (*expected).to_owned(),
            },
            fix: Some(Fix::Value(Field::Host, (*expected).to_owned())),
        });
    }
    own.first().map(|expected| Diagnosis {
        finding: Finding::UnknownHost {
            expected: (*expected).to_owned(),
        },
        fix: Some(Fix::Value(Field::Host, (*expected).to_owned())),
    })
}

fn port_findings(port: u16, security: Option<Security>, provider: Option<&Provider>, relay: bool) -> Option<Diagnosis> {
    let rules = presets::port_rules();
    let rule = rules.iter().find(|r| r.port == port);
    if relay {
        // A connector relay takes mail on the server-to-server port only.
        let expected = rules.iter().find(|r| !r.submission).map(|r| r.port)?;
        return (port != expected).then(|| Diagnosis {
            finding: Finding::UnusualPort { expected },
            fix: Some(Fix::Value(Field::Port, expected.to_string())),
        });
    }
    let submission = provider.and_then(|p| p.smtp.as_ref());
    if let (Some(rule), Some(server)) = (rule, submission)
        && !rule.submission
    {
        return Some(Diagnosis {
            finding: Finding::Port25 { expected: server.port },
            fix: Some(Fix::Value(Field::Port, server.port.to_string())),
        });
    }
    if let (Some(rule), Some(security)) = (rule, security)
        && rule.security != security
        && (security != Security::None || rule.submission)
    {
        return Some(Diagnosis {
            finding: Finding::PortSecurity {
                port,
                expected: rule.security,
            },
            fix: Some(Fix::Value(Field::Security, Security::id(rule.security).to_owned())),
        });
    }
    let servers: Vec<u16> = provider
        .map(|p| p.smtp.iter().chain(&p.alternatives).map(|s| s.port).collect())
        .unwrap_or_default();
    if !servers.is_empty() && !servers.contains(&port) {
        return Some(Diagnosis {
            finding: Finding::UnusualPort { expected: servers[0] },
            fix: Some(Fix::Value(Field::Port, servers[0].to_string())),
        });
    }
    None
}

fn user_findings(typed: &Typed, address: &address::Address, provider: Option<&Provider>) -> Option<Diagnosis> {
    let user = typed.user.trim().to_lowercase();
    if user.is_empty() {
        let expected = provider.map_or_else(|| Some(address.full()), |p| expected_user(p, address))?;
        return Some(Diagnosis {
            finding: Finding::NoUser,
            fix: Some(Fix::Value(Field::User, expected)),
        });
    }
    let provider = provider?;
    let expected = expected_user(provider, address)?;
    if user == expected.to_lowercase() {
        return None;
    }
    let form_swapped = user == address.local.to_lowercase() || user == address.full().to_lowercase();
    Some(Diagnosis {
        finding: if form_swapped {
            Finding::UserForm {
                expected: expected.clone(),
            }
        } else {
            Finding::UserOtherMailbox
        },
        fix: Some(Fix::Value(Field::User, expected)),
    })
}

/// The user name a provider wants for `address`, when it follows from the address.
fn expected_user(provider: &Provider, address: &address::Address) -> Option<String> {
    match provider.username {
        UsernameForm::Address => Some(address.full()),
        UsernameForm::LocalPart => Some(address.local.clone()),
        UsernameForm::AskAdministrator | UsernameForm::Service => None,
    }
}

fn password_findings(typed: &Typed, host: &str, provider: Option<&Provider>, today: Date) -> Option<Diagnosis> {
    let provider = provider.filter(|p| p.kind == ProviderKind::Mailbox)?;
    let walkthrough = Some(Fix::Walkthrough(provider.id.clone()));
    // Microsoft 365's password sign-in follows a retirement calendar (its preset shows it).
    let retiring =
        has_widget(provider, Widget::BasicAuthTimeline) && provider.smtp.as_ref().is_some_and(|s| s.host == host);
    match (provider.auth, typed.password?) {
        (AuthKind::OauthOnly | AuthKind::NoSmtp, PasswordKind::Account | PasswordKind::App) => Some(Diagnosis {
            finding: Finding::PasswordsRefused,
            fix: walkthrough,
        }),
        (AuthKind::AppPassword, PasswordKind::Account) if retiring => Some(Diagnosis {
            finding: Finding::BasicAuthRetiring {
                after: timeline::phase(today) == Phase::After,
            },
            fix: walkthrough,
        }),
        (AuthKind::AppPassword, PasswordKind::Account) => Some(Diagnosis {
            finding: Finding::NeedsAppPassword,
            fix: walkthrough,
        }),
        _ => None,
    }
}

/// Where a finding's fix is shown: the provider's first walkthrough screen, or its settings
/// card for a value, for the address's domain.
pub fn fix_route(provider: &str, domain: Option<&str>, card: bool) -> Route {
    let mut route = Route {
        provider: Some(provider.to_owned()),
        domain: domain.map(str::to_owned),
        step: wizard::SETTINGS.to_owned(),
    };
    if !card {
        let path = route.path();
        let first = path
            .into_iter()
            .find(|s| ![wizard::ADDRESS, wizard::CHOOSE_PROVIDER].contains(s));
        route.step = first.unwrap_or(wizard::SETTINGS).to_owned();
    }
    route
}

#[cfg(test)]
mod tests;
