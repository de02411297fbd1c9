//! Microsoft 365: which of the three sending methods fits, and the checks of the connector
//! relay (the domain's MX, the sites' public IPv4 addresses).

use std::net::{IpAddr, Ipv4Addr};

use crate::{
    ipclass::{self, IpClass},
    timeline::Phase,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// smtp.office365.com, 587, STARTTLS, a mailbox and its (app) password.
    SmtpAuth,
    /// The domain's MX host, port 25, no password: an inbound connector knows the site's IP.
    Relay,
    /// The domain's MX host, port 25, no password: only Microsoft 365 mailboxes receive.
    DirectSend,
    /// Outside Microsoft 365's SMTP: a sending service, Azure Communication Services, or the
    /// software vendor's OAuth 2.0.
    WayOut,
}

impl Method {
    /// Every method, in the order of the comparison table.
    pub const ALL: [Method; 4] = [Method::Relay, Method::SmtpAuth, Method::DirectSend, Method::WayOut];
}

/// The answers to the questions of the method screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Answers {
    pub external_recipients: bool,
    pub several_senders: bool,
    pub fixed_ip: bool,
    pub smtp_auth_possible: bool,
    pub hosted_by_third_party: bool,
}

/// The questions of the method screen, in their order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    External,
    SeveralSenders,
    FixedIp,
    SmtpAuth,
    Hosted,
}

impl Question {
    pub const ALL: [Question; 5] = [
        Question::External,
        Question::SeveralSenders,
        Question::FixedIp,
        Question::SmtpAuth,
        Question::Hosted,
    ];

    /// A stable id, for the DOM and tests.
    pub fn id(self) -> &'static str {
        match self {
            Question::External => "external",
            Question::SeveralSenders => "several-senders",
            Question::FixedIp => "fixed-ip",
            Question::SmtpAuth => "smtp-auth",
            Question::Hosted => "hosted",
        }
    }
}

/// The user's replies so far: a question not answered yet is neither yes nor no, and no
/// method is recommended until every question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Replies([Option<bool>; 5]);

impl Replies {
    fn slot(question: Question) -> usize {
        Question::ALL
            .iter()
            .position(|q| *q == question)
            .expect("every question is listed")
    }

    pub fn get(&self, question: Question) -> Option<bool> {
        self.0[Self::slot(question)]
    }

    pub fn set(&mut self, question: Question, yes: bool) {
        self.0[Self::slot(question)] = Some(yes);
    }

    /// Questions still without an answer.
    pub fn left(&self) -> usize {
        self.0.iter().filter(|r| r.is_none()).count()
    }

    /// The answers, once every question has one.
    pub fn complete(&self) -> Option<Answers> {
        let [external, several, fixed, auth, hosted] = self.0;
        Some(Answers {
            external_recipients: external?,
            several_senders: several?,
            fixed_ip: fixed?,
            smtp_auth_possible: auth?,
            hosted_by_third_party: hosted?,
        })
    }
}

/// Why a method is recommended, or why another is not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// Relay: every recipient, any address of the domain, no password, not affected by the
    /// retirement of basic authentication.
    RelayDurable,
    /// SMTP AUTH: needs no fixed IP.
    AuthNoFixedIp,
    /// SMTP AUTH sends as one mailbox; other senders need Send As rights.
    AuthOneSender,
    /// SMTP AUTH with a password is turned off by default at the end of December 2026.
    AuthRetiring,
    /// Past that date: it works only where an administrator turned it back on, until the
    /// final removal.
    AuthReenabledUntilRemoval,
    /// A third party's IP address may be shared with its other customers: a connector by IP
    /// would let them send as you.
    HostedSharedIp,
    /// Direct send reaches only the organisation's own mailboxes.
    DirectInternalOnly,
    /// The administrator may reject direct send.
    DirectMayBeRejected,
    /// No fixed IP and no SMTP AUTH: the way out is a service outside Microsoft 365's SMTP.
    WayOutNeeded,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recommendation {
    pub method: Method,
    pub reasons: Vec<Reason>,
}

