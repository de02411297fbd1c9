//! A mail server as typed in a form: whether a value reads as a host name or an IP address,
//! as a port, and the URL form that frameworks configure (`smtps://user:secret@host:465`),
//! split into its parts. What a shared link may carry is decided here: a value that reads as
//! something else (an address, a password, a URL with credentials) is never shared.

use std::net::{Ipv4Addr, Ipv6Addr};

use crate::{address, presets::Security};

/// `typed` as a host name (at least two labels, letters, digits and hyphens, the last label
/// not all digits) or an IP address, in lower case and without a final dot; `None` for
/// anything else. A single label is refused: it could as well be a password.
pub fn host(typed: &str) -> Option<String> {
    let typed = typed.trim().trim_end_matches('.');
    if typed.parse::<Ipv4Addr>().is_ok() {
        return Some(typed.to_owned());
    }
    // As typed, lower-cased: formatting the address anew would bring Ipv6Addr's Display
    // into the first load, which writes links.
    let bare = typed
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .unwrap_or(typed);
    if bare.parse::<Ipv6Addr>().is_ok() {
        return Some(bare.to_ascii_lowercase());
    }
    let name = typed.to_ascii_lowercase();
    address::is_ascii_host_name(&name).then_some(name)
}

/// `typed` as a TCP port, 1 to 65535, digits only.
pub fn port(typed: &str) -> Option<u16> {
    let typed = typed.trim();
    let digits = !typed.is_empty() && typed.bytes().all(|b| b.is_ascii_digit());
    digits.then(|| typed.parse().ok()).flatten().filter(|p| *p > 0)
}

/// A server written as a URL (Symfony's and Laravel's `MAILER_DSN`/`MAIL_URL`, django-environ's
/// `EMAIL_URL`), split. The password is only noted as present: it is never kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerUrl {
    pub host: String,
    pub port: Option<u16>,
    /// What the scheme says: `smtps`/`smtp+ssl` implicit TLS, `smtp+tls` STARTTLS; plain
    /// `smtp` says nothing (Symfony upgrades it with STARTTLS when the server offers it).
    pub security: Option<Security>,
    pub user: Option<String>,
    pub had_password: bool,
}

/// `typed` read as a server URL; `None` when it is not one (no `scheme://`, or no host).
pub fn url(typed: &str) -> Option<ServerUrl> {
    let (scheme, rest) = typed.trim().split_once("://")?;
    let security = match scheme.to_ascii_lowercase().as_str() {
        "smtps" | "smtp+ssl" => Some(Security::Ssl),
        "smtp+tls" | "submission" => Some(Security::Starttls),
        "smtp" => None,
        _ => return None,
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let (userinfo, host_port) = match authority.rsplit_once('@') {
        Some((userinfo, host_port)) => (Some(userinfo), host_port),
        None => (None, authority),
    };
    let (user, had_password) = match userinfo {
        Some(info) => match info.split_once(':') {
            Some((user, password)) => (user, !password.is_empty()),
            None => (info, false),
        },
        None => ("", false),
    };
    let (host_part, port_part) = match host_port.rsplit_once(':') {
        Some((h, p)) if !h.ends_with(':') && (!h.contains(':') || h.ends_with(']')) => (h, Some(p)),
        _ => (host_port, None),
    };
    let user = percent_encoding::percent_decode_str(user)
        .decode_utf8_lossy()
        .trim()
        .to_owned();
    Some(ServerUrl {
        host: host(host_part)?,
        port: port_part.and_then(port),
        security,
        user: (!user.is_empty()).then_some(user),
        had_password,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        let cases = [
            ("smtp.gmail.com", Some("smtp.gmail.com")),
            (" SMTP.Orange.FR. ", Some("smtp.orange.fr")),
            (
                "contoso-fr.mail.protection.outlook.com",
                Some("contoso-fr.mail.protection.outlook.com"),
            ),
            ("192.0.2.10", Some("192.0.2.10")),
            ("[2001:db8::1]", Some("2001:db8::1")),
            ("2001:DB8::1", Some("2001:db8::1")),
            ("paul@gmail.com", None),
            ("smtps://paul:secret@smtp.gmail.com:465", None),
            ("smtp.gmail.com:587", None),
            ("Secret123", None),
            ("hunter2!", None),
            ("mail server", None),
            ("1.2.3", None),
            ("-bad.example", None),
            ("", None),
            ("<b>x</b>.fr", None),
        ];
        for (typed, expected) in cases {
            assert_eq!(host(typed).as_deref(), expected, "{typed}");
        }
    }

    #[test]
    fn ports() {
        let cases = [
            ("587", Some(587)),
            (" 465 ", Some(465)),
            ("0", None),
            ("65535", Some(65535)),
            ("65536", None),
            ("+587", None),
            ("secret", None),
            ("", None),
        ];
        for (typed, expected) in cases {
            assert_eq!(port(typed), expected, "{typed}");
        }
    }

    #[test]
    fn urls() {
        let split = |host: &str, port, security, user: Option<&str>, had_password| ServerUrl {
            host: host.into(),
            port,
            security,
            user: user.map(Into::into),
            had_password,
        };
        let cases = [
            (
                "smtps://name:secret@smtp.gmail.com:465",
                Some(split(
                    "smtp.gmail.com",
                    Some(465),
                    Some(Security::Ssl),
                    Some("name"),
                    true,
                )),
            ),
            (
                "smtp://paul%40acme.fr:p%40ss@smtp.office365.com:587?encryption=tls",
                Some(split("smtp.office365.com", Some(587), None, Some("paul@acme.fr"), true)),
            ),
            (
                "smtp+tls://paul@acme.fr:pw@ssl0.ovh.net:587",
                Some(split(
                    "ssl0.ovh.net",
                    Some(587),
                    Some(Security::Starttls),
                    Some("paul@acme.fr"),
                    true,
                )),
            ),
            (
                "smtp://smtp.free.fr",
                Some(split("smtp.free.fr", None, None, None, false)),
            ),
            (
                "smtp://u:p@[2001:db8::25]:2525",
                Some(split("2001:db8::25", Some(2525), None, Some("u"), true)),
            ),
            ("https://smtp.gmail.com", None),
            ("smtp.gmail.com", None),
            ("smtps://name:secret@", None),
        ];
        for (typed, expected) in cases {
            assert_eq!(url(typed), expected, "{typed}");
        }
    }
}
