//! What the assistant asks of DNS, whatever carries the queries: DNS-over-HTTPS in the
//! browser, fixtures in tests.

use std::net::{Ipv4Addr, Ipv6Addr};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordType {
    A,
    Aaaa,
    Mx,
    Txt,
    Ptr,
    Cname,
    Srv,
    /// TXT in class CH (chaos), which resolvers answer about themselves or the asker.
    ChaosTxt,
}

impl RecordType {
    /// The type's number in DNS messages (RFC 1035 and successors).
    pub fn code(self) -> u16 {
        match self {
            RecordType::A => 1,
            RecordType::Cname => 5,
            RecordType::Ptr => 12,
            RecordType::Mx => 15,
            RecordType::Txt | RecordType::ChaosTxt => 16,
            RecordType::Aaaa => 28,
            RecordType::Srv => 33,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            RecordType::A => "A",
            RecordType::Cname => "CNAME",
            RecordType::Ptr => "PTR",
            RecordType::Mx => "MX",
            RecordType::Txt | RecordType::ChaosTxt => "TXT",
            RecordType::Aaaa => "AAAA",
            RecordType::Srv => "SRV",
        }
    }
}

/// One answer record, already decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rdata {
    A(Ipv4Addr),
    Aaaa(Ipv6Addr),
    /// Preference and exchange; an exchange of `.` or empty is a null MX.
    Mx(u16, String),
    /// The character-strings of one TXT record, as bytes.
    Txt(Vec<Vec<u8>>),
    Ptr(String),
    Cname(String),
    /// Priority, weight, port and target (RFC 2782); a target of `.` offers no service.
    Srv(u16, u16, u16, String),
}

/// A failed look-up. "No data" is not an error: it is an empty answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LookupError {
    /// The name does not exist.
    NxDomain,
    /// The answer is unknown (SPF's `temperror`).
    Temporary(Failure),
}

/// Why an answer is unknown; the interface words each one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// No answer within the time limit.
    Timeout,
    /// The request did not get through: offline, blocked by a firewall or a policy.
    Network,
    /// The resolver answered with this HTTP status.
    Http(u16),
    /// The DNS server answered SERVFAIL, REFUSED or another error code.
    ServerFailure(u8),
    /// The answer was cut short.
    Truncated,
    /// The answer could not be read.
    Malformed,
    /// A CNAME chain that loops or goes on too long.
    CnameLoop,
    /// The resolver answered with a redirect to another address, which is not followed.
    Redirected,
}

/// A DNS resolver. Answers follow CNAMEs; names are compared case-insensitively.
#[allow(async_fn_in_trait)]
pub trait Resolver {
    async fn lookup(&self, name: &str, kind: RecordType) -> Result<Vec<Rdata>, LookupError>;

    /// The answer and its smallest TTL, where the resolver knows it (for propagation hints).
    async fn lookup_with_ttl(&self, name: &str, kind: RecordType) -> Result<(Vec<Rdata>, Option<u32>), LookupError> {
        self.lookup(name, kind).await.map(|records| (records, None))
    }
}

/// Whether the CNAMEs of an answer, `(owner, target)`, form a loop. Authoritative servers
/// return such a chain with no data and no error, which would read as "no record".
pub fn cname_loops(aliases: &[(String, String)]) -> bool {
    let key = |name: &str| name.trim_end_matches('.').to_ascii_lowercase();
    let next = |name: &str| {
        aliases
            .iter()
            .find(|(owner, _)| key(owner) == key(name))
            .map(|(_, target)| key(target))
    };
    aliases.iter().any(|(start, _)| {
        let mut name = key(start);
        for _ in 0..aliases.len() {
            match next(&name) {
                Some(target) if target == key(start) => return true,
                Some(target) => name = target,
                None => return false,
            }
        }
        false
    })
}

impl Rdata {
    /// The record as zone-file text, to show as it is published.
    pub fn to_text(&self) -> String {
        match self {
            Rdata::A(a) => a.to_string(),
            Rdata::Aaaa(a) => a.to_string(),
            Rdata::Mx(preference, exchange) => format!("{preference} {exchange}"),
            Rdata::Txt(strings) => quote_txt(strings.iter().map(|s| String::from_utf8_lossy(s))),
            Rdata::Ptr(name) | Rdata::Cname(name) => name.clone(),
            Rdata::Srv(priority, weight, port, target) => format!("{priority} {weight} {port} {target}"),
        }
    }
}

/// TXT character-strings as zone-file text: each quoted, `\\` and `"` escaped.
pub fn quote_txt<S: AsRef<str>>(strings: impl IntoIterator<Item = S>) -> String {
    let quoted: Vec<String> = strings
        .into_iter()
        .map(|s| format!("\"{}\"", s.as_ref().replace('\\', "\\\\").replace('"', "\\\"")))
        .collect();
    quoted.join(" ")
}

/// The TXT records of an answer, each as one text (its character-strings joined).
pub fn txt_texts(records: &[Rdata]) -> impl Iterator<Item = String> + '_ {
    records.iter().filter_map(|r| match r {
        Rdata::Txt(strings) => Some(String::from_utf8_lossy(&strings.concat()).into_owned()),
        _ => None,
    })
}

/// The mail exchanges of an MX answer, by preference: lower case, without the final dot,
/// null MX (`.`) left out.
pub fn mx_exchanges(records: &[Rdata]) -> Vec<String> {
    let mut hosts: Vec<(u16, String)> = records
        .iter()
        .filter_map(|r| match r {
            Rdata::Mx(preference, host) => Some((*preference, host.trim_end_matches('.').to_ascii_lowercase())),
            _ => None,
        })
        .filter(|(_, host)| !host.is_empty())
        .collect();
    hosts.sort();
    hosts.into_iter().map(|(_, host)| host).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn txt_records_as_texts() {
        let records = [
            Rdata::Txt(vec![b"v=DMARC1; ".to_vec(), b"p=none".to_vec()]),
            Rdata::A([192, 0, 2, 1].into()),
            Rdata::Txt(vec![b"203.0.114.9".to_vec()]),
        ];
        assert_eq!(
            txt_texts(&records).collect::<Vec<_>>(),
            ["v=DMARC1; p=none", "203.0.114.9"]
        );
    }

    #[test]
    fn cname_loops_are_found() {
        let pairs = |list: &[(&str, &str)]| {
            list.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect::<Vec<_>>()
        };
        let cases: &[(&[(&str, &str)], bool)] = &[
            (&[], false),
            (&[("a.example.", "b.example.")], false),
            (&[("a.example.", "b.example."), ("b.example.", "c.example.")], false),
            (&[("a.example.", "a.example.")], true),
            (&[("a.example.", "b.example."), ("B.example", "a.example.")], true),
            (
                &[
                    ("x.example", "a.example"),
                    ("a.example", "b.example"),
                    ("b.example", "a.example"),
                ],
                true,
            ),
        ];
        for (list, expected) in cases {
            assert_eq!(cname_loops(&pairs(list)), *expected, "{list:?}");
        }
    }

    #[test]
    fn exchanges_and_quoting() {
        let records = [
            Rdata::Mx(20, "B.example.".into()),
            Rdata::Mx(0, ".".into()),
            Rdata::Mx(10, "a.example".into()),
        ];
        assert_eq!(mx_exchanges(&records), ["a.example", "b.example"]);
        assert_eq!(
            quote_txt(["v=spf1 ", "say \"hi\" \\ -all"]),
            r#""v=spf1 " "say \"hi\" \\ -all""#
        );
    }
}
