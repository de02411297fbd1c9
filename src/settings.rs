//! The settings card: what to type in each field of the host application's SMTP form.

use crate::{
    address::Address,
    i18n::{Lang, Localized},
    ispdb::{self, advice::UserForm},
    presets::{App, AuthKind, Credentials, MxRelay, Provider, Security, UsernameForm},
    text::{self, screens::W},
};

/// One line of the card: the application's label and the value to type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub label: String,
    pub value: String,
    /// Whether `value` is the literal text to type (else it describes what to type).
    pub literal: bool,
}

/// The rows in the order of a typical SMTP form. Fields the application does not have are
/// left out.
pub fn rows(
    provider: &Provider,
    app: &App,
    address: Option<&Address>,
    typed_host: Option<&str>,
    lang: Lang,
) -> Vec<Row> {
    let f = &app.fields;
    let card = Card { app, lang };
    let mut rows = card.fixed();
    match &provider.smtp {
        Some(server) => {
            // A per-customer host is typed by the user; without it, the card says where to find it.
            match (
                &provider.host_pattern,
                typed_host.map(|h| typed_host_check(provider, h)),
            ) {
                (None, _) => rows.push(card.row(&f.host, server.host.clone(), true)),
                (Some(_), Some(Ok(host))) => rows.push(card.row(&f.host, host, true)),
                (Some(pattern), _) => rows.push(card.row(&f.host, pattern.where_shown.get(lang).to_owned(), false)),
            }
            rows.push(card.row(&f.port, server.port.to_string(), true));
            rows.extend(card.security(Some(server.security)));
        }
        None => {
            rows.push(card.row(&f.host, W::FromIt.get(lang).to_owned(), false));
            rows.push(card.row(&f.port, W::FromIt.get(lang).to_owned(), false));
            rows.extend(card.security(None));
        }
    }
    if let Some(label) = &f.auth_required {
        rows.push(card.row(label, W::Yes.get(lang).to_owned(), true));
    }
    rows.push(match (provider.username, address, &provider.credentials) {
        (UsernameForm::Address, Some(a), _) => card.row(&f.user, a.full(), true),
        (UsernameForm::LocalPart, Some(a), _) => card.row(&f.user, a.local.clone(), true),
        (
            UsernameForm::Service,
            _,
            Some(Credentials {
                user_literal: Some(word),
                ..
            }),
        ) => card.row(&f.user, word.clone(), true),
        _ => card.row(&f.user, user_text(provider, lang), false),
    });
    rows.push(card.row(&f.password, password_text(provider, lang), false));
    if let (Some(label), Some(seconds)) = (&f.send_delay, provider.send_delay_seconds) {
        rows.push(card.row(label, W::seconds(lang, &seconds.to_string()), false));
    }
    rows.extend(card.sender(address));
    rows
}

/// What the rows of every card share: the application's labels in one language.
struct Card<'a> {
    app: &'a App,
    lang: Lang,
}

