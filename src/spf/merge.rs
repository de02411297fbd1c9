//! Building records: merging additions into the current record, generating one from
//! scratch, and the zone-file text split into strings of at most 255 octets.

use std::{fmt, net::IpAddr};

use super::record::{self, Mechanism, ParseError, Qualifier, TermKind};

/// Something a sender needs authorised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Addition {
    /// An address, or a network with its prefix length.
    Ip(IpAddr, u8),
    Include(String),
    Mx,
    A,
}

impl Addition {
    /// A single address.
    pub fn ip(ip: IpAddr) -> Addition {
        Addition::Ip(ip, if ip.is_ipv4() { 32 } else { 128 })
    }
}

impl fmt::Display for Addition {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Addition::Ip(ip @ IpAddr::V4(_), 32) | Addition::Ip(ip @ IpAddr::V6(_), 128) => {
                write!(f, "{}:{ip}", if ip.is_ipv4() { "ip4" } else { "ip6" })
            }
            Addition::Ip(ip, prefix) => write!(f, "{}:{ip}/{prefix}", if ip.is_ipv4() { "ip4" } else { "ip6" }),
            Addition::Include(domain) => write!(f, "include:{domain}"),
            Addition::Mx => f.write_str("mx"),
            Addition::A => f.write_str("a"),
        }
    }
}

/// The policy for mail from anywhere else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    /// `-all`: reject.
    Fail,
    /// `~all`: accept but mark.
    SoftFail,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// The TXT value to publish.
    pub record: String,
    /// What was added, as terms.
    pub added: Vec<String>,
    /// What the record already covered.
    pub already: Vec<String>,
    /// DNS-querying terms of the record itself (includes count one each here; their own
    /// look-ups add to it when evaluated).
    pub lookups: usize,
    /// More than 10 DNS-querying terms: receivers will return `permerror`.
    pub over_budget: bool,
    /// The `all` term replaced (`?all` → `-all`), as it was and as it is.
    pub policy_change: Option<(String, String)>,
    /// What the checker calls a problem in the record: it must not be published as is.
    pub blocked: Vec<super::Issue>,
}

impl Policy {
    fn term(self) -> &'static str {
        match self {
            Policy::Fail => "-all",
            Policy::SoftFail => "~all",
        }
    }
}

/// Whether `term` (already in the record) makes `addition` redundant.
fn covers(mechanism: &Mechanism, addition: &Addition) -> bool {
    let within = |net: IpAddr, len: u8, ip: IpAddr, ip_len: u8| len <= ip_len && super::eval::in_network(ip, net, len);
    match (mechanism, addition) {
        (Mechanism::Ip4 { addr, prefix }, Addition::Ip(ip, len)) => {
            within(IpAddr::V4(*addr), prefix.unwrap_or(32), *ip, *len)
        }
        (Mechanism::Ip6 { addr, prefix }, Addition::Ip(ip, len)) => {
            within(IpAddr::V6(*addr), prefix.unwrap_or(128), *ip, *len)
        }
        (Mechanism::Include(spec), Addition::Include(domain)) => spec
            .text
            .trim_end_matches('.')
            .eq_ignore_ascii_case(domain.trim_end_matches('.')),
        (
            Mechanism::Mx {
                domain: None,
                v4: None,
                v6: None,
            },
            Addition::Mx,
        ) => true,
        (
            Mechanism::A {
                domain: None,
                v4: None,
                v6: None,
            },
            Addition::A,
        ) => true,
        _ => false,
    }
}

/// Adds what is missing to `current` (or to a new record with `~all` when there is none):
/// existing terms and the `all` qualifier are kept (but `+all`, which authorises the whole
/// Internet, becomes `~all`), additions go before `all` and `redirect=`, and nothing already
/// covered is added again.
pub fn merge(current: Option<&str>, additions: &[Addition]) -> Result<Merged, ParseError> {
    merge_with_policy(current, additions, None)
}

