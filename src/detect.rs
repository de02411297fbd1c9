//! Which provider serves an address: from its domain, or for a custom domain from its MX hosts.

use crate::presets::{self, ProviderIndex};

/// The provider whose address domains include `domain` (ASCII, lower case).
pub fn by_domain(domain: &str) -> Option<&'static ProviderIndex> {
    presets::index().iter().find(|p| p.domains.iter().any(|d| d == domain))
}

/// The provider whose MX patterns match one of `hosts`, tried in preference order.
pub fn by_mx<'a>(hosts: impl IntoIterator<Item = &'a str>) -> Option<&'static ProviderIndex> {
    hosts.into_iter().find_map(|host| {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        presets::index()
            .iter()
            .find(|p| p.mx_patterns.iter().any(|pattern| glob_matches(pattern, &host)))
    })
}

/// `*` stands for one or more characters; everything else matches itself.
pub fn glob_matches(pattern: &str, text: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == text,
        Some((prefix, rest)) => {
            let Some(after) = text.strip_prefix(prefix) else {
                return false;
            };
            (1..=after.len())
                .filter(|&n| after.is_char_boundary(n))
                .any(|n| glob_matches(rest, &after[n..]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn address_domains() {
        let cases: &[(&str, Option<&str>)] = &[
            ("gmail.com", Some("gmail")),
            ("googlemail.com", Some("gmail")),
            ("outlook.fr", Some("outlook")),
            ("hotmail.com", Some("outlook")),
            ("live.fr", Some("outlook")),
            ("msn.com", Some("outlook")),
            ("orange.fr", Some("orange")),
            ("wanadoo.fr", Some("orange")),
            ("neuf.fr", Some("sfr")),
            ("free.fr", Some("free")),
            ("laposte.net", Some("laposte")),
            ("bbox.fr", Some("bbox")),
            ("yahoo.fr", Some("yahoo")),
            ("me.com", Some("icloud")),
            ("gmx.fr", Some("gmx")),
            ("acme.fr", None),
            ("mail.gmail.com", None),
        ];
        for (domain, expected) in cases {
            assert_eq!(by_domain(domain).map(|p| p.id.as_str()), *expected, "{domain}");
        }
    }

    #[test]
    fn mx_hosts() {
        let cases: &[(&[&str], Option<&str>)] = &[
            (&["acme-fr.mail.protection.outlook.com"], Some("microsoft365")),
            (&["acme-fr.l-v1.mx.microsoft."], Some("microsoft365")),
            (&["ASPMX.L.GOOGLE.COM."], Some("google-workspace")),
            (&["alt1.aspmx.l.google.com"], Some("google-workspace")),
            (&["smtp.google.com"], Some("google-workspace")),
            (&["mx1.mail.ovh.net", "mx2.mail.ovh.net"], Some("ovh")),
            (&["mx00.ionos.fr"], Some("ionos")),
            (&["spool.mail.gandi.net", "fb.mail.gandi.net"], Some("gandi")),
            (
                &["mail.acme.fr", "acme-fr.mail.protection.outlook.com"],
                Some("microsoft365"),
            ),
            (&["mail.protection.outlook.com"], None),
            (&["mail.acme.fr"], None),
            (&[], None),
        ];
        for (hosts, expected) in cases {
            assert_eq!(
                by_mx(hosts.iter().copied()).map(|p| p.id.as_str()),
                *expected,
                "{hosts:?}"
            );
        }
    }

    #[test]
    fn globs() {
        let cases = [
            ("*.mx.microsoft", "a.mx.microsoft", true),
            ("*.mx.microsoft", ".mx.microsoft", false),
            ("mx*.ionos.*", "mx00.ionos.de", true),
            ("mx*.ionos.*", "mx.ionos.de", false),
            ("exact.host", "exact.host", true),
            ("exact.host", "exact.hos", false),
        ];
        for (pattern, text, expected) in cases {
            assert_eq!(glob_matches(pattern, text), expected, "{pattern} {text}");
        }
    }
}