impl Card<'_> {
    fn row(&self, label: &Localized, value: String, literal: bool) -> Row {
        Row {
            label: label.get(self.lang).to_owned(),
            value,
            literal,
        }
    }

    /// The fields whose value never depends on the provider.
    fn fixed(&self) -> Vec<Row> {
        let fixed = &self.app.fields.fixed;
        fixed
            .iter()
            .map(|f| self.row(&f.field, f.value.get(self.lang).to_owned(), true))
            .collect()
    }

    /// The security in the application's own words: one field, two yes/no boxes, or nothing
    /// (chosen from the port). `None`: not known, to ask.
    fn security(&self, security: Option<Security>) -> Vec<Row> {
        let (f, lang) = (&self.app.fields, self.lang);
        let Some(security) = security else {
            let ask = |label: &Localized| self.row(label, W::FromIt.get(lang).to_owned(), false);
            let boxes = f.security_boxes.iter().flat_map(|b| [ask(&b.ssl), ask(&b.starttls)]);
            return f.security.iter().map(ask).chain(boxes).collect();
        };
        let word = match &f.security_choices {
            Some(choices) => choices.get(security).get(lang),
            None => text::security(security, lang),
        };
        let yes_no = |on: bool| if on { W::Yes } else { W::No }.get(lang).to_owned();
        let boxes = f.security_boxes.iter().flat_map(|b| {
            [
                self.row(&b.ssl, yes_no(security == Security::Ssl), true),
                self.row(&b.starttls, yes_no(security == Security::Starttls), true),
            ]
        });
        f.security
            .iter()
            .map(|label| self.row(label, word.to_owned(), true))
            .chain(boxes)
            .collect()
    }

    /// The sender field: the mailbox's own address, the only one its server sends as.
    fn sender(&self, address: Option<&Address>) -> Option<Row> {
        let label = self.app.fields.sender.as_ref()?;
        Some(match address {
            Some(a) => self.row(label, a.full(), true),
            None => self.row(label, W::SenderAddress.get(self.lang).to_owned(), false),
        })
    }
}

/// Why a typed host is not the provider's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostRefusal {
    Empty,
    /// Not of the form of the provider's hosts (the expected form is given).
    NotThePattern(String),
}

/// The typed host, normalised (trimmed, lower case, no final dot), when it has the form of
/// the provider's `host_pattern` (`{n}`: one or more digits).
pub fn typed_host_check(provider: &Provider, typed: &str) -> Result<String, HostRefusal> {
    let host = typed.trim().trim_end_matches('.').to_ascii_lowercase();
    let Some(pattern) = &provider.host_pattern else {
        return Ok(host);
    };
    if host.is_empty() {
        return Err(HostRefusal::Empty);
    }
    let refusal = || HostRefusal::NotThePattern(pattern.pattern.replace("{n}", "N"));
    let (prefix, suffix) = pattern.pattern.split_once("{n}").ok_or_else(refusal)?;
    let digits = host
        .strip_prefix(prefix)
        .and_then(|rest| rest.strip_suffix(suffix))
        .ok_or_else(refusal)?;
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        Ok(host)
    } else {
        Err(refusal())
    }
}

/// What goes in the user name field, described (the address itself is known only on the card).
pub fn user_text(provider: &Provider, lang: Lang) -> String {
    match (provider.username, &provider.credentials) {
        (UsernameForm::Service, Some(credentials)) => credentials.user.get(lang).to_owned(),
        (UsernameForm::Address, _) => W::UserFullAddress.get(lang).to_owned(),
        (UsernameForm::LocalPart, _) => W::UserLocalPart.get(lang).to_owned(),
        (UsernameForm::AskAdministrator | UsernameForm::Service, _) => W::FromIt.get(lang).to_owned(),
    }
}

/// What goes in the password field.
pub fn password_text(provider: &Provider, lang: Lang) -> String {
    match (provider.auth, &provider.credentials) {
        (AuthKind::ServiceKey, Some(credentials)) => credentials.password.get(lang).to_owned(),
        (AuthKind::AppPassword, _) => W::PasswordApp.get(lang).to_owned(),
        (AuthKind::Password | AuthKind::OauthOnly | AuthKind::NoSmtp, _) => W::PasswordMailbox.get(lang).to_owned(),
        (AuthKind::AskAdministrator | AuthKind::ServiceKey, _) => W::FromIt.get(lang).to_owned(),
    }
}

