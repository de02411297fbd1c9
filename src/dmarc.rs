//! DMARC records (RFC 7489): read from DNS, tag by tag, and explained, with the step that
//! follows on the way from `p=none` with reports to `p=reject`; and built from a policy and
//! a report address.

use crate::{
    address::{self, ToAscii},
    resolver::{LookupError, RecordType, Resolver},
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    None,
    Quarantine,
    Reject,
}

impl Policy {
    pub const ALL: [Policy; 3] = [Policy::None, Policy::Quarantine, Policy::Reject];

    pub fn id(self) -> &'static str {
        match self {
            Policy::None => "none",
            Policy::Quarantine => "quarantine",
            Policy::Reject => "reject",
        }
    }

    fn parse(value: &str) -> Option<Policy> {
        Policy::ALL.into_iter().find(|p| p.id().eq_ignore_ascii_case(value))
    }

    /// The policy to move to once reports show every sender passing.
    pub fn next(self) -> Option<Policy> {
        match self {
            Policy::None => Some(Policy::Quarantine),
            Policy::Quarantine => Some(Policy::Reject),
            Policy::Reject => None,
        }
    }
}

/// A published record, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub policy: Policy,
    /// `sp`: the policy of subdomains, when it differs from `p`.
    pub subdomain_policy: Option<Policy>,
    /// `pct`: the share of failing messages the policy applies to.
    pub percent: u8,
    /// `rua`: where aggregate reports go.
    pub reports: Vec<String>,
    /// `adkim` and `aspf` strict (`s`) rather than relaxed.
    pub strict_dkim: bool,
    pub strict_spf: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// The record does not start with `v=DMARC1`.
    NotDmarc,
    MissingPolicy,
    BadValue {
        tag: String,
        value: String,
    },
    Duplicate(String),
}

/// Reads a record: `v=DMARC1` first, then `tag=value` pairs separated by `;`. Unknown tags are
/// ignored, as receivers ignore them.
pub fn parse(text: &str) -> Result<Record, ParseError> {
    let mut tags = text.split(';').map(str::trim).filter(|t| !t.is_empty());
    let version = tags.next().and_then(|t| t.split_once('='));
    if !version.is_some_and(|(k, v)| k.trim().eq_ignore_ascii_case("v") && v.trim() == "DMARC1") {
        return Err(ParseError::NotDmarc);
    }
    let mut seen: Vec<String> = Vec::new();
    let mut record = Record {
        policy: Policy::None,
        subdomain_policy: None,
        percent: 100,
        reports: Vec::new(),
        strict_dkim: false,
        strict_spf: false,
    };
    let mut policy = None;
    for tag in tags {
        let (key, value) = tag.split_once('=').unwrap_or((tag, ""));
        let (key, value) = (key.trim().to_ascii_lowercase(), value.trim());
        if seen.contains(&key) {
            return Err(ParseError::Duplicate(key));
        }
        let bad = || ParseError::BadValue {
            tag: key.clone(),
            value: value.to_owned(),
        };
        let alignment = |v: &str| match v.to_ascii_lowercase().as_str() {
            "r" => Ok(false),
            "s" => Ok(true),
            _ => Err(bad()),
        };
        match key.as_str() {
            "p" => policy = Some(Policy::parse(value).ok_or_else(bad)?),
            "sp" => record.subdomain_policy = Some(Policy::parse(value).ok_or_else(bad)?),
            "pct" => record.percent = value.parse().ok().filter(|p| *p <= 100).ok_or_else(bad)?,
            "rua" => record.reports = value.split(',').map(|u| u.trim().to_owned()).collect(),
            "adkim" => record.strict_dkim = alignment(value)?,
            "aspf" => record.strict_spf = alignment(value)?,
            _ => {}
        }
        seen.push(key);
    }
    record.policy = policy.ok_or(ParseError::MissingPolicy)?;
    Ok(record)
}

/// What a record means, each worth a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    Policy(Policy),
    /// The policy applies to this share of failing messages only.
    Partial(u8),
    SubdomainPolicy(Policy),
    /// Reports go to these addresses.
    Reports(Vec<String>),
    /// No `rua`: nobody learns which senders fail, so the policy cannot safely be tightened.
    NoReports,
    /// A report address that is not a `mailto:` URI of a valid address.
    BadReportAddress(String),
    /// Reports sent to another domain, which must publish that it accepts them.
    ExternalReports {
        domain: String,
        authorization: String,
    },
    StrictAlignment {
        dkim: bool,
        spf: bool,
    },
    /// The next policy, once reports show every sender passing.
    Next(Policy),
}

