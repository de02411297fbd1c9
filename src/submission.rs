//! The submission server a domain publishes in its own DNS (RFC 6186 SRV records, with
//! RFC 8314 §5.1's preference for implicit TLS): the second way of finding settings, after
//! the curated presets, for a domain no preset knows.

use std::cmp::Reverse;

use crate::{
    presets::Security,
    resolver::{Rdata, RecordType, Resolver},
    server,
};

/// A submission server read from a domain's SRV records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub host: String,
    pub port: u16,
    pub security: Security,
}

/// The services asked, best first: submission over implicit TLS, then with STARTTLS.
const SERVICES: [(&str, Security); 2] = [
    ("_submissions._tcp", Security::Ssl),
    ("_submission._tcp", Security::Starttls),
];

/// The server `domain` publishes, if any: for each service in turn, the record of lowest
/// priority and, among those, highest weight (a client's fixed choice where RFC 2782 draws
/// lots). A target of `.` says the service is not offered; a failed look-up, a port 0 or a
/// target that is not a host name reads as nothing published.
pub async fn published<R: Resolver>(resolver: &R, domain: &str) -> Option<Published> {
    for (service, security) in SERVICES {
        let Ok(records) = resolver.lookup(&format!("{service}.{domain}"), RecordType::Srv).await else {
            continue;
        };
        let mut offers: Vec<(u16, u16, u16, String)> = records
            .into_iter()
            .filter_map(|r| match r {
                Rdata::Srv(priority, weight, port, target) => Some((priority, weight, port, target)),
                _ => None,
            })
            .collect();
        if offers
            .iter()
            .any(|(.., target)| target.trim_end_matches('.').is_empty())
        {
            continue;
        }
        offers.sort_by_key(|(priority, weight, ..)| (*priority, Reverse(*weight)));
        let usable = offers
            .into_iter()
            .filter(|(_, _, port, _)| *port > 0)
            .find_map(|(_, _, port, target)| server::host(&target).map(|host| (host, port)));
        if let Some((host, port)) = usable {
            return Some(Published { host, port, security });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolver::LookupError;

    /// SRV records by name.
    struct Zone(&'static [(&'static str, &'static [(u16, u16, u16, &'static str)])]);

    impl Resolver for Zone {
        async fn lookup(&self, name: &str, kind: RecordType) -> Result<Vec<Rdata>, LookupError> {
            assert_eq!(kind, RecordType::Srv);
            let found = self.0.iter().find(|(n, _)| *n == name).ok_or(LookupError::NxDomain)?;
            Ok(found
                .1
                .iter()
                .map(|(p, w, port, t)| Rdata::Srv(*p, *w, *port, (*t).to_owned()))
                .collect())
        }
    }

    #[test]
    fn the_published_server() {
        let published_at = |domain: &str, zone: &Zone| pollster::block_on(published(zone, domain));
        let server = |host: &str, port, security| {
            Some(Published {
                host: host.into(),
                port,
                security,
            })
        };
        let cases = [
            (
                Zone(&[
                    (
                        "_submissions._tcp.acme.fr",
                        &[(10, 0, 465, "mail2.acme.fr."), (0, 5, 465, "mail.acme.fr.")],
                    ),
                    ("_submission._tcp.acme.fr", &[(0, 0, 587, "mail.acme.fr.")]),
                ]),
                server("mail.acme.fr", 465, Security::Ssl),
            ),
            (
                Zone(&[
                    ("_submissions._tcp.acme.fr", &[(0, 0, 0, ".")]),
                    (
                        "_submission._tcp.acme.fr",
                        &[(0, 1, 587, "smtp.acme.fr."), (0, 9, 587, "out.acme.fr.")],
                    ),
                ]),
                server("out.acme.fr", 587, Security::Starttls),
            ),
            (Zone(&[("_submission._tcp.acme.fr", &[(0, 0, 0, ".")])]), None),
            (Zone(&[("_submission._tcp.acme.fr", &[(0, 0, 587, "<b>x</b>")])]), None),
            (Zone(&[]), None),
        ];
        for (zone, expected) in cases {
            assert_eq!(published_at("acme.fr", &zone), expected);
        }
    }
}