/// The method that fits the answers, worded for the phase of the basic-authentication
/// retirement: SMTP AUTH with a password is never recommended over the relay, and when
/// neither it nor a fixed IP is available, the answer is a way out, not "nothing fits".
pub fn recommend(a: Answers, phase: Phase) -> Recommendation {
    let relay_possible = a.fixed_ip && !a.hosted_by_third_party;
    let (method, mut reasons) = if relay_possible {
        (Method::Relay, vec![Reason::RelayDurable])
    } else if a.smtp_auth_possible {
        let retiring = match phase {
            Phase::Before { .. } => Reason::AuthRetiring,
            Phase::After => Reason::AuthReenabledUntilRemoval,
        };
        let mut reasons = vec![Reason::AuthNoFixedIp, retiring];
        if a.several_senders {
            reasons.push(Reason::AuthOneSender);
        }
        (Method::SmtpAuth, reasons)
    } else if !a.external_recipients {
        (
            Method::DirectSend,
            vec![Reason::DirectInternalOnly, Reason::DirectMayBeRejected],
        )
    } else {
        (Method::WayOut, vec![Reason::WayOutNeeded])
    };
    if a.fixed_ip && a.hosted_by_third_party {
        reasons.push(Reason::HostedSharedIp);
    }
    Recommendation { method, reasons }
}

/// Why an address cannot be the connector's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IpRefusal {
    NotIpv4,
    /// Private, loopback, CGNAT, link-local, multicast or reserved: not what Microsoft sees.
    Special(IpClass),
}

/// A site's public IPv4 address for the connector. Documentation addresses are accepted
/// with a warning (`true`): they are examples, never a real site.
pub fn site_ip(input: &str) -> Result<(Ipv4Addr, bool), IpRefusal> {
    let ip: Ipv4Addr = match input.trim().parse::<IpAddr>() {
        Ok(IpAddr::V4(v4)) => v4,
        _ => return Err(IpRefusal::NotIpv4),
    };
    match ipclass::classify(IpAddr::V4(ip)) {
        IpClass::Public => Ok((ip, false)),
        IpClass::Documentation => Ok((ip, true)),
        other => Err(IpRefusal::Special(other)),
    }
}

/// Whether an MX host is `provider`'s, by its preset's MX patterns (Microsoft 365's:
/// `*.mail.protection.outlook.com`, `*.mx.microsoft`).
pub fn is_provider_mx(provider: &str, host: &str) -> bool {
    crate::detect::by_mx([host]).is_some_and(|p| p.id == provider)
}

/// A typed MX host that is not the provider's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotProviderMx;

/// An MX host typed by hand (offline): `provider`'s host, normalised, or nothing typed; an
/// error for any other host.
pub fn typed_mx(provider: &str, typed: &str) -> Result<Option<String>, NotProviderMx> {
    let host = typed.trim().trim_end_matches('.').to_ascii_lowercase();
    match (host.is_empty(), is_provider_mx(provider, &host)) {
        (true, _) => Ok(None),
        (false, true) => Ok(Some(host)),
        (false, false) => Err(NotProviderMx),
    }
}

/// What the domain's MX records say to the relay: the provider's host (kept for the
/// settings), other hosts, or why they could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MxReading {
    Provider(String),
    Elsewhere(Vec<String>),
    Failed(crate::resolver::LookupError),
}

impl MxReading {
    /// A stable id for the page (`data-mx`): "microsoft" for the relay's provider.
    pub fn id(&self) -> &'static str {
        match self {
            MxReading::Provider(_) => "microsoft",
            MxReading::Elsewhere(_) => "other",
            MxReading::Failed(_) => "failed",
        }
    }

    pub fn provider_host(&self) -> Option<&str> {
        match self {
            MxReading::Provider(host) => Some(host),
            _ => None,
        }
    }
}

