//! What a database answer means for an application's SMTP form: the server to type (implicit
//! TLS first, then STARTTLS, a server without encryption last and only with a warning), or why
//! no password form can work, and the user name filled from the address in the page.

use super::config::{Auth, Config, Server};
use crate::{address::Address, presets::Security};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Advice<'a> {
    /// Servers that take the mailbox's password, the recommended one first.
    Password(Vec<&'a Server>),
    /// Every sending server asks for OAuth 2.0: a user/password form cannot work.
    OauthOnly,
    /// The servers take mail from the provider's own network only (no log-in, or a
    /// restriction): an application hosted elsewhere cannot use them.
    NetworkOnly,
    /// No sending server is listed, or none in a form an application can use.
    NoServer,
}

/// The advice for `config`.
pub fn advise(config: &Config) -> Advice<'_> {
    let mut password: Vec<&Server> = config
        .servers
        .iter()
        .filter(|s| !s.restricted && s.auth.contains(&Auth::Password))
        .collect();
    if !password.is_empty() {
        password.sort_by_key(|s| rank(s));
        return Advice::Password(password);
    }
    let has = |wanted: Auth| config.servers.iter().any(|s| s.auth.contains(&wanted));
    if has(Auth::OAuth2) {
        Advice::OauthOnly
    } else if has(Auth::Network) || config.servers.iter().any(|s| s.restricted) {
        Advice::NetworkOnly
    } else {
        Advice::NoServer
    }
}

/// RFC 8314's preference: implicit TLS, then STARTTLS, then nothing; the standard ports first.
fn rank(server: &Server) -> (u8, bool) {
    let security = match server.security {
        Security::Ssl => 0,
        Security::Starttls => 1,
        Security::None => 2,
    };
    (security, !matches!(server.port, 465 | 587))
}

/// The user name a template gives for `address`; `None` when a part is unknown (no address
/// typed, or a placeholder this page does not know).
pub fn username(template: &str, address: Option<&Address>) -> Option<String> {
    let address = address?;
    let filled = template
        .replace("%EMAILADDRESS%", &address.full())
        .replace("%EMAILLOCALPART%", &address.local)
        .replace("%EMAILDOMAIN%", &address.domain_display);
    (!filled.contains('%')).then_some(filled)
}

/// What a template asks for, when there is no address to fill it with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserForm {
    Address,
    LocalPart,
    /// Another shape, shown as the database writes it.
    Other,
}

pub fn user_form(template: &str) -> UserForm {
    match template {
        "%EMAILADDRESS%" => UserForm::Address,
        "%EMAILLOCALPART%" => UserForm::LocalPart,
        _ => UserForm::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server(port: u16, security: Security, auth: &[Auth]) -> Server {
        Server {
            host: "smtp.example.net".into(),
            port,
            security,
            username: Some("%EMAILADDRESS%".into()),
            auth: auth.to_vec(),
            restricted: false,
        }
    }

    #[test]
    fn the_recommended_server_first_and_why_none_fits() {
        use Auth::*;
        let plain = server(25, Security::None, &[Password]);
        let starttls = server(587, Security::Starttls, &[Password]);
        let odd = server(2525, Security::Ssl, &[Password]);
        let ssl = server(465, Security::Ssl, &[Password, OAuth2]);
        let oauth = server(465, Security::Ssl, &[OAuth2]);
        let open = server(25, Security::None, &[Network]);
        let restricted = Server {
            restricted: true,
            ..server(25, Security::None, &[Password])
        };
        let cases: Vec<(Vec<Server>, Advice)> = vec![
            (
                vec![plain.clone(), starttls.clone(), odd.clone(), ssl.clone()],
                Advice::Password(vec![&ssl, &odd, &starttls, &plain]),
            ),
            (vec![oauth.clone(), plain.clone()], Advice::Password(vec![&plain])),
            (vec![oauth.clone()], Advice::OauthOnly),
            (vec![open.clone()], Advice::NetworkOnly),
            (vec![restricted.clone()], Advice::NetworkOnly),
            (vec![server(465, Security::Ssl, &[Other])], Advice::NoServer),
            (vec![], Advice::NoServer),
        ];
        for (servers, expected) in &cases {
            let config = Config {
                servers: servers.clone(),
                ..Config::default()
            };
            assert_eq!(&advise(&config), expected, "{servers:?}");
        }
    }

    #[test]
    fn user_names_are_filled_in_the_page() {
        let address = Address {
            local: "jan.muster".into(),
            domain: "xn--mller-kva.example".into(),
            domain_display: "müller.example".into(),
        };
        let cases = [
            ("%EMAILADDRESS%", Some("jan.muster@müller.example")),
            ("%EMAILLOCALPART%", Some("jan.muster")),
            ("%EMAILLOCALPART%.%EMAILDOMAIN%", Some("jan.muster.müller.example")),
            ("%REALNAME%", None),
        ];
        for (template, expected) in cases {
            assert_eq!(username(template, Some(&address)).as_deref(), expected, "{template}");
        }
        assert_eq!(username("%EMAILADDRESS%", None), None);
        assert_eq!(user_form("%EMAILLOCALPART%"), UserForm::LocalPart);
        assert_eq!(user_form("%EMAILLOCALPART%.%EMAILDOMAIN%"), UserForm::Other);
    }
}