/// Everything worth saying about `record`, published for `domain`.
pub fn explain(record: &Record, domain: &str, to_ascii: ToAscii) -> Vec<Finding> {
    let mut findings = vec![Finding::Policy(record.policy)];
    if record.percent < 100 {
        findings.push(Finding::Partial(record.percent));
    }
    if let Some(sp) = record.subdomain_policy.filter(|sp| *sp != record.policy) {
        findings.push(Finding::SubdomainPolicy(sp));
    }
    if record.reports.is_empty() {
        findings.push(Finding::NoReports);
    } else {
        findings.push(Finding::Reports(record.reports.clone()));
    }
    for uri in &record.reports {
        match report_address(uri, to_ascii) {
            None => findings.push(Finding::BadReportAddress(uri.clone())),
            Some(to) if !same_organisation(&to, domain) => findings.push(Finding::ExternalReports {
                authorization: format!("{domain}._report._dmarc.{to}"),
                domain: to,
            }),
            Some(_) => {}
        }
    }
    if record.strict_dkim || record.strict_spf {
        findings.push(Finding::StrictAlignment {
            dkim: record.strict_dkim,
            spf: record.strict_spf,
        });
    }
    if let Some(next) = record.policy.next().filter(|_| !record.reports.is_empty()) {
        findings.push(Finding::Next(next));
    }
    findings
}

/// The domain of a `mailto:` report URI (an optional `!size` suffix allowed), if valid.
fn report_address(uri: &str, to_ascii: ToAscii) -> Option<String> {
    let mailbox = uri
        .get(..7)
        .filter(|s| s.eq_ignore_ascii_case("mailto:"))
        .map(|_| &uri[7..])?;
    let mailbox = mailbox.split('!').next().unwrap_or_default();
    address::parse(mailbox, to_ascii).ok().map(|a| a.domain)
}

/// Whether the report domain is the domain itself or one of its parents or children: no
/// authorization record is needed then (RFC 7489 §7.1 asks it for other organisations; the
/// public suffix list is not at hand, so a shared parent is taken as the same one).
pub(crate) fn same_organisation(report: &str, domain: &str) -> bool {
    let within = |a: &str, b: &str| a == b || a.ends_with(&format!(".{b}"));
    within(report, domain) || within(domain, report)
}

/// The DMARC records `_dmarc.<domain>` publishes (its TXT records that start with
/// `v=DMARC1`), and the smallest TTL read; none when the name does not exist.
pub async fn published<R: Resolver>(resolver: &R, domain: &str) -> Result<(Vec<String>, Option<u32>), LookupError> {
    let (records, ttl) = match resolver
        .lookup_with_ttl(&format!("_dmarc.{domain}"), RecordType::Txt)
        .await
    {
        Ok(answer) => answer,
        Err(LookupError::NxDomain) => return Ok((Vec::new(), None)),
        Err(error) => return Err(error),
    };
    let dmarc = crate::resolver::txt_texts(&records)
        .filter(|t| t.trim_start().to_ascii_lowercase().starts_with("v=dmarc1"))
        .collect();
    Ok((dmarc, ttl))
}

/// What the builder asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choices {
    pub policy: Policy,
    /// The address reports go to, as typed.
    pub reports: String,
    /// Subdomains under another policy than `policy`.
    pub subdomain_policy: Option<Policy>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BuildError {
    /// Without reports, tightening the policy is blind: the builder asks for an address.
    NoReportAddress,
    BadReportAddress(address::AddressError),
}

/// The record to publish: `v=DMARC1; p=…; [sp=…;] rua=mailto:…`.
pub fn build(choices: &Choices, to_ascii: ToAscii) -> Result<String, BuildError> {
    let typed = choices.reports.trim();
    if typed.is_empty() {
        return Err(BuildError::NoReportAddress);
    }
    let to = address::parse(typed, to_ascii).map_err(BuildError::BadReportAddress)?;
    let mut record = format!("v=DMARC1; p={}", choices.policy.id());
    if let Some(sp) = choices.subdomain_policy.filter(|sp| *sp != choices.policy) {
        record.push_str(&format!("; sp={}", sp.id()));
    }
    record.push_str(&format!("; rua=mailto:{}", to.full()));
    Ok(record)
}