/// Reads `domain`'s MX hosts and finds `provider`'s among them.
pub async fn read_mx<R: crate::resolver::Resolver>(resolver: &R, domain: &str, provider: &str) -> MxReading {
    match mx_hosts(resolver, domain).await {
        Ok(hosts) => match hosts.iter().find(|h| is_provider_mx(provider, h)) {
            Some(host) => MxReading::Provider(host.trim_end_matches('.').to_owned()),
            None => MxReading::Elsewhere(hosts),
        },
        Err(error) => MxReading::Failed(error),
    }
}

/// Why the network's public address could not be found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WhoamiError {
    Lookup(crate::resolver::LookupError),
    /// An answer that is not a public IPv4 address (an IPv6-only network, for instance).
    Refused(String, IpRefusal),
}

/// The public IPv4 address the resolver sees this network ask from (`endpoint::WHOAMI`),
/// with whether it is a documentation address (see `site_ip`).
pub async fn public_ipv4<R: crate::resolver::Resolver>(resolver: &R) -> Result<(Ipv4Addr, bool), WhoamiError> {
    let records = resolver
        .lookup(crate::dns::endpoint::WHOAMI, crate::resolver::RecordType::ChaosTxt)
        .await
        .map_err(WhoamiError::Lookup)?;
    let text = crate::resolver::txt_texts(&records).next().unwrap_or_default();
    site_ip(&text).map_err(|refusal| WhoamiError::Refused(text, refusal))
}

/// What the relay's steps were given: the MX host read (or typed) and each site's address as
/// typed. Kept in memory while moving between the steps.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RelayInputs {
    pub mx_host: Option<String>,
    pub sites: Vec<String>,
}

/// What the connector, SPF and verification steps still need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelayMissing {
    Domain,
    Ips,
}

impl RelayInputs {
    /// Adds a site's address: into the first empty field, else a new one; never twice.
    pub fn add_site(&mut self, ip: Ipv4Addr) {
        let text = ip.to_string();
        if self.sites.iter().any(|s| s.trim() == text) {
            return;
        }
        match self.sites.iter_mut().find(|s| s.trim().is_empty()) {
            Some(empty) => *empty = text,
            None => self.sites.push(text),
        }
    }

    /// The sites' addresses that are acceptable for a connector.
    pub fn ips(&self) -> Vec<Ipv4Addr> {
        self.sites
            .iter()
            .filter_map(|s| site_ip(s).ok().map(|(ip, _)| ip))
            .collect()
    }

    /// The domain and the sites' addresses the later steps need, or what is missing.
    pub fn complete(&self, domain: Option<&str>) -> Result<(String, Vec<Ipv4Addr>), RelayMissing> {
        let domain = domain.ok_or(RelayMissing::Domain)?;
        match self.ips() {
            ips if ips.is_empty() => Err(RelayMissing::Ips),
            ips => Ok((domain.to_owned(), ips)),
        }
    }
}