/// `merge`, with the `all` term set to `policy` when one is chosen.
pub fn merge_with_policy(
    current: Option<&str>,
    additions: &[Addition],
    policy: Option<Policy>,
) -> Result<Merged, ParseError> {
    let current = current
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .unwrap_or("v=spf1 ~all");
    let parsed = record::parse(current)?;
    let mut added: Vec<String> = Vec::new();
    let mut already = Vec::new();
    let mut kept_additions: Vec<&Addition> = Vec::new();
    for addition in additions {
        let covered = parsed
            .directives()
            .any(|(q, m)| q == Qualifier::Pass && covers(m, addition))
            || kept_additions.iter().any(|a| covers(&as_mechanism(a), addition));
        let term = addition.to_string();
        if covered {
            already.push(term);
        } else {
            kept_additions.push(addition);
            added.push(term);
        }
    }
    // Before `all`, `redirect=` and any non-pass directive (`-ip4:…`), so that nothing
    // evaluated earlier can turn an added address into anything but `pass`.
    let insert_at = parsed
        .terms
        .iter()
        .position(|t| match &t.kind {
            TermKind::Directive(q, m) => *m == Mechanism::All || *q != Qualifier::Pass,
            TermKind::Modifier(m) => matches!(m, record::Modifier::Redirect(_)),
        })
        .unwrap_or(parsed.terms.len());
    let mut terms: Vec<String> = parsed.terms.iter().map(|t| t.text.clone()).collect();
    let mut policy_change = None;
    if let Some(at) = parsed
        .terms
        .iter()
        .position(|t| matches!(t.kind, TermKind::Directive(_, Mechanism::All)))
    {
        let old = terms[at].clone();
        let passes = matches!(parsed.terms[at].kind, TermKind::Directive(Qualifier::Pass, _));
        let new = policy.map(Policy::term).or(passes.then_some("~all"));
        if let Some(new) = new.filter(|n| !old.eq_ignore_ascii_case(n)) {
            terms[at] = new.to_owned();
            policy_change = Some((old, new.to_owned()));
        }
    }
    terms.splice(insert_at..insert_at, added.iter().cloned());
    let record = std::iter::once("v=spf1".to_owned())
        .chain(terms)
        .collect::<Vec<_>>()
        .join(" ");
    let lookups = record::parse(&record)?.lookups();
    let blocked = super::lint_record(&record, &[])
        .into_iter()
        .filter(|i| i.severity() == super::Severity::Error && !matches!(i, super::Issue::TooManyLookups(_)))
        .collect();
    Ok(Merged {
        record,
        added,
        already,
        lookups,
        over_budget: lookups > super::MAX_LOOKUPS,
        policy_change,
        blocked,
    })
}

fn as_mechanism(addition: &Addition) -> Mechanism {
    let text = format!("v=spf1 {addition}");
    let parsed = record::parse(&text).expect("additions are valid terms");
    parsed.directives().next().map(|(_, m)| m.clone()).expect("one term")
}

/// A record from scratch: the additions, then the policy.
pub fn generate(additions: &[Addition], policy: Policy) -> Result<Merged, ParseError> {
    merge(Some(&format!("v=spf1 {}", policy.term())), additions)
}

/// The SPF builder's record: the pasted one with `additions` merged and the chosen policy in
/// place of its `all`, or with nothing pasted a new record with the chosen policy (soft fail
/// unless chosen), which is no change of policy.
pub fn publish(current: Option<&str>, additions: &[Addition], policy: Option<Policy>) -> Result<Merged, ParseError> {
    match current {
        Some(current) => merge_with_policy(Some(current), additions, policy),
        None => generate(additions, policy.unwrap_or(Policy::SoftFail)),
    }
}

/// The record as zone-file text: strings of at most 255 octets, cut after a space when
/// possible (receivers join the strings with nothing between them).
pub fn zone_text(name: &str, record: &str) -> String {
    format!("{name} IN TXT {}", crate::resolver::quote_txt(split_strings(record)))
}

