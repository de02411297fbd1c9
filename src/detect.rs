//! Which provider serves an address: from its domain, or for a custom domain from its MX hosts.

use crate::{
    ispdb::ways::{Database, Finding},
    presets::{self, ProviderIndex},
    resolver::{Failure, LookupError, Resolver},
};

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

/// What a domain's MX records say about its provider.
#[derive(Debug, Clone, PartialEq)]
pub enum MxFinding {
    Found(&'static ProviderIndex),
    /// No provider this assistant knows; the hosts read (none when the domain has none).
    Unknown(Vec<String>),
    Failed(Failure),
}

/// What the provider screen reads of a domain, the ways of finding settings in order: its
/// MX finding (a curated preset), then the submission server it publishes (RFC 6186), then
/// what Thunderbird's provider database says of it or of its MX hosts. The first way that
/// finds settings ends the reading: the later ones are not asked, so they never disagree
/// with it and no more receivers learn the domain.
#[derive(Debug, Clone, PartialEq)]
pub struct DomainReading {
    pub mx: MxFinding,
    pub published: Option<crate::submission::Published>,
    /// `None` when the database was not asked (a way before it found settings, or it is off).
    pub database: Option<Finding>,
}

/// Reads `domain` for the provider screen; `database` is `None` when the look-up is off.
pub async fn read_domain<D: Database>(resolver: &impl Resolver, database: Option<&D>, domain: &str) -> DomainReading {
    let mx = from_mx(resolver, domain).await;
    let published = match mx {
        MxFinding::Unknown(_) => crate::submission::published(resolver, domain).await,
        _ => None,
    };
    let hosts: &[String] = match &mx {
        MxFinding::Unknown(hosts) => hosts,
        _ => &[],
    };
    let database = match (&mx, &published, database) {
        (MxFinding::Found(_), ..) | (_, Some(_), _) | (.., None) => None,
        (.., Some(database)) => Some(crate::ispdb::ways::find(database, domain, hosts).await),
    };
    DomainReading {
        mx,
        published,
        database,
    }
}

/// Reads `domain`'s MX records and names the provider they point to.
pub async fn from_mx(resolver: &impl Resolver, domain: &str) -> MxFinding {
    match crate::m365::mx_hosts(resolver, domain).await {
        Ok(hosts) => match by_mx(hosts.iter().map(String::as_str)) {
            Some(provider) => MxFinding::Found(provider),
            None => MxFinding::Unknown(hosts),
        },
        Err(LookupError::NxDomain) => MxFinding::Unknown(Vec::new()),
        Err(LookupError::Temporary(failure)) => MxFinding::Failed(failure),
    }
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
    use crate::resolver::{Rdata, RecordType};

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

    /// One MX host per domain name, and a failing resolver for `down.example`.
    struct Mx;

    impl Resolver for Mx {
        async fn lookup(&self, name: &str, _: RecordType) -> Result<Vec<Rdata>, LookupError> {
            match name {
                "down.example" => Err(LookupError::Temporary(Failure::Timeout)),
                "none.example" => Ok(Vec::new()),
                "absent.example" => Err(LookupError::NxDomain),
                host => Ok(vec![Rdata::Mx(10, format!("{host}."))]),
            }
        }
    }

    #[test]
    fn findings_from_mx() {
        let find = |domain: &str| pollster::block_on(from_mx(&Mx, domain));
        let found = |domain: &str| match find(domain) {
            MxFinding::Found(p) => Some(p.id.as_str()),
            _ => None,
        };
        assert_eq!(found("acme-fr.mail.protection.outlook.com"), Some("microsoft365"));
        assert_eq!(find("mail.acme.fr"), MxFinding::Unknown(vec!["mail.acme.fr".into()]));
        assert_eq!(find("none.example"), MxFinding::Unknown(Vec::new()));
        assert_eq!(find("absent.example"), MxFinding::Unknown(Vec::new()));
        assert_eq!(find("down.example"), MxFinding::Failed(Failure::Timeout));
    }

    /// A database that lists nothing and records what it was asked.
    #[derive(Default)]
    struct Unlisted(std::cell::RefCell<Vec<String>>);

    impl Database for Unlisted {
        async fn get(&self, domain: &str) -> crate::ispdb::ways::Reply {
            self.0.borrow_mut().push(domain.to_owned());
            crate::ispdb::ways::Reply::NotListed
        }
    }

    #[test]
    fn the_database_is_asked_last_and_only_when_no_way_before_it_found_settings() {
        let cases: &[(&str, bool, &[&str])] = &[
            ("acme-fr.mail.protection.outlook.com", true, &[]),
            ("mail.acme.fr", true, &["mail.acme.fr", "acme.fr"]),
            ("down.example", true, &["down.example"]),
            ("mail.acme.fr", false, &[]),
        ];
        for (domain, on, expected) in cases {
            let database = Unlisted::default();
            let reading = pollster::block_on(read_domain(&Mx, on.then_some(&database), domain));
            assert_eq!(*database.0.borrow(), *expected, "{domain}");
            assert_eq!(reading.database.is_some(), !expected.is_empty(), "{domain}");
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