impl Method {
    /// The branch of Microsoft 365's path that walks through this method.
    pub fn branch(self) -> &'static str {
        match self {
            Method::Relay => "relay",
            Method::SmtpAuth => "smtp-auth",
            Method::DirectSend => "direct-send",
            Method::WayOut => "ways-out",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_method_has_its_branch_in_the_microsoft_365_path() {
        let method = crate::wizard::Route {
            provider: Some("microsoft365".into()),
            domain: Some("acme.fr".into()),
            step: "m365-method".into(),
        };
        for m in Method::ALL {
            assert!(method.with_branch(m.branch()).is_some(), "{m:?}");
        }
    }

    #[test]
    fn the_relay_steps_say_what_they_miss() {
        let typed = |sites: &[&str]| RelayInputs {
            mx_host: None,
            sites: sites.iter().map(|s| s.to_string()).collect(),
        };
        let ip = Ipv4Addr::new(203, 0, 114, 10);
        let cases: &[(&[&str], Option<&str>, Result<(String, Vec<Ipv4Addr>), RelayMissing>)] = &[
            (&["203.0.114.10"], None, Err(RelayMissing::Domain)),
            (&[], Some("acme.fr"), Err(RelayMissing::Ips)),
            (&["10.0.0.1", " "], Some("acme.fr"), Err(RelayMissing::Ips)),
            (
                &["10.0.0.1", "203.0.114.10"],
                Some("acme.fr"),
                Ok(("acme.fr".into(), vec![ip])),
            ),
        ];
        for (sites, domain, expected) in cases {
            assert_eq!(typed(sites).complete(*domain), *expected, "{sites:?} {domain:?}");
        }
    }

    fn answers(external: bool, several: bool, fixed: bool, auth: bool, hosted: bool) -> Answers {
        Answers {
            external_recipients: external,
            several_senders: several,
            fixed_ip: fixed,
            smtp_auth_possible: auth,
            hosted_by_third_party: hosted,
        }
    }

    #[test]
    fn no_verdict_before_every_question_is_answered() {
        let mut replies = Replies::default();
        assert_eq!((replies.left(), replies.complete()), (5, None));
        for (i, question) in Question::ALL.into_iter().enumerate() {
            assert_eq!(replies.complete(), None, "{i} answered");
            replies.set(question, question == Question::FixedIp);
        }
        assert_eq!(replies.left(), 0);
        assert_eq!(replies.get(Question::FixedIp), Some(true));
        assert_eq!(replies.complete(), Some(answers(false, false, true, false, false)));
        replies.set(Question::FixedIp, false);
        assert_eq!(replies.get(Question::FixedIp), Some(false));
    }

    #[test]
    fn recommendations() {
        use Method::*;
        use Reason::*;
        let before = Phase::Before { days_left: 39 };
        let cases: &[(Answers, Phase, Method, &[Reason])] = &[
            (answers(true, true, true, true, false), before, Relay, &[RelayDurable]),
            (
                answers(true, false, true, false, false),
                Phase::After,
                Relay,
                &[RelayDurable],
            ),
            (
                answers(false, false, true, false, false),
                before,
                Relay,
                &[RelayDurable],
            ),
            (
                answers(true, false, false, true, false),
                before,
                SmtpAuth,
                &[AuthNoFixedIp, AuthRetiring],
            ),
            (
                answers(true, false, false, true, false),
                Phase::After,
                SmtpAuth,
                &[AuthNoFixedIp, AuthReenabledUntilRemoval],
            ),
            (
                answers(true, true, false, true, false),
                before,
                SmtpAuth,
                &[AuthNoFixedIp, AuthRetiring, AuthOneSender],
            ),
            (
                answers(true, false, true, true, true),
                before,
                SmtpAuth,
                &[AuthNoFixedIp, AuthRetiring, HostedSharedIp],
            ),
            (
                answers(false, false, false, false, false),
                before,
                DirectSend,
                &[DirectInternalOnly, DirectMayBeRejected],
            ),
            (
                answers(false, false, true, false, true),
                Phase::After,
                DirectSend,
                &[DirectInternalOnly, DirectMayBeRejected, HostedSharedIp],
            ),
            (
                answers(true, false, false, false, false),
                before,
                WayOut,
                &[WayOutNeeded],
            ),
            (
                answers(true, false, false, false, false),
                Phase::After,
                WayOut,
                &[WayOutNeeded],
            ),
            (
                answers(true, true, true, false, true),
                Phase::After,
                WayOut,
                &[WayOutNeeded, HostedSharedIp],
            ),
        ];
        for (a, phase, method, reasons) in cases {
            let r = recommend(*a, *phase);
            assert_eq!((r.method, r.reasons.as_slice()), (*method, *reasons), "{a:?} {phase:?}");
        }
    }

    #[test]
    fn site_ips() {
        let cases = [
            ("203.0.114.10", Ok(("203.0.114.10", false))),
            (" 80.12.34.56 ", Ok(("80.12.34.56", false))),
            ("203.0.113.10", Ok(("203.0.113.10", true))),
            ("10.0.0.5", Err(IpRefusal::Special(IpClass::Private))),
            ("192.168.1.20", Err(IpRefusal::Special(IpClass::Private))),
            ("172.20.0.1", Err(IpRefusal::Special(IpClass::Private))),
            ("127.0.0.1", Err(IpRefusal::Special(IpClass::Loopback))),
            ("100.64.12.1", Err(IpRefusal::Special(IpClass::Cgnat))),
            ("169.254.0.9", Err(IpRefusal::Special(IpClass::LinkLocal))),
            ("239.1.1.1", Err(IpRefusal::Special(IpClass::Multicast))),
            ("250.1.1.1", Err(IpRefusal::Special(IpClass::Reserved))),
            ("2a01:cb00::1", Err(IpRefusal::NotIpv4)),
            ("203.0.114", Err(IpRefusal::NotIpv4)),
            ("not an ip", Err(IpRefusal::NotIpv4)),
        ];
        for (input, expected) in cases {
            let expected = expected.map(|(ip, warn)| (ip.parse().unwrap(), warn));
            assert_eq!(site_ip(input), expected, "{input}");
        }
    }

    #[test]
    fn mx_hosts_typed_by_hand() {
        let typed = |text| typed_mx("microsoft365", text);
        assert_eq!(
            typed(" Contoso-com.mail.protection.outlook.com. "),
            Ok(Some("contoso-com.mail.protection.outlook.com".into()))
        );
        assert_eq!(typed("  "), Ok(None));
        assert_eq!(typed("aspmx.l.google.com"), Err(NotProviderMx));
    }

    #[test]
    fn microsoft_mx_hosts() {
        let cases = [
            ("contoso-com.mail.protection.outlook.com", true),
            ("contoso-com.l-v1.mx.microsoft.", true),
            ("aspmx.l.google.com", false),
            ("mail.protection.outlook.com.evil.example", false),
        ];
        for (host, expected) in cases {
            assert_eq!(is_provider_mx("microsoft365", host), expected, "{host}");
        }
    }
}

/// What the relay adds to the domain's SPF record: the provider's include (Microsoft 365's,
/// from its preset) and each site's address.
pub fn relay_additions(include: Option<&str>, ips: &[Ipv4Addr]) -> Vec<crate::spf::Addition> {
    include
        .map(|i| crate::spf::Addition::Include(i.to_owned()))
        .into_iter()
        .chain(ips.iter().map(|ip| crate::spf::Addition::ip(IpAddr::V4(*ip))))
        .collect()
}

/// One line of the before/after view of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffTerm {
    Kept(String),
    Added(String),
}

