//! The checks of a domain's mail records: MX, SPF, DMARC, DKIM and the SMTP host. Each
//! gives a status, notes the interface words, the raw records and their TTL.

use std::net::IpAddr;

use futures_util::future::join5;

use crate::{
    detect,
    presets::Provider,
    resolver::{Failure, LookupError, Rdata, RecordType, Resolver, mx_exchanges},
    spf::{self, Issue, Node, NodeState, Severity, SpfResult},
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Ok,
    Warning,
    Problem,
    /// The check could not be made (offline, time-out, resolver error).
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckKind {
    Mx,
    Spf,
    Dmarc,
    Dkim,
    SmtpHost,
}

impl CheckKind {
    /// A stable id for the page and its tests.
    pub fn id(self) -> &'static str {
        match self {
            CheckKind::Mx => "mx",
            CheckKind::Spf => "spf",
            CheckKind::Dmarc => "dmarc",
            CheckKind::Dkim => "dkim",
            CheckKind::SmtpHost => "smtphost",
        }
    }
}

impl Status {
    /// A stable id for the page and its tests.
    pub fn id(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Warning => "warning",
            Status::Problem => "problem",
            Status::Unknown => "unknown",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    Failed(Failure),
    /// The domain does not exist.
    NoDomain,
    MxNone,
    /// The domain declares that it receives no mail (RFC 7505).
    MxNull,
    /// MX targets that cannot be mail servers: an IP address written as a name, `localhost`.
    MxInvalidHosts(Vec<String>),
    /// The provider the MX hosts identify (a preset id).
    MxProvider(String),
    MxUnknownProvider,
    /// The MX hosts identify another provider than the one chosen in the wizard.
    MxMismatch {
        found: Option<String>,
        chosen: String,
    },
    SpfIssue(Issue),
    SpfIp {
        ip: IpAddr,
        result: SpfResult,
    },
    SpfProvider {
        provider: String,
        include: String,
        included: bool,
    },
    DmarcMissing {
        suggestion: String,
    },
    /// What the published record means (its policy first).
    Dmarc(crate::dmarc::Finding),
    DmarcSeveral,
    DmarcInvalid,
    DkimFound(String),
    DkimMissing(Vec<String>),
    /// A key record whose `p=` is empty: the key was revoked.
    DkimRevoked(String),
    /// A key record whose `p=` is not a public key.
    DkimBadKey(String),
    HostResolves {
        host: String,
        addresses: usize,
    },
    HostMissing(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    pub kind: CheckKind,
    pub status: Status,
    pub notes: Vec<Note>,
    /// The records as published, as text.
    pub raw: Vec<String>,
    /// Smallest TTL of what was read: how long a change may take to be seen.
    pub ttl: Option<u32>,
    pub tree: Option<Node>,
}

impl Check {
    pub(crate) fn new(kind: CheckKind, status: Status, notes: Vec<Note>) -> Check {
        Check {
            kind,
            status,
            notes,
            raw: Vec::new(),
            ttl: None,
            tree: None,
        }
    }

    fn failed(kind: CheckKind, error: &LookupError) -> Check {
        match error {
            LookupError::NxDomain => Check::new(kind, Status::Problem, vec![Note::NoDomain]),
            // A loop is the zone's own mistake, not a failure to read it.
            LookupError::Temporary(Failure::CnameLoop) => {
                Check::new(kind, Status::Problem, vec![Note::Failed(Failure::CnameLoop)])
            }
            LookupError::Temporary(failure) => Check::new(kind, Status::Unknown, vec![Note::Failed(*failure)]),
        }
    }
}

/// What the checks compare the records with.
#[derive(Debug, Clone, Default)]
pub struct Context<'a> {
    pub domain: &'a str,
    /// The provider chosen in the wizard.
    pub chosen: Option<&'a Provider>,
    /// The SMTP host of the chosen settings.
    pub smtp_host: Option<&'a str>,
    /// An address to test against the SPF policy.
    pub ip: Option<IpAddr>,
    /// A DKIM selector the user typed.
    pub dkim_selector: Option<&'a str>,
}

/// Runs every check, concurrently.
pub async fn run<R: Resolver>(resolver: &R, context: &Context<'_>) -> Vec<Check> {
    let (mx, spf, dmarc, dkim, host) = join5(
        check_mx(resolver, context),
        check_spf(resolver, context),
        check_dmarc(resolver, context.domain),
        check_dkim(resolver, context),
        check_host(resolver, context.smtp_host),
    )
    .await;
    [Some(mx), Some(spf), Some(dmarc), Some(dkim), host]
        .into_iter()
        .flatten()
        .collect()
}

/// Whether an MX target can be a mail server's name: not an IP address written as a name
/// (RFC 5321 §5.1 wants a domain name), not `localhost`, labels of letters, digits and
/// hyphens.
fn is_mail_host(host: &str) -> bool {
    let host = host.trim_end_matches('.');
    let labels_ok = !host.is_empty()
        && host.split('.').all(|l| {
            !l.is_empty() && l.len() <= 63 && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        });
    labels_ok && host.parse::<IpAddr>().is_err() && !host.eq_ignore_ascii_case("localhost") && host.contains('.')
}

pub async fn check_mx<R: Resolver>(resolver: &R, context: &Context<'_>) -> Check {
    let kind = CheckKind::Mx;
    let (records, ttl) = match resolver.lookup_with_ttl(context.domain, RecordType::Mx).await {
        Ok(answer) => answer,
        Err(error) => return Check::failed(kind, &error),
    };
    let hosts = mx_exchanges(&records);
    let raw = records.iter().map(Rdata::to_text).collect();
    let invalid: Vec<String> = hosts.iter().filter(|h| !is_mail_host(h)).cloned().collect();
    let (status, notes) = if records.is_empty() {
        (Status::Problem, vec![Note::MxNone])
    } else if hosts.is_empty() {
        (Status::Problem, vec![Note::MxNull])
    } else if !invalid.is_empty() {
        (Status::Problem, vec![Note::MxInvalidHosts(invalid)])
    } else {
        let found = detect::by_mx(hosts.iter().map(String::as_str)).map(|p| p.id.clone());
        let mut notes = vec![found.clone().map_or(Note::MxUnknownProvider, Note::MxProvider)];
        let mut status = Status::Ok;
        // Providers known by their MX must match; an own server is only compared loosely.
        if let Some(chosen) = context.chosen.filter(|c| !c.mx_patterns.is_empty() || found.is_some())
            && found.as_deref() != Some(chosen.id.as_str())
            && chosen.id != crate::presets::OWN_SERVER
        {
            notes.push(Note::MxMismatch {
                found: found.clone(),
                chosen: chosen.id.clone(),
            });
            status = Status::Warning;
        }
        (status, notes)
    };
    Check {
        raw,
        ttl,
        ..Check::new(kind, status, notes)
    }
}

pub async fn check_spf<R: Resolver>(resolver: &R, context: &Context<'_>) -> Check {
    let kind = CheckKind::Spf;
    let (tree, ip_result) = futures_util::future::join(spf::resolve_tree(resolver, context.domain), async {
        match context.ip {
            Some(ip) => Some(
                spf::check_host(
                    resolver,
                    ip,
                    context.domain,
                    &format!("postmaster@{}", context.domain),
                    context.domain,
                )
                .await,
            ),
            None => None,
        }
    })
    .await;
    if let NodeState::DnsError(failure) = tree.state {
        return Check::new(kind, Status::Unknown, vec![Note::Failed(failure)]);
    }
    if tree.state == NodeState::NxDomain {
        return Check::new(kind, Status::Problem, vec![Note::NoDomain]);
    }
    let issues = spf::lint_tree(resolver, &tree).await;
    let worst = issues.iter().map(Issue::severity).max();
    let mut status = match worst {
        Some(Severity::Error) => Status::Problem,
        Some(Severity::Warning) => Status::Warning,
        _ => Status::Ok,
    };
    if issues.iter().any(|i| matches!(i, Issue::NoRecord)) {
        status = Status::Problem;
    }
    let mut notes: Vec<Note> = issues.into_iter().map(Note::SpfIssue).collect();
    if let (Some(ip), Some(result)) = (context.ip, ip_result) {
        if result.result != SpfResult::Pass {
            status = status.max(Status::Warning);
        }
        notes.push(Note::SpfIp {
            ip,
            result: result.result,
        });
    }
    if let Some(spf) = context.chosen.and_then(|p| p.spf.as_ref()) {
        let included = includes(&tree, &spf.include);
        if !included {
            status = status.max(Status::Warning);
        }
        notes.push(Note::SpfProvider {
            provider: context.chosen.map(|p| p.id.clone()).unwrap_or_default(),
            include: spf.include.clone(),
            included,
        });
    }
    let raw = match &tree.state {
        NodeState::Record { text, .. } | NodeState::Invalid { text, .. } => vec![text.clone()],
        NodeState::Several(records) => records.clone(),
        _ => Vec::new(),
    };
    let ttl = resolver
        .lookup_with_ttl(context.domain, RecordType::Txt)
        .await
        .ok()
        .and_then(|(_, ttl)| ttl);
    Check {
        raw,
        ttl,
        tree: Some(tree),
        ..Check::new(kind, status, notes)
    }
}

/// Whether the tree includes `domain` anywhere.
fn includes(node: &Node, domain: &str) -> bool {
    node.children
        .iter()
        .any(|c| c.domain.eq_ignore_ascii_case(domain) || includes(c, domain))
}

pub async fn check_dmarc<R: Resolver>(resolver: &R, domain: &str) -> Check {
    let kind = CheckKind::Dmarc;
    let suggestion = format!("_dmarc.{domain} IN TXT \"v=DMARC1; p=none; rua=mailto:dmarc@{domain}\"");
    let (dmarc, ttl) = match crate::dmarc::published(resolver, domain).await {
        Ok(found) => found,
        Err(error) => return Check::failed(kind, &error),
    };
    let check = match dmarc.as_slice() {
        [] => Check::new(kind, Status::Warning, vec![Note::DmarcMissing { suggestion }]),
        [one] => match crate::dmarc::parse(one) {
            Ok(record) => {
                let findings = crate::dmarc::explain(&record, domain, idna_passthrough);
                Check::new(kind, Status::Ok, findings.into_iter().map(Note::Dmarc).collect())
            }
            Err(_) => Check::new(kind, Status::Problem, vec![Note::DmarcInvalid]),
        },
        _ => Check::new(kind, Status::Problem, vec![Note::DmarcSeveral]),
    };
    Check {
        raw: dmarc,
        ttl,
        ..check
    }
}

/// Report addresses come from DNS, already in ASCII: no IDNA mapping is needed to read them.
fn idna_passthrough(domain: &str) -> Option<String> {
    Some(domain.to_ascii_lowercase())
}

/// The selectors to look for: the one the user typed, else the chosen provider's (from its
/// preset), else every mailbox provider's.
fn selectors(context: &Context<'_>) -> Vec<String> {
    if let Some(selector) = context.dkim_selector.map(str::trim).filter(|s| !s.is_empty()) {
        return vec![selector.to_owned()];
    }
    if let Some(chosen) = context.chosen.filter(|p| !p.dkim_selectors.is_empty()) {
        return [chosen.dkim_selectors.as_slice(), &chosen.dkim_legacy_selectors].concat();
    }
    let mut all: Vec<String> = Vec::new();
    for selector in crate::presets::providers()
        .iter()
        .filter(|p| p.kind == crate::presets::ProviderKind::Mailbox)
        .flat_map(|p| &p.dkim_selectors)
    {
        if !all.contains(selector) {
            all.push(selector.clone());
        }
    }
    all
}

/// What one DKIM selector of a domain publishes at `<selector>._domainkey.<domain>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Published {
    /// A CNAME to the provider's key (Microsoft 365, Brevo…): its target.
    Cname(String),
    /// The key record itself, and whether it holds a usable key.
    Key(super::dkim::Key),
    Missing,
}