/// The rows for a server read from Thunderbird's provider database: its values, the user name
/// filled from the address in the page (described when there is none), the mailbox's password.
pub fn database_rows(app: &App, server: &ispdb::config::Server, address: Option<&Address>, lang: Lang) -> Vec<Row> {
    let f = &app.fields;
    let card = Card { app, lang };
    let mut rows = card.fixed();
    rows.push(card.row(&f.host, server.host.clone(), true));
    rows.push(card.row(&f.port, server.port.to_string(), true));
    rows.extend(card.security(Some(server.security)));
    if let Some(label) = &f.auth_required {
        rows.push(card.row(label, W::Yes.get(lang).to_owned(), true));
    }
    let template = server.username.as_deref().unwrap_or("%EMAILADDRESS%");
    rows.push(match ispdb::advice::username(template, address) {
        Some(user) => card.row(&f.user, user, true),
        None => {
            let described = match ispdb::advice::user_form(template) {
                UserForm::Address => W::UserFullAddress.get(lang).to_owned(),
                UserForm::LocalPart => W::UserLocalPart.get(lang).to_owned(),
                UserForm::Other => template.to_owned(),
            };
            card.row(&f.user, described, false)
        }
    });
    rows.push(card.row(&f.password, W::PasswordMailbox.get(lang).to_owned(), false));
    rows.extend(card.sender(address));
    rows
}