/// The terms of `after`, each marked kept or added compared with `before`.
pub fn diff(before: Option<&str>, after: &str) -> Vec<DiffTerm> {
    let old: Vec<&str> = before.map(|b| b.split_whitespace().collect()).unwrap_or_default();
    after
        .split_whitespace()
        .map(|term| {
            if old.iter().any(|o| o.eq_ignore_ascii_case(term)) {
                DiffTerm::Kept(term.to_owned())
            } else {
                DiffTerm::Added(term.to_owned())
            }
        })
        .collect()
}

/// What the final check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    /// The MX hosts read, or why they could not be.
    pub mx: MxReading,
    /// Each site's address and its SPF result for the domain.
    pub ips: Vec<(Ipv4Addr, crate::spf::SpfResult)>,
}

impl Verification {
    pub fn mx_is_provider(&self) -> bool {
        self.mx.provider_host().is_some()
    }

    /// Everything in place: the provider's MX and every address passing.
    pub fn complete(&self) -> bool {
        self.mx_is_provider() && !self.ips.is_empty() && self.ips.iter().all(|(_, r)| *r == crate::spf::SpfResult::Pass)
    }
}

/// The domain's MX hosts, by preference.
pub async fn mx_hosts<R: crate::resolver::Resolver>(
    resolver: &R,
    domain: &str,
) -> Result<Vec<String>, crate::resolver::LookupError> {
    let records = resolver.lookup(domain, crate::resolver::RecordType::Mx).await?;
    Ok(crate::resolver::mx_exchanges(&records))
}