/// One selector's record, with its answer as text and TTL for the raw view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectorRecord {
    pub selector: String,
    pub published: Published,
    pub raw: Vec<String>,
    pub ttl: Option<u32>,
}

/// The DKIM records of `domain` for each selector, asked at once; a DNS failure fails all.
pub async fn dkim_records<R: Resolver>(
    resolver: &R,
    domain: &str,
    selectors: &[String],
) -> Result<Vec<SelectorRecord>, Failure> {
    let lookups = selectors.iter().map(|s| {
        let name = format!("{s}._domainkey.{domain}");
        async move {
            // Microsoft 365 publishes CNAMEs to its own keys; others publish the key as TXT.
            let cname = resolver.lookup_with_ttl(&name, RecordType::Cname).await;
            match cname {
                Ok((records, ttl)) if !records.is_empty() => Ok((records, ttl)),
                Err(LookupError::Temporary(f)) => Err(LookupError::Temporary(f)),
                _ => resolver.lookup_with_ttl(&name, RecordType::Txt).await,
            }
        }
    });
    let answers = futures_util::future::join_all(lookups).await;
    let mut found = Vec::new();
    for (selector, answer) in selectors.iter().zip(answers) {
        let (published, raw, ttl) = match answer {
            Ok((records, ttl)) if !records.is_empty() => {
                let cname = records.iter().find_map(|r| match r {
                    Rdata::Cname(target) => Some(target.trim_end_matches('.').to_owned()),
                    _ => None,
                });
                // A TXT record is the key itself: the worst of its strings decides.
                let key = crate::resolver::txt_texts(&records)
                    .map(|k| super::dkim::key(&k))
                    .find(|k| *k != super::dkim::Key::Valid)
                    .unwrap_or(super::dkim::Key::Valid);
                // A CNAME leads to a key only when its target is a name (a resolver's JSON
                // answer can hold any text).
                let published = match cname {
                    Some(target) if is_dns_name(&target) => Published::Cname(target),
                    Some(_) => Published::Key(super::dkim::Key::Invalid),
                    None => Published::Key(key),
                };
                let raw = records
                    .iter()
                    .map(|r| format!("{selector}._domainkey: {}", r.to_text()))
                    .collect();
                (published, raw, ttl)
            }
            Err(LookupError::Temporary(failure)) => return Err(failure),
            _ => (Published::Missing, Vec::new(), None),
        };
        found.push(SelectorRecord {
            selector: selector.clone(),
            published,
            raw,
            ttl,
        });
    }
    Ok(found)
}