pub fn split_strings(record: &str) -> Vec<&str> {
    const MAX: usize = 255;
    let mut strings = Vec::new();
    let mut rest = record;
    while rest.len() > MAX {
        let window = &rest[..MAX];
        let cut = window.rfind(' ').map_or(MAX, |space| space + 1);
        strings.push(&rest[..cut]);
        rest = &rest[cut..];
    }
    strings.push(rest);
    strings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builder_publishes_with_the_chosen_policy() {
        let ip = Addition::Ip("203.0.114.10".parse().unwrap(), 32);
        let cases: &[(Option<&str>, Option<Policy>, &str, bool)] = &[
            (None, None, "v=spf1 ip4:203.0.114.10 ~all", false),
            (None, Some(Policy::Fail), "v=spf1 ip4:203.0.114.10 -all", false),
            (
                Some("v=spf1 mx ?all"),
                Some(Policy::Fail),
                "v=spf1 mx ip4:203.0.114.10 -all",
                true,
            ),
            (Some("v=spf1 mx ?all"), None, "v=spf1 mx ip4:203.0.114.10 ?all", false),
        ];
        for (current, policy, record, changed) in cases {
            let merged = publish(*current, std::slice::from_ref(&ip), *policy).expect("valid");
            assert_eq!(
                (merged.record.as_str(), merged.policy_change.is_some()),
                (*record, *changed),
                "{current:?} {policy:?}"
            );
        }
    }

    #[test]
    fn the_chosen_policy_replaces_the_pasted_one() {
        let ip = Addition::ip("80.12.34.56".parse().unwrap());
        let cases: &[(&str, Option<Policy>, &str, Option<(&str, &str)>)] = &[
            (
                "v=spf1 mx ?all",
                Some(Policy::Fail),
                "v=spf1 mx ip4:80.12.34.56 -all",
                Some(("?all", "-all")),
            ),
            (
                "v=spf1 mx +all",
                None,
                "v=spf1 mx ip4:80.12.34.56 ~all",
                Some(("+all", "~all")),
            ),
            (
                "v=spf1 mx all",
                Some(Policy::SoftFail),
                "v=spf1 mx ip4:80.12.34.56 ~all",
                Some(("all", "~all")),
            ),
            ("v=spf1 mx -all", None, "v=spf1 mx ip4:80.12.34.56 -all", None),
            (
                "v=spf1 mx -all",
                Some(Policy::Fail),
                "v=spf1 mx ip4:80.12.34.56 -all",
                None,
            ),
            (
                "v=spf1 redirect=_spf.example.com",
                Some(Policy::Fail),
                "v=spf1 ip4:80.12.34.56 redirect=_spf.example.com",
                None,
            ),
        ];
        for (pasted, policy, record, change) in cases {
            let merged = merge_with_policy(Some(pasted), std::slice::from_ref(&ip), *policy).unwrap();
            assert_eq!(merged.record, *record, "{pasted}");
            assert_eq!(
                merged.policy_change,
                change.map(|(a, b)| (a.to_owned(), b.to_owned())),
                "{pasted}"
            );
            assert!(merged.blocked.is_empty(), "{pasted}");
        }
    }

    #[test]
    fn a_record_the_checker_calls_a_problem_is_blocked() {
        let merged = merge(Some("v=spf1 ip4:0.0.0.0/0 -all"), &[Addition::Mx]).unwrap();
        assert_eq!(
            merged.blocked,
            [super::super::Issue::WideNetwork("ip4:0.0.0.0/0".into())]
        );
    }

    fn ip(s: &str) -> Addition {
        Addition::ip(s.parse().unwrap())
    }

    fn net(s: &str, len: u8) -> Addition {
        Addition::Ip(s.parse().unwrap(), len)
    }

    fn include(s: &str) -> Addition {
        Addition::Include(s.into())
    }

    #[test]
    fn merges() {
        type Case<'a> = (Option<&'a str>, Vec<Addition>, &'a str, &'a [&'a str]);
        let cases: &[Case] = &[
            (
                Some("v=spf1 mx include:spf.protection.outlook.com -all"),
                vec![ip("203.0.114.10")],
                "v=spf1 mx include:spf.protection.outlook.com ip4:203.0.114.10 -all",
                &["ip4:203.0.114.10"],
            ),
            (
                Some("v=spf1 mx -all"),
                vec![include("spf.protection.outlook.com"), ip("203.0.114.10")],
                "v=spf1 mx include:spf.protection.outlook.com ip4:203.0.114.10 -all",
                &["include:spf.protection.outlook.com", "ip4:203.0.114.10"],
            ),
            (
                Some("v=spf1 ip4:203.0.114.0/24 ~all"),
                vec![ip("203.0.114.10"), ip("198.51.101.1")],
                "v=spf1 ip4:203.0.114.0/24 ip4:198.51.101.1 ~all",
                &["ip4:198.51.101.1"],
            ),
            (
                Some("v=spf1 include:SPF.protection.outlook.com. -all"),
                vec![include("spf.protection.outlook.com")],
                "v=spf1 include:SPF.protection.outlook.com. -all",
                &[],
            ),
            (
                None,
                vec![ip("203.0.114.10")],
                "v=spf1 ip4:203.0.114.10 ~all",
                &["ip4:203.0.114.10"],
            ),
            (Some(""), vec![Addition::Mx], "v=spf1 mx ~all", &["mx"]),
            (
                Some("v=spf1 a redirect=_spf.example.net"),
                vec![ip("2001:db8::25")],
                "v=spf1 a ip6:2001:db8::25 redirect=_spf.example.net",
                &["ip6:2001:db8::25"],
            ),
            (
                Some("v=spf1 mx"),
                vec![net("203.0.114.0", 28)],
                "v=spf1 mx ip4:203.0.114.0/28",
                &["ip4:203.0.114.0/28"],
            ),
            (
                Some("v=spf1 ip4:203.0.114.10 -all"),
                vec![net("203.0.114.0", 24)],
                "v=spf1 ip4:203.0.114.10 ip4:203.0.114.0/24 -all",
                &["ip4:203.0.114.0/24"],
            ),
            (
                Some("v=spf1 mx -ip4:203.0.114.10 include:_spf.example.net -all"),
                vec![ip("203.0.114.10")],
                "v=spf1 mx ip4:203.0.114.10 -ip4:203.0.114.10 include:_spf.example.net -all",
                &["ip4:203.0.114.10"],
            ),
            (
                Some("v=spf1 -all"),
                vec![ip("203.0.114.10"), ip("203.0.114.10")],
                "v=spf1 ip4:203.0.114.10 -all",
                &["ip4:203.0.114.10"],
            ),
        ];
        for (current, additions, expected, added) in cases {
            let merged = merge(*current, additions).unwrap();
            assert_eq!(merged.record, *expected, "{current:?}");
            assert_eq!(merged.added, *added, "{current:?}");
        }
    }

    #[test]
    fn budget() {
        let includes: Vec<Addition> = (0..10).map(|i| include(&format!("_spf{i}.example.com"))).collect();
        let merged = merge(Some("v=spf1 mx -all"), &includes).unwrap();
        assert_eq!(merged.lookups, 11);
        assert!(merged.over_budget);
        assert!(!merge(Some("v=spf1 mx -all"), &includes[..9]).unwrap().over_budget);
    }

    #[test]
    fn invalid_current_record_is_an_error() {
        assert!(merge(Some("v=spf1 ip4:300.1.1.1 -all"), &[ip("203.0.114.10")]).is_err());
    }

    #[test]
    fn generates() {
        let cases = [
            (
                vec![include("spf.protection.outlook.com")],
                Policy::Fail,
                "v=spf1 include:spf.protection.outlook.com -all",
            ),
            (
                vec![include("_spf.google.com"), ip("203.0.114.10")],
                Policy::SoftFail,
                "v=spf1 include:_spf.google.com ip4:203.0.114.10 ~all",
            ),
            (vec![], Policy::Fail, "v=spf1 -all"),
        ];
        for (additions, policy, expected) in cases {
            assert_eq!(generate(&additions, policy).unwrap().record, expected);
        }
    }

    #[test]
    fn zone_strings() {
        let short = "v=spf1 mx -all";
        assert_eq!(zone_text("@", short), "@ IN TXT \"v=spf1 mx -all\"");
        let long: String = std::iter::once("v=spf1".to_owned())
            .chain((0..30).map(|i| format!("ip4:203.0.114.{i}")))
            .chain(std::iter::once("-all".to_owned()))
            .collect::<Vec<_>>()
            .join(" ");
        let strings = split_strings(&long);
        assert!(strings.len() > 1);
        assert!(strings.iter().all(|s| s.len() <= 255));
        assert_eq!(strings.concat(), long);
        assert!(strings[0].ends_with(' '));
        let unbroken = "x".repeat(600);
        assert_eq!(
            split_strings(&unbroken).iter().map(|s| s.len()).collect::<Vec<_>>(),
            [255, 255, 90]
        );
    }
}