pub async fn verify<R: crate::resolver::Resolver>(
    resolver: &R,
    domain: &str,
    provider: &str,
    ips: &[Ipv4Addr],
) -> Verification {
    let mx = read_mx(resolver, domain, provider).await;
    let sender = format!("postmaster@{domain}");
    let checks = ips
        .iter()
        .map(|ip| crate::spf::check_host(resolver, IpAddr::V4(*ip), domain, &sender, domain));
    let results = futures_util::future::join_all(checks).await;
    Verification {
        mx,
        ips: ips.iter().copied().zip(results.into_iter().map(|r| r.result)).collect(),
    }
}

#[cfg(test)]
mod relay_tests {
    use super::*;
    use crate::{
        resolver::{LookupError, Rdata, RecordType, Resolver},
        spf::SpfResult,
    };

    #[test]
    fn relay_records() {
        let ip = |s: &str| s.parse::<Ipv4Addr>().unwrap();
        let cases: &[(Option<&str>, Vec<Ipv4Addr>, &str)] = &[
            (
                None,
                vec![ip("203.0.114.10")],
                "v=spf1 include:spf.protection.outlook.com ip4:203.0.114.10 ~all",
            ),
            (
                Some("v=spf1 mx include:spf.protection.outlook.com -all"),
                vec![ip("203.0.114.10"), ip("198.51.101.20")],
                "v=spf1 mx include:spf.protection.outlook.com ip4:203.0.114.10 ip4:198.51.101.20 -all",
            ),
            (
                Some("v=spf1 mx -all"),
                vec![ip("203.0.114.10")],
                "v=spf1 mx include:spf.protection.outlook.com ip4:203.0.114.10 -all",
            ),
            (
                Some("v=spf1 include:spf.protection.outlook.com ip4:203.0.114.10 -all"),
                vec![ip("203.0.114.10")],
                "v=spf1 include:spf.protection.outlook.com ip4:203.0.114.10 -all",
            ),
        ];
        let include = crate::presets::provider("microsoft365").and_then(|p| p.spf.as_ref());
        let relay_spf = |current: Option<&str>, ips: &[Ipv4Addr]| {
            crate::spf::merge(current, &relay_additions(include.map(|s| s.include.as_str()), ips)).unwrap()
        };
        for (current, ips, expected) in cases {
            assert_eq!(relay_spf(*current, ips).record, *expected, "{current:?}");
        }
        let already = relay_spf(
            Some("v=spf1 include:spf.protection.outlook.com ip4:203.0.114.10 -all"),
            &[ip("203.0.114.10")],
        );
        assert!(already.added.is_empty());
    }

    #[test]
    fn diffs() {
        assert_eq!(
            diff(Some("v=spf1 mx -all"), "v=spf1 mx ip4:203.0.114.10 -all"),
            [
                DiffTerm::Kept("v=spf1".into()),
                DiffTerm::Kept("mx".into()),
                DiffTerm::Added("ip4:203.0.114.10".into()),
                DiffTerm::Kept("-all".into())
            ]
        );
        assert!(
            diff(None, "v=spf1 -all")
                .iter()
                .all(|t| matches!(t, DiffTerm::Added(_)))
        );
    }

    struct Zone(&'static str, &'static str);