/// The rows for a relay to the domain's MX host (Microsoft 365's connector relay and direct
/// send): its port and security, no authentication, and a pause between messages.
pub fn relay_rows(app: &App, relay: &MxRelay, mx_host: Option<&str>, lang: Lang) -> Vec<Row> {
    let f = &app.fields;
    let card = Card { app, lang };
    let mut rows = card.fixed();
    rows.push(match mx_host {
        Some(host) => card.row(&f.host, host.to_owned(), true),
        None => card.row(&f.host, W::MxHostFromDns.get(lang).to_owned(), false),
    });
    rows.push(card.row(&f.port, relay.port.to_string(), true));
    rows.extend(card.security(Some(relay.security)));
    if let Some(label) = &f.auth_required {
        rows.push(card.row(label, W::No.get(lang).to_owned(), true));
    }
    rows.push(card.row(&f.user, W::LeaveEmpty.get(lang).to_owned(), false));
    rows.push(card.row(&f.password, W::LeaveEmpty.get(lang).to_owned(), false));
    if let Some(label) = &f.send_delay {
        rows.push(card.row(label, W::seconds(lang, &relay.send_delay_seconds.to_string()), false));
    }
    rows.extend(card.sender(None));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{address, presets};

    fn card(provider: &str, app: &str, address: Option<&str>, lang: Lang) -> Vec<(String, String)> {
        let address = address.map(|a| address::parse(a, address::idna_crate).unwrap());
        rows(
            presets::provider(provider).unwrap(),
            presets::app(app).unwrap(),
            address.as_ref(),
            None,
            lang,
        )
        .into_iter()
        .map(|r| (r.label, r.value))
        .collect()
    }

    fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
        expected
            .iter()
            .map(|(l, v)| ((*l).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn typed_hosts() {
        let pro = presets::provider("ovh-email-pro").unwrap();
        let exchange = presets::provider("ovh-exchange").unwrap();
        let refused = |p: &str| Err(HostRefusal::NotThePattern(p.to_owned()));
        let cases: &[(&Provider, &str, Result<String, HostRefusal>)] = &[
            (pro, "pro1.mail.ovh.net", Ok("pro1.mail.ovh.net".into())),
            (pro, " PRO3.mail.ovh.net. ", Ok("pro3.mail.ovh.net".into())),
            (pro, "pro.mail.ovh.net", refused("proN.mail.ovh.net")),
            (pro, "ssl0.ovh.net", refused("proN.mail.ovh.net")),
            (pro, "pro1.mail.ovh.net.evil.example", refused("proN.mail.ovh.net")),
            (pro, "ex5.mail.ovh.net", refused("proN.mail.ovh.net")),
            (exchange, "ex5.mail.ovh.net", Ok("ex5.mail.ovh.net".into())),
            (exchange, "exa.mail.ovh.net", refused("exN.mail.ovh.net")),
            (exchange, "  ", Err(HostRefusal::Empty)),
        ];
        for (provider, typed, expected) in cases {
            assert_eq!(&typed_host_check(provider, typed), expected, "{typed}");
        }
        let generic = presets::app("generic").unwrap();
        let host = |typed| rows(pro, generic, None, typed, Lang::En)[0].clone();
        assert_eq!(
            (
                host(Some("pro2.mail.ovh.net")).value.as_str(),
                host(Some("pro2.mail.ovh.net")).literal
            ),
            ("pro2.mail.ovh.net", true)
        );
        assert!(!host(Some("ssl0.ovh.net")).literal && !host(None).literal);
    }

    #[test]
    fn database_cards_fill_the_user_name_in_the_page() {
        let server = ispdb::config::Server {
            host: "smtp.post.example".into(),
            port: 465,
            security: Security::Ssl,
            username: Some("%EMAILLOCALPART%".into()),
            auth: vec![ispdb::config::Auth::Password],
            restricted: false,
        };
        let odoo = presets::app("odoo").unwrap();
        let address = address::parse("jan@post.example", address::idna_crate).unwrap();
        let card = |address: Option<&Address>| {
            database_rows(odoo, &server, address, Lang::En)
                .into_iter()
                .map(|r| (r.label, r.value, r.literal))
                .collect::<Vec<_>>()
        };
        let with = card(Some(&address));
        assert!(
            with.contains(&("SMTP Server".into(), "smtp.post.example".into(), true)),
            "{with:?}"
        );
        assert!(with.contains(&("Username".into(), "jan".into(), true)), "{with:?}");
        let without = card(None);
        assert!(
            without.contains(&("Username".into(), W::UserLocalPart.get(Lang::En).into(), false)),
            "{without:?}"
        );
    }

    fn m365_relay() -> &'static MxRelay {
        presets::provider("microsoft365")
            .and_then(|p| p.relay.as_ref())
            .unwrap()
    }

    #[test]
    fn relay_cards_in_each_forms_words() {
        let card = |app: &str| {
            relay_rows(
                presets::app(app).unwrap(),
                m365_relay(),
                Some("acme-fr.mail.protection.outlook.com"),
                Lang::En,
            )
            .into_iter()
            .map(|r| (r.label, r.value))
            .collect::<Vec<_>>()
        };
        let odoo = card("odoo");
        assert!(
            odoo.contains(&("Connection Encryption".into(), "None".into())),
            "{odoo:?}"
        );
        let dolibarr = card("dolibarr");
        assert!(
            dolibarr.contains(&("Use TLS (SSL) encryption".into(), "No".into())),
            "{dolibarr:?}"
        );
        assert!(
            dolibarr.contains(&("Use TLS (STARTTLS) encryption".into(), "No".into())),
            "{dolibarr:?}"
        );
    }

    #[test]
    fn relay_cards() {
        let isagi = presets::app("isagi-connect").unwrap();
        let got: Vec<(String, String)> = relay_rows(
            isagi,
            m365_relay(),
            Some("contoso-fr.mail.protection.outlook.com"),
            Lang::Fr,
        )
        .into_iter()
        .map(|r| (r.label, r.value))
        .collect();
        assert_eq!(
            got,
            pairs(&[
                ("Serveur SMTP", "contoso-fr.mail.protection.outlook.com"),
                ("Port", "25"),
                ("Sécurité", "Aucune"),
                ("Authentification requise", "Non"),
                ("Utilisateur", "laisser vide"),
                ("Mot de passe (utilisateur)", "laisser vide"),
                ("Délai entre chaque envoi", "2 secondes"),
            ])
        );
        let lokisi = presets::app("lokisi").unwrap();
        assert_eq!(
            relay_rows(lokisi, m365_relay(), None, Lang::En)[0].value,
            "the MX host read in the domain step"
        );
    }

    #[test]
    fn cards() {
        type Case<'a> = (&'a str, &'a str, Option<&'a str>, Lang, &'a [(&'a str, &'a str)]);
        let cases: &[Case] = &[
            (
                "gmail",
                "generic",
                Some("Jean@Gmail.com"),
                Lang::En,
                &[
                    ("SMTP server", "smtp.gmail.com"),
                    ("Port", "587"),
                    ("Security (encryption)", "STARTTLS"),
                    ("Authentication required", "Yes"),
                    ("User name", "jean@gmail.com"),
                    ("Password", "the app password you created (not your usual password)"),
                ],
            ),
            (
                "gmail",
                "odoo",
                Some("jean@gmail.com"),
                Lang::En,
                &[
                    ("Authenticate with", "Username"),
                    ("SMTP Server", "smtp.gmail.com"),
                    ("SMTP Port", "587"),
                    ("Connection Encryption", "TLS (STARTTLS)"),
                    ("Username", "jean@gmail.com"),
                    ("Password", "the app password you created (not your usual password)"),
                    ("FROM Filtering", "jean@gmail.com"),
                ],
            ),
            (
                "orange",
                "dolibarr",
                Some("a@orange.fr"),
                Lang::Fr,
                &[
                    ("Méthode d'envoi d'email", "SMTP/SMTPS socket library"),
                    ("Nom d'hôte ou adresse IP du serveur SMTP/SMTPS", "smtp.orange.fr"),
                    ("Port du serveur SMTP/SMTPS", "465"),
                    ("Utilisation du chiffrement TLS (SSL)", "Oui"),
                    ("Utiliser le cryptage TTS (STARTTLS)", "Non"),
                    ("Identifiant d'authentification SMTP", "a@orange.fr"),
                    ("Mot de passe d'authentification SMTP", "le mot de passe de la boîte"),
                ],
            ),
            (
                "free",
                "lokisi",
                Some("jean.dupont@free.fr"),
                Lang::Fr,
                &[
                    ("IP Address / Hostname", "smtp.free.fr"),
                    ("TCP PortNumber", "465"),
                    ("User", "jean.dupont"),
                    ("Password", "le mot de passe de la boîte"),
                ],
            ),
            (
                "microsoft365",
                "isagi-connect",
                None,
                Lang::Fr,
                &[
                    ("Serveur SMTP", "smtp.office365.com"),
                    ("Port", "587"),
                    ("Sécurité", "STARTTLS"),
                    ("Authentification requise", "Oui"),
                    ("Utilisateur", "votre adresse e-mail complète"),
                    (
                        "Mot de passe (utilisateur)",
                        "le mot de passe d'application créé (pas votre mot de passe habituel)",
                    ),
                    ("Délai entre chaque envoi", "2 secondes"),
                ],
            ),
            (
                "orange",
                "isagi-connect",
                Some("a@orange.fr"),
                Lang::Fr,
                &[
                    ("Serveur SMTP", "smtp.orange.fr"),
                    ("Port", "465"),
                    ("Sécurité", "SSL/TLS"),
                    ("Authentification requise", "Oui"),
                    ("Utilisateur", "a@orange.fr"),
                    ("Mot de passe (utilisateur)", "le mot de passe de la boîte"),
                ],
            ),
            (
                "other",
                "generic",
                Some("compta@acme.fr"),
                Lang::En,
                &[
                    ("SMTP server", "given by your IT contact"),
                    ("Port", "given by your IT contact"),
                    ("Security (encryption)", "given by your IT contact"),
                    ("Authentication required", "Yes"),
                    ("User name", "given by your IT contact"),
                    ("Password", "given by your IT contact"),
                ],
            ),
            (
                "google-workspace",
                "generic",
                Some("info@café.fr"),
                Lang::En,
                &[
                    ("SMTP server", "smtp.gmail.com"),
                    ("Port", "587"),
                    ("Security (encryption)", "STARTTLS"),
                    ("Authentication required", "Yes"),
                    ("User name", "info@café.fr"),
                    ("Password", "the app password you created (not your usual password)"),
                ],
            ),
        ];
        for (provider, app, address, lang, expected) in cases {
            assert_eq!(
                card(provider, app, *address, *lang),
                pairs(expected),
                "{provider} {app}"
            );
        }
    }
}
