//! Which domains are sent to the database and in what order, as Thunderbird asks it: the
//! address's domain, then the base domain of its first MX host with one more label, then the
//! base domain (`mx01.mail.example.net` → `mail.example.net`, `example.net`). A domain a
//! curated preset knows is never sent; nothing but a domain name ever is.

use super::config::{self, Config};
use crate::{detect, resolver::Failure};

/// One answer of the database for a domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// The answer's text (at most `config::MAX_BYTES`).
    Listed(String),
    /// 404: the database does not know the domain.
    NotListed,
    /// Time-out, another status, a redirect, an answer too large or unreadable.
    Failed(Failure),
    /// The browser is offline.
    Offline,
}

/// The database, as the page reaches it (over HTTP in the browser, a table in tests).
#[allow(async_fn_in_trait)]
pub trait Database {
    async fn get(&self, domain: &str) -> Reply;
}

/// What the database said of an address's domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The domains sent, in order.
    pub asked: Vec<String>,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// `domain` is listed (the address's own, or one of its MX host's).
    Found {
        config: Config,
        domain: String,
        by_mx: bool,
    },
    /// No domain asked is listed.
    NotListed,
    /// The database could not be read; nothing more was asked.
    Unreadable(Failure),
    Offline,
}

/// Second-level labels under which registrations sit one level lower in many country
/// domains (`example.co.uk`, `example.com.au`, `example.or.jp`). The Public Suffix List
/// would know every case; its crate adds 268 KB gzipped, for a guess that only decides
/// which of two names is asked first.
const SECOND_LEVELS: [&str; 9] = ["co", "com", "net", "org", "ac", "or", "ne", "gov", "edu"];

/// The domains to ask for `domain` and its MX hosts (preference order), in order, each with
/// whether it comes from the MX.
pub fn candidates(domain: &str, mx_hosts: &[String]) -> Vec<(String, bool)> {
    let mut out = vec![(domain.to_owned(), false)];
    if let Some(host) = mx_hosts.first() {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        let labels: Vec<&str> = host.split('.').collect();
        let base = match labels.as_slice() {
            [.., second, tld] if tld.len() == 2 && SECOND_LEVELS.contains(second) => 3,
            _ => 2,
        };
        let last = |keep: usize| (labels[labels.len() - keep..].join("."), true);
        // One label more than the base, unless that is the host itself; then the base.
        if base + 1 < labels.len() {
            out.push(last(base + 1));
        }
        if base <= labels.len() {
            out.push(last(base));
        }
    }
    let mut seen = Vec::new();
    out.retain(|(d, _)| {
        let fresh = !seen.contains(d) && d.contains('.') && detect::by_domain(d).is_none();
        seen.push(d.clone());
        fresh
    });
    out
}

/// Asks the database for `domain`, then by its MX hosts, until one is listed.
pub async fn find(database: &impl Database, domain: &str, mx_hosts: &[String]) -> Finding {
    let mut asked = Vec::new();
    for (candidate, by_mx) in candidates(domain, mx_hosts) {
        asked.push(candidate.clone());
        let outcome = match database.get(&candidate).await {
            Reply::NotListed => continue,
            Reply::Listed(xml) => match config::parse(&xml) {
                Some(config) => Outcome::Found {
                    config,
                    domain: candidate,
                    by_mx,
                },
                None => Outcome::Unreadable(Failure::Malformed),
            },
            Reply::Failed(failure) => Outcome::Unreadable(failure),
            Reply::Offline => Outcome::Offline,
        };
        return Finding { asked, outcome };
    }
    Finding {
        asked,
        outcome: Outcome::NotListed,
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use super::*;

    #[test]
    fn domains_asked() {
        let cases: &[(&str, &[&str], &[&str])] = &[
            ("web.de", &[], &["web.de"]),
            ("acme.fr", &["aspmx1.migadu.com."], &["acme.fr", "migadu.com"]),
            (
                "acme.fr",
                &["MX01.mail.example.net", "mx02.other.example"],
                &["acme.fr", "mail.example.net", "example.net"],
            ),
            (
                "acme.co.uk",
                &["mx.eu.mailhost.co.uk"],
                &["acme.co.uk", "eu.mailhost.co.uk", "mailhost.co.uk"],
            ),
            ("acme.fr", &["mail.acme.fr"], &["acme.fr"]),
            ("acme.fr", &["localhost"], &["acme.fr"]),
            // Curated domains are never sent.
            ("acme.fr", &["mx.free.fr"], &["acme.fr"]),
        ];
        for (domain, mx, expected) in cases {
            let mx: Vec<String> = mx.iter().map(|h| (*h).to_owned()).collect();
            let got: Vec<String> = candidates(domain, &mx).into_iter().map(|(d, _)| d).collect();
            assert_eq!(got, *expected, "{domain} {mx:?}");
        }
    }

    /// Answers by domain; records what was asked.
    struct Table(Vec<(&'static str, Reply)>, RefCell<Vec<String>>);

    fn table(answers: Vec<(&'static str, Reply)>) -> Table {
        Table(answers, RefCell::default())
    }

    impl Database for Table {
        async fn get(&self, domain: &str) -> Reply {
            self.1.borrow_mut().push(domain.to_owned());
            self.0
                .iter()
                .find(|(d, _)| *d == domain)
                .map_or(Reply::NotListed, |(_, r)| r.clone())
        }
    }

    #[test]
    fn the_first_listed_domain_wins_and_a_failure_stops() {
        let mx = vec!["mx1.mail.example.net.".to_owned()];
        let listed = || {
            Reply::Listed(r#"<clientConfig version="1.1"><emailProvider id="x"><displayName>X Mail</displayName></emailProvider></clientConfig>"#.into())
        };
        let found = |domain: &str, by_mx| Outcome::Found {
            config: Config {
                display_name: Some("X Mail".into()),
                ..Config::default()
            },
            domain: domain.into(),
            by_mx,
        };
        let all: &[&str] = &["acme.fr", "mail.example.net", "example.net"];
        let cases: Vec<(Table, Outcome, &[&str])> = vec![
            (
                table(vec![("acme.fr", listed())]),
                found("acme.fr", false),
                &["acme.fr"],
            ),
            (table(vec![("example.net", listed())]), found("example.net", true), all),
            (
                table(vec![("mail.example.net", Reply::Listed("<html>".into()))]),
                Outcome::Unreadable(Failure::Malformed),
                &["acme.fr", "mail.example.net"],
            ),
            (
                table(vec![("acme.fr", Reply::Failed(Failure::Timeout))]),
                Outcome::Unreadable(Failure::Timeout),
                &["acme.fr"],
            ),
            (table(vec![("acme.fr", Reply::Offline)]), Outcome::Offline, &["acme.fr"]),
            (table(vec![]), Outcome::NotListed, all),
        ];
        for (table, expected, asked) in cases {
            let finding = pollster::block_on(find(&table, "acme.fr", &mx));
            assert_eq!(finding.outcome, expected);
            assert_eq!(finding.asked, *asked);
            assert_eq!(*table.1.borrow(), *asked);
        }
    }
}
