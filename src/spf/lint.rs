//! What is wrong, risky or worth knowing in an SPF policy. Each finding is a code the
//! interface words in both languages, with a severity.

use std::net::IpAddr;

use super::record::{self, Mechanism, ParseError, Qualifier, Record, TermKind};
use crate::{
    ipclass::{self, IpClass},
    resolver::Failure,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    /// A stable id for the page and its tests.
    pub fn id(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Issue {
    NoRecord,
    SeveralRecords(usize),
    Syntax(ParseError),
    /// DNS-querying terms over the whole tree, above the limit of 10.
    TooManyLookups(usize),
    /// `a`/`mx` targets that have no address or no MX, above the limit of 2.
    TooManyVoidLookups(usize),
    /// An `a`/`mx`/`include` target that does not exist or has no data.
    VoidLookup(String),
    Ptr(String),
    PassAll,
    NeutralAll,
    NoAll,
    /// Terms after `all` are never evaluated.
    TermsAfterAll(Vec<String>),
    /// `redirect=` is ignored when the record has `all`.
    RedirectIgnored,
    DuplicateTerm(String),
    /// A network already inside another listed network.
    CoveredNetwork {
        term: String,
        by: String,
    },
    /// Terms of a special-purpose range: the first one, and how many more of the same class
    /// (one finding per class, however many terms).
    SpecialAddress {
        term: String,
        class: IpClass,
        others: usize,
    },
    /// A network so wide it authorises a large part of the Internet (`ip4:0.0.0.0/0`).
    WideNetwork(String),
    IncludeWithoutSpf(String),
    IncludeLoop(String),
    /// The include chain reaches this domain deeper than the look-up limit lets receivers go.
    IncludeTooDeep(String),
    LookupFailed {
        domain: String,
        failure: Failure,
    },
    /// A character-string over 255 octets: it must be split.
    StringTooLong(usize),
    /// A record over 450 octets may not fit in a UDP answer.
    RecordTooLong(usize),
}

impl Issue {
    pub fn severity(&self) -> Severity {
        use Issue::*;
        match self {
            SeveralRecords(_)
            | Syntax(_)
            | TooManyLookups(_)
            | TooManyVoidLookups(_)
            | PassAll
            | WideNetwork(_)
            | IncludeWithoutSpf(_)
            | IncludeLoop(_)
            | IncludeTooDeep(_)
            | StringTooLong(_) => Severity::Error,
            NoRecord
            | VoidLookup(_)
            | Ptr(_)
            | NeutralAll
            | NoAll
            | TermsAfterAll(_)
            | RedirectIgnored
            | SpecialAddress { .. }
            | LookupFailed { .. }
            | RecordTooLong(_) => Severity::Warning,
            DuplicateTerm(_) | CoveredNetwork { .. } => Severity::Info,
        }
    }
}

/// Networks wider than these (a /8 is 16 million addresses) authorise a large part of the
/// Internet; the largest providers publish nothing wider than a /13.
const WIDEST_V4: u8 = 8;
const WIDEST_V6: u8 = 16;

const MAX_RECORD: usize = 450;
const MAX_STRING: usize = 255;

/// Reads a pasted record: the TXT value itself, or zone-file strings (`"v=spf1 …" "…"`),
/// which are joined with nothing between them. Returns the record and its strings' lengths.
pub fn unquote(input: &str) -> (String, Vec<usize>) {
    let input = input.trim();
    if !input.contains('"') {
        return (input.to_owned(), vec![input.len()]);
    }
    let mut strings = Vec::new();
    let mut current: Option<String> = None;
    let mut chars = input.chars();
    while let Some(c) = chars.next() {
        match (c, current.as_mut()) {
            ('"', None) => current = Some(String::new()),
            ('"', Some(_)) => strings.push(current.take().unwrap_or_default()),
            ('\\', Some(s)) => s.extend(chars.next()),
            (c, Some(s)) => s.push(c),
            (_, None) => {}
        }
    }
    strings.extend(current);
    let lengths = strings.iter().map(String::len).collect();
    (strings.concat(), lengths)
}

/// The findings that need nothing but the record's text.
pub fn lint_record(text: &str, string_lengths: &[usize]) -> Vec<Issue> {
    let mut issues: Vec<Issue> = string_lengths
        .iter()
        .filter(|l| **l > MAX_STRING)
        .map(|l| Issue::StringTooLong(*l))
        .collect();
    if text.len() > MAX_RECORD {
        issues.push(Issue::RecordTooLong(text.len()));
    }
    match record::parse(text) {
        Ok(parsed) => issues.extend(lint_parsed(&parsed)),
        Err(error) => issues.push(Issue::Syntax(error)),
    }
    issues
}

fn network(mechanism: &Mechanism) -> Option<(IpAddr, u8)> {
    match mechanism {
        Mechanism::Ip4 { addr, prefix } => Some((IpAddr::V4(*addr), prefix.unwrap_or(32))),
        Mechanism::Ip6 { addr, prefix } => Some((IpAddr::V6(*addr), prefix.unwrap_or(128))),
        _ => None,
    }
}

fn lint_parsed(parsed: &Record) -> Vec<Issue> {
    let mut issues = Vec::new();
    let all_at = parsed
        .terms
        .iter()
        .position(|t| matches!(t.kind, TermKind::Directive(_, Mechanism::All)));
    match all_at.map(|i| &parsed.terms[i].kind) {
        Some(TermKind::Directive(Qualifier::Pass, _)) => issues.push(Issue::PassAll),
        Some(TermKind::Directive(Qualifier::Neutral, _)) => issues.push(Issue::NeutralAll),
        None if parsed.redirect().is_none() => issues.push(Issue::NoAll),
        _ => {}
    }
    if let Some(at) = all_at {
        let after: Vec<String> = parsed.terms[at + 1..]
            .iter()
            .filter(|t| matches!(t.kind, TermKind::Directive(..)))
            .map(|t| t.text.clone())
            .collect();
        if !after.is_empty() {
            issues.push(Issue::TermsAfterAll(after));
        }
        if parsed.redirect().is_some() {
            issues.push(Issue::RedirectIgnored);
        }
    }
    let directives: Vec<(&str, &Mechanism)> = parsed
        .terms
        .iter()
        .filter_map(|t| match &t.kind {
            TermKind::Directive(_, m) => Some((t.text.as_str(), m)),
            TermKind::Modifier(_) => None,
        })
        .collect();
    for (i, (text, mechanism)) in directives.iter().enumerate() {
        if matches!(mechanism, Mechanism::Ptr(_)) {
            issues.push(Issue::Ptr((*text).to_owned()));
        }
        if directives[..i].iter().any(|(_, earlier)| earlier == mechanism) {
            issues.push(Issue::DuplicateTerm((*text).to_owned()));
            continue;
        }
        if let Some((ip, len)) = network(mechanism) {
            if len < if ip.is_ipv4() { WIDEST_V4 } else { WIDEST_V6 } {
                issues.push(Issue::WideNetwork((*text).to_owned()));
            }
            let class = ipclass::classify(ip);
            if class != IpClass::Public {
                let same = issues.iter_mut().find_map(|issue| match issue {
                    Issue::SpecialAddress { class: c, others, .. } if *c == class => Some(others),
                    _ => None,
                });
                match same {
                    Some(others) => *others += 1,
                    None => issues.push(Issue::SpecialAddress {
                        term: (*text).to_owned(),
                        class,
                        others: 0,
                    }),
                }
            }
            let cover = directives.iter().enumerate().find(|(j, (_, other))| {
                *j != i
                    && network(other).is_some_and(|(net, net_len)| {
                        (net_len < len || (net_len == len && *j < i)) && super::eval::in_network(ip, net, net_len)
                    })
            });
            if let Some((_, (by, _))) = cover {
                issues.push(Issue::CoveredNetwork {
                    term: (*text).to_owned(),
                    by: (*by).to_owned(),
                });
            }
        }
    }
    let lookups = parsed.lookups();
    if lookups > super::MAX_LOOKUPS {
        issues.push(Issue::TooManyLookups(lookups));
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;
    use Issue::*;

    fn codes(text: &str) -> Vec<String> {
        lint_record(text, &[text.len()])
            .into_iter()
            .map(|i| format!("{i:?}").split(['(', ' ']).next().unwrap().to_owned())
            .collect()
    }

    #[test]
    fn record_findings() {
        let cases: &[(&str, &[&str])] = &[
            ("v=spf1 mx include:spf.protection.outlook.com -all", &[]),
            ("v=spf1 +all", &["PassAll"]),
            ("v=spf1 mx ?all", &["NeutralAll"]),
            ("v=spf1 mx", &["NoAll"]),
            ("v=spf1 redirect=_spf.example.com", &[]),
            ("v=spf1 -all mx", &["TermsAfterAll"]),
            ("v=spf1 mx -all redirect=_spf.example.com", &["RedirectIgnored"]),
            ("v=spf1 ptr -all", &["Ptr"]),
            ("v=spf1 mx mx -all", &["DuplicateTerm"]),
            ("v=spf1 ip4:203.0.114.0/24 ip4:203.0.114.10 -all", &["CoveredNetwork"]),
            ("v=spf1 ip4:10.0.0.5 -all", &["SpecialAddress"]),
            ("v=spf1 ip4:192.0.2.1 -all", &["SpecialAddress"]),
            ("v=spf1 ip6:fe80::1 -all", &["SpecialAddress"]),
            (
                "v=spf1 ip4:10.0.0.1 ip4:10.0.0.2 ip4:192.168.0.1 ip4:127.0.0.1 -all",
                &["SpecialAddress", "SpecialAddress"],
            ),
            ("v=spf1 ip4:0.0.0.0/0 -all", &["WideNetwork", "SpecialAddress"]),
            ("v=spf1 ip6:::/0 -all", &["WideNetwork", "SpecialAddress"]),
            ("v=spf1 ip4:40.92.0.0/15 -all", &[]),
            ("v=spf1 ip4:300.0.0.1 -all", &["Syntax"]),
            (
                "v=spf1 a a:a.example.com a:b.example.com a:c.example.com a:d.example.com mx mx:a.example.com mx:b.example.com include:x.example.com include:y.example.com exists:z.example.com -all",
                &["TooManyLookups"],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(codes(text), *expected, "{text}");
        }
    }

    #[test]
    fn covered_reports_the_covering_network() {
        let issues = lint_record("v=spf1 ip4:203.0.114.10 ip4:203.0.114.0/24 -all", &[40]);
        assert_eq!(
            issues,
            [CoveredNetwork {
                term: "ip4:203.0.114.10".into(),
                by: "ip4:203.0.114.0/24".into()
            }]
        );
    }

    #[test]
    fn lengths() {
        let long = format!(
            "v=spf1 {} -all",
            (0..40)
                .map(|i| format!("ip4:203.0.114.{i}"))
                .collect::<Vec<_>>()
                .join(" ")
        );
        let issues = lint_record(&long, &[long.len()]);
        assert!(issues.contains(&StringTooLong(long.len())));
        assert!(issues.contains(&RecordTooLong(long.len())));
    }

    #[test]
    fn pasted_zone_strings() {
        let cases = [
            ("v=spf1 mx -all", ("v=spf1 mx -all", vec![14])),
            ("  \"v=spf1 mx \" \"-all\"  ", ("v=spf1 mx -all", vec![10, 4])),
            ("@ IN TXT \"v=spf1 \\\"x\\\" -all\"", ("v=spf1 \"x\" -all", vec![15])),
        ];
        for (input, (record, lengths)) in cases {
            assert_eq!(unquote(input), (record.to_owned(), lengths), "{input}");
        }
    }
}