/// Whether `name` is a DNS name a key can live at: two labels at least, of ASCII letters,
/// digits, hyphens and underscores (`selector1-acme-fr._domainkey.acme.onmicrosoft.com`).
fn is_dns_name(name: &str) -> bool {
    let labels: Vec<&str> = name.split('.').collect();
    labels.len() >= 2
        && name.len() <= 253
        && labels.iter().all(|l| {
            (1..=63).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

pub async fn check_dkim<R: Resolver>(resolver: &R, context: &Context<'_>) -> Check {
    let kind = CheckKind::Dkim;
    let selectors = selectors(context);
    let records = match dkim_records(resolver, context.domain, &selectors).await {
        Ok(records) => records,
        Err(failure) => return Check::new(kind, Status::Unknown, vec![Note::Failed(failure)]),
    };
    let mut found = Vec::new();
    let mut broken = Vec::new();
    for record in &records {
        let selector = record.selector.clone();
        match record.published {
            Published::Key(super::dkim::Key::Revoked) => broken.push(Note::DkimRevoked(selector)),
            Published::Key(super::dkim::Key::Invalid) => broken.push(Note::DkimBadKey(selector)),
            Published::Key(super::dkim::Key::Valid) | Published::Cname(_) => found.push(Note::DkimFound(selector)),
            Published::Missing => {}
        }
    }
    let check = if !broken.is_empty() {
        Check::new(kind, Status::Problem, [broken, found].concat())
    } else if found.is_empty() {
        Check::new(kind, Status::Warning, vec![Note::DkimMissing(selectors.clone())])
    } else {
        Check::new(kind, Status::Ok, found)
    };
    Check {
        raw: records.iter().flat_map(|r| r.raw.clone()).collect(),
        ttl: records.iter().find_map(|r| r.ttl),
        ..check
    }
}

pub async fn check_host<R: Resolver>(resolver: &R, host: Option<&str>) -> Option<Check> {
    let host = host?;
    let kind = CheckKind::SmtpHost;
    let (v4, v6) = futures_util::future::join(
        resolver.lookup_with_ttl(host, RecordType::A),
        resolver.lookup_with_ttl(host, RecordType::Aaaa),
    )
    .await;
    let check = match (&v4, &v6) {
        (Err(LookupError::Temporary(f)), _) | (_, Err(LookupError::Temporary(f))) => {
            Check::new(kind, Status::Unknown, vec![Note::Failed(*f)])
        }
        _ => {
            let records: Vec<Rdata> = [v4.clone(), v6.clone()]
                .into_iter()
                .flat_map(|a| a.map(|(r, _)| r).unwrap_or_default())
                .collect();
            let ttl = [&v4, &v6]
                .iter()
                .filter_map(|a| a.as_ref().ok().and_then(|(_, t)| *t))
                .min();
            let check = if records.is_empty() {
                Check::new(kind, Status::Problem, vec![Note::HostMissing(host.to_owned())])
            } else {
                Check::new(
                    kind,
                    Status::Ok,
                    vec![Note::HostResolves {
                        host: host.to_owned(),
                        addresses: records.len(),
                    }],
                )
            };
            Check {
                raw: records.iter().map(Rdata::to_text).collect(),
                ttl,
                ..check
            }
        }
    };
    Some(check)
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::presets;

    #[test]
    fn mail_hosts() {
        for (host, ok) in [
            ("aspmx.l.google.com.", true),
            ("mx1.mail.ovh.net", true),
            ("127.0.0.1.", false),
            ("localhost.", false),
            ("mail", false),
            ("bad host.example", false),
            ("", false),
        ] {
            assert_eq!(is_mail_host(host), ok, "{host}");
        }
    }

    /// Records by (name, type); a name listed under "down" times out.
    struct Zone(HashMap<(&'static str, RecordType), Vec<Rdata>>, Vec<&'static str>);

    impl Resolver for Zone {
        async fn lookup(&self, name: &str, kind: RecordType) -> Result<Vec<Rdata>, LookupError> {
            if self.1.contains(&name) {
                return Err(LookupError::Temporary(Failure::Timeout));
            }
            match self.0.iter().find(|((n, k), _)| *n == name && *k == kind) {
                Some((_, records)) => Ok(records.clone()),
                None if self.0.keys().any(|(n, _)| *n == name) => Ok(Vec::new()),
                None => Err(LookupError::NxDomain),
            }
        }
    }

    fn txt(s: &str) -> Rdata {
        Rdata::Txt(vec![s.as_bytes().to_vec()])
    }

    fn zone() -> Zone {
        let mut map = HashMap::new();
        map.insert(
            ("contoso.example", RecordType::Mx),
            vec![Rdata::Mx(0, "contoso-example.mail.protection.outlook.com".into())],
        );
        map.insert(
            ("contoso.example", RecordType::Txt),
            vec![txt("v=spf1 include:spf.protection.outlook.com ip4:203.0.114.10 -all")],
        );
        map.insert(
            ("spf.protection.outlook.com", RecordType::Txt),
            vec![txt("v=spf1 ip4:40.92.0.0/15 -all")],
        );
        map.insert(
            ("_dmarc.contoso.example", RecordType::Txt),
            vec![txt("v=DMARC1; p=quarantine")],
        );
        map.insert(
            ("selector1._domainkey.contoso.example", RecordType::Cname),
            vec![Rdata::Cname(
                "selector1-contoso._domainkey.contoso.onmicrosoft.com".into(),
            )],
        );
        map.insert(
            ("selector1._domainkey.markup.example", RecordType::Cname),
            vec![Rdata::Cname("<img src=x onerror=alert(1)>".into())],
        );
        map.insert(
            ("smtp.office365.com", RecordType::A),
            vec![Rdata::A([52, 97, 1, 1].into())],
        );
        map.insert(
            ("bare.example", RecordType::Mx),
            vec![Rdata::Mx(10, "mail.bare.example".into())],
        );
        map.insert(("nomail.example", RecordType::Mx), vec![Rdata::Mx(0, "".into())]);
        Zone(map, vec!["down.example"])
    }

    #[test]
    fn dkim_records_by_selector() {
        let selectors = ["selector1".to_owned(), "selector2".to_owned()];
        let records = pollster::block_on(dkim_records(&zone(), "contoso.example", &selectors)).unwrap();
        let published: Vec<&Published> = records.iter().map(|r| &r.published).collect();
        assert_eq!(
            published,
            [
                &Published::Cname("selector1-contoso._domainkey.contoso.onmicrosoft.com".into()),
                &Published::Missing
            ]
        );
        let markup = pollster::block_on(dkim_records(&zone(), "markup.example", &selectors)).unwrap();
        assert_eq!(
            markup[0].published,
            Published::Key(super::super::dkim::Key::Invalid),
            "a target holding markup is no key"
        );
        assert_eq!(records[0].raw.len(), 1);
    }

    /// A provider's older selectors are tried too: a Brevo account authenticated before the
    /// CNAME scheme signs at `mail._domainkey`, and is not "missing DKIM".
    #[test]
    fn legacy_selectors_are_tried() {
        let context = |chosen| Context {
            domain: "acme.fr",
            chosen: presets::provider(chosen),
            smtp_host: None,
            ip: None,
            dkim_selector: None,
        };
        assert_eq!(selectors(&context("brevo")), ["brevo1", "brevo2", "mail"]);
        assert_eq!(selectors(&context("microsoft365")), ["selector1", "selector2"]);
    }

    fn run_checks(domain: &str, chosen: Option<&str>, ip: Option<&str>) -> Vec<(CheckKind, Status)> {
        let chosen = chosen.and_then(presets::provider);
        let context = Context {
            domain,
            chosen,
            smtp_host: chosen.and_then(|p| p.smtp.as_ref()).map(|s| s.host.as_str()),
            ip: ip.map(|i| i.parse().unwrap()),
            dkim_selector: None,
        };
        pollster::block_on(run(&zone(), &context))
            .into_iter()
            .map(|c| (c.kind, c.status))
            .collect()
    }

    #[test]
    fn statuses() {
        use CheckKind::*;
        use Status::*;
        let cases: &[(&str, Option<&str>, Option<&str>, &[(CheckKind, Status)])] = &[
            (
                "contoso.example",
                Some("microsoft365"),
                Some("203.0.114.10"),
                &[(Mx, Ok), (Spf, Ok), (Dmarc, Ok), (Dkim, Ok), (SmtpHost, Ok)],
            ),
            (
                "contoso.example",
                Some("microsoft365"),
                Some("198.51.101.7"),
                &[(Mx, Ok), (Spf, Warning), (Dmarc, Ok), (Dkim, Ok), (SmtpHost, Ok)],
            ),
            (
                "contoso.example",
                Some("google-workspace"),
                None,
                &[
                    (Mx, Warning),
                    (Spf, Warning),
                    (Dmarc, Ok),
                    (Dkim, Warning),
                    (SmtpHost, Problem),
                ],
            ),
            (
                "bare.example",
                None,
                None,
                &[(Mx, Ok), (Spf, Problem), (Dmarc, Warning), (Dkim, Warning)],
            ),
            (
                "nomail.example",
                None,
                None,
                &[(Mx, Problem), (Spf, Problem), (Dmarc, Warning), (Dkim, Warning)],
            ),
            (
                "gone.example",
                None,
                None,
                &[(Mx, Problem), (Spf, Problem), (Dmarc, Warning), (Dkim, Warning)],
            ),
            (
                "down.example",
                None,
                None,
                &[(Mx, Unknown), (Spf, Unknown), (Dmarc, Warning), (Dkim, Warning)],
            ),
        ];
        for (domain, chosen, ip, expected) in cases {
            assert_eq!(
                run_checks(domain, *chosen, *ip),
                *expected,
                "{domain} {chosen:?} {ip:?}"
            );
        }
    }
}