    /// Answers `whoami.cloudflare` in class CH with its text; nothing else exists.
    struct Whoami(&'static str);

    impl Resolver for Whoami {
        async fn lookup(&self, name: &str, kind: RecordType) -> Result<Vec<Rdata>, LookupError> {
            match (name, kind) {
                (crate::dns::endpoint::WHOAMI, RecordType::ChaosTxt) => {
                    Ok(vec![Rdata::Txt(vec![self.0.as_bytes().to_vec()])])
                }
                _ => Err(LookupError::NxDomain),
            }
        }
    }

    #[test]
    fn the_networks_public_address() {
        let ask = |answer| pollster::block_on(public_ipv4(&Whoami(answer)));
        assert_eq!(ask("203.0.114.9"), Ok(("203.0.114.9".parse().unwrap(), false)));
        assert_eq!(
            ask("2001:db8::1"),
            Err(WhoamiError::Refused("2001:db8::1".into(), IpRefusal::NotIpv4))
        );
        assert!(matches!(
            ask("100.64.0.1"),
            Err(WhoamiError::Refused(_, IpRefusal::Special(_)))
        ));
    }

    #[test]
    fn a_site_added_fills_the_first_empty_field_once() {
        let ip: Ipv4Addr = "203.0.114.9".parse().unwrap();
        let mut inputs = RelayInputs {
            sites: vec!["198.51.101.1".into(), " ".into()],
            ..Default::default()
        };
        inputs.add_site(ip);
        inputs.add_site(ip);
        assert_eq!(inputs.sites, ["198.51.101.1", "203.0.114.9"]);
        inputs.add_site("198.51.101.2".parse().unwrap());
        assert_eq!(inputs.sites.len(), 3);
    }

    #[test]
    fn mx_readings() {
        let read = |zone: &Zone, domain: &str| pollster::block_on(read_mx(zone, domain, "microsoft365"));
        let google = Zone("aspmx.l.google.com.", "");
        let microsoft = Zone("contoso-example.mail.protection.outlook.com.", "");
        assert_eq!(
            read(&microsoft, "contoso.example"),
            MxReading::Provider("contoso-example.mail.protection.outlook.com".into())
        );
        assert_eq!(
            read(&google, "contoso.example"),
            MxReading::Elsewhere(vec!["aspmx.l.google.com".into()])
        );
        assert_eq!(
            read(&google, "absent.example"),
            MxReading::Failed(LookupError::NxDomain)
        );
    }

    impl Resolver for Zone {
        async fn lookup(&self, name: &str, kind: RecordType) -> Result<Vec<Rdata>, LookupError> {
            match (name, kind) {
                ("contoso.example", RecordType::Mx) => Ok(vec![Rdata::Mx(0, self.0.into())]),
                ("contoso.example", RecordType::Txt) => Ok(vec![Rdata::Txt(vec![self.1.as_bytes().to_vec()])]),
                ("spf.protection.outlook.com", RecordType::Txt) => {
                    Ok(vec![Rdata::Txt(vec![b"v=spf1 ip4:40.92.0.0/15 -all".to_vec()])])
                }
                _ => Err(LookupError::NxDomain),
            }
        }
    }

    #[test]
    fn verification() {
        let ip: Ipv4Addr = "203.0.114.10".parse().unwrap();
        let cases = [
            (
                Zone(
                    "contoso-example.mail.protection.outlook.com.",
                    "v=spf1 include:spf.protection.outlook.com ip4:203.0.114.10 -all",
                ),
                true,
                SpfResult::Pass,
            ),
            (
                Zone(
                    "contoso-example.mail.protection.outlook.com",
                    "v=spf1 include:spf.protection.outlook.com -all",
                ),
                false,
                SpfResult::Fail,
            ),
            (
                Zone("aspmx.l.google.com", "v=spf1 ip4:203.0.114.10 -all"),
                false,
                SpfResult::Pass,
            ),
        ];
        for (zone, complete, result) in cases {
            let v = pollster::block_on(verify(&zone, "contoso.example", "microsoft365", &[ip]));
            let host = zone.0.trim_end_matches('.');
            let microsoft = host.ends_with(".outlook.com").then_some(host);
            assert_eq!(v.mx.provider_host(), microsoft, "{}", zone.0);
            assert_eq!((v.complete(), v.ips[0].1), (complete, result), "{}", zone.1);
        }
    }
}