/// The zone-file line that publishes `record` for `domain`.
pub fn zone_text(domain: &str, record: &str) -> String {
    format!("_dmarc.{domain}. IN TXT \"{record}\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_read_tag_by_tag() {
        let cases: &[(&str, Result<(Policy, Option<Policy>, u8, usize), ParseError>)] = &[
            (
                "v=DMARC1; p=none; rua=mailto:d@acme.fr",
                Ok((Policy::None, None, 100, 1)),
            ),
            (
                "v=DMARC1;p=reject;sp=quarantine;pct=50",
                Ok((Policy::Reject, Some(Policy::Quarantine), 50, 0)),
            ),
            (
                "V=DMARC1; P=Quarantine; fo=1; unknown=x",
                Ok((Policy::Quarantine, None, 100, 0)),
            ),
            ("v=DMARC1; rua=mailto:d@acme.fr", Err(ParseError::MissingPolicy)),
            ("p=none; v=DMARC1", Err(ParseError::NotDmarc)),
            ("v=spf1 -all", Err(ParseError::NotDmarc)),
            (
                "v=DMARC1; p=block",
                Err(ParseError::BadValue {
                    tag: "p".into(),
                    value: "block".into(),
                }),
            ),
            (
                "v=DMARC1; p=none; pct=150",
                Err(ParseError::BadValue {
                    tag: "pct".into(),
                    value: "150".into(),
                }),
            ),
            ("v=DMARC1; p=none; p=reject", Err(ParseError::Duplicate("p".into()))),
            (
                "v=DMARC1; p=none; adkim=x",
                Err(ParseError::BadValue {
                    tag: "adkim".into(),
                    value: "x".into(),
                }),
            ),
        ];
        for (text, expected) in cases {
            let got = parse(text).map(|r| (r.policy, r.subdomain_policy, r.percent, r.reports.len()));
            assert_eq!(&got, expected, "{text}");
        }
    }

    #[test]
    fn records_explained() {
        let explain_text = |text: &str| explain(&parse(text).unwrap(), "acme.fr", address::idna_crate);
        assert_eq!(
            explain_text("v=DMARC1; p=none; rua=mailto:dmarc@acme.fr"),
            [
                Finding::Policy(Policy::None),
                Finding::Reports(vec!["mailto:dmarc@acme.fr".into()]),
                Finding::Next(Policy::Quarantine)
            ]
        );
        assert_eq!(
            explain_text("v=DMARC1; p=quarantine"),
            [Finding::Policy(Policy::Quarantine), Finding::NoReports]
        );
        let external =
            explain_text("v=DMARC1; p=reject; pct=20; sp=none; adkim=s; rua=mailto:r@reports.example!10m,https://x");
        assert!(external.contains(&Finding::Partial(20)), "{external:?}");
        assert!(
            external.contains(&Finding::SubdomainPolicy(Policy::None)),
            "{external:?}"
        );
        assert!(
            external.contains(&Finding::BadReportAddress("https://x".into())),
            "{external:?}"
        );
        assert!(
            external.contains(&Finding::ExternalReports {
                domain: "reports.example".into(),
                authorization: "acme.fr._report._dmarc.reports.example".into()
            }),
            "{external:?}"
        );
        assert!(
            external.contains(&Finding::StrictAlignment { dkim: true, spf: false }),
            "{external:?}"
        );
        assert!(!external.iter().any(|f| matches!(f, Finding::Next(_))), "{external:?}");
        let own = explain_text("v=DMARC1; p=none; rua=mailto:d@mail.acme.fr");
        assert!(
            !own.iter().any(|f| matches!(f, Finding::ExternalReports { .. })),
            "{own:?}"
        );
    }

    #[test]
    fn records_built_from_choices() {
        let choices = |policy, reports: &str, sp| Choices {
            policy,
            reports: reports.into(),
            subdomain_policy: sp,
        };
        let cases = [
            (
                choices(Policy::None, " dmarc@acme.fr ", None),
                Ok("v=DMARC1; p=none; rua=mailto:dmarc@acme.fr"),
            ),
            (
                choices(Policy::Reject, "d@acme.fr", Some(Policy::Quarantine)),
                Ok("v=DMARC1; p=reject; sp=quarantine; rua=mailto:d@acme.fr"),
            ),
            (
                choices(Policy::Quarantine, "d@acme.fr", Some(Policy::Quarantine)),
                Ok("v=DMARC1; p=quarantine; rua=mailto:d@acme.fr"),
            ),
            (choices(Policy::None, "", None), Err(BuildError::NoReportAddress)),
        ];
        for (choices, expected) in cases {
            assert_eq!(
                build(&choices, address::idna_crate).as_deref().map_err(Clone::clone),
                expected,
                "{choices:?}"
            );
        }
        let bad = build(&choices(Policy::None, "not an address", None), address::idna_crate);
        assert!(matches!(bad, Err(BuildError::BadReportAddress(_))), "{bad:?}");
        let built = build(&choices(Policy::None, "d@acme.fr", None), address::idna_crate).unwrap();
        assert_eq!(
            parse(&built).map(|r| r.reports),
            Ok(vec!["mailto:d@acme.fr".to_owned()])
        );
        assert_eq!(
            zone_text("acme.fr", &built),
            format!("_dmarc.acme.fr. IN TXT \"{built}\"")
        );
    }
}
