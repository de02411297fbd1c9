//! `check_host()` (RFC 7208 §4): the result of an SPF policy for a client address.

use std::{cell::Cell, future::Future, net::IpAddr, pin::Pin};

use crate::resolver::{LookupError, Rdata, RecordType, Resolver};

use super::{
    macros::{self, Token, Values},
    record::{self, DomainSpec, Mechanism, Qualifier, Record},
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpfResult {
    None,
    Neutral,
    Pass,
    Fail,
    SoftFail,
    TempError,
    PermError,
}

impl SpfResult {
    pub fn name(self) -> &'static str {
        match self {
            SpfResult::None => "none",
            SpfResult::Neutral => "neutral",
            SpfResult::Pass => "pass",
            SpfResult::Fail => "fail",
            SpfResult::SoftFail => "softfail",
            SpfResult::TempError => "temperror",
            SpfResult::PermError => "permerror",
        }
    }

    fn of(qualifier: Qualifier) -> SpfResult {
        match qualifier {
            Qualifier::Pass => SpfResult::Pass,
            Qualifier::Fail => SpfResult::Fail,
            Qualifier::SoftFail => SpfResult::SoftFail,
            Qualifier::Neutral => SpfResult::Neutral,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckResult {
    pub result: SpfResult,
    /// For `fail`: the text of the domain's `exp=` record, when it has a usable one.
    pub explanation: Option<String>,
    /// DNS-querying terms evaluated (at most 10 before `permerror`).
    pub lookups: usize,
    pub void_lookups: usize,
}

const MAX_VOID_LOOKUPS: usize = 2;
const MAX_MX_NAMES: usize = 10;
const MAX_PTR_NAMES: usize = 10;
const MAX_DOMAIN_LEN: usize = 253;

/// The outcome of evaluating one domain's policy: a result, or an error that ends evaluation.
type Outcome = (SpfResult, Option<String>);

/// Evaluates the SPF policy of `domain` for a message from `ip` with MAIL FROM `sender`
/// (`postmaster@<helo>` when the MAIL FROM is empty) and HELO name `helo`.
pub async fn check_host<R: Resolver>(resolver: &R, ip: IpAddr, domain: &str, sender: &str, helo: &str) -> CheckResult {
    let ip = match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    };
    let (local, sender_domain) = match sender.rsplit_once('@') {
        Some(("", domain)) => ("postmaster", domain),
        Some((local, domain)) => (local, domain),
        None => ("postmaster", sender),
    };
    let eval = Evaluation {
        resolver,
        ip,
        sender_local: local,
        sender_domain,
        helo,
        lookups: Cell::new(0),
        voids: Cell::new(0),
    };
    let (result, explanation) = eval.check(domain.to_owned()).await;
    CheckResult {
        result,
        explanation,
        lookups: eval.lookups.get(),
        void_lookups: eval.voids.get(),
    }
}

struct Evaluation<'a, R> {
    resolver: &'a R,
    ip: IpAddr,
    sender_local: &'a str,
    sender_domain: &'a str,
    helo: &'a str,
    lookups: Cell<usize>,
    voids: Cell<usize>,
}

/// Why a mechanism's evaluation stopped everything.
enum Stop {
    Temp,
    Perm,
}

impl From<Stop> for SpfResult {
    fn from(stop: Stop) -> SpfResult {
        match stop {
            Stop::Temp => SpfResult::TempError,
            Stop::Perm => SpfResult::PermError,
        }
    }
}

/// A domain name SPF may look up: ASCII labels of 1 to 63 octets, at least two of them.
fn is_valid_domain(domain: &str) -> bool {
    let domain = domain.strip_suffix('.').unwrap_or(domain);
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| (1..=63).contains(&l.len()))
        && domain.is_ascii()
        && !domain.starts_with('[')
}

/// The SPF records among a name's TXT records, joined from their strings.
pub fn spf_records(answers: &[Rdata]) -> Vec<Vec<u8>> {
    answers
        .iter()
        .filter_map(|r| match r {
            Rdata::Txt(strings) => Some(strings.concat()),
            _ => None,
        })
        .filter(|text| record::is_spf(text))
        .collect()
}

/// A domain's published SPF record (the first, when it has several), `None` when it publishes
/// none or does not exist.
pub async fn published<R: Resolver>(resolver: &R, domain: &str) -> Result<Option<String>, LookupError> {
    match resolver.lookup(domain, RecordType::Txt).await {
        Ok(records) => Ok(spf_records(&records)
            .first()
            .map(|r| String::from_utf8_lossy(r).into_owned())),
        Err(LookupError::NxDomain) => Ok(None),
        Err(error) => Err(error),
    }
}

pub(crate) fn in_network(ip: IpAddr, network: IpAddr, prefix: u8) -> bool {
    match (ip, network) {
        (IpAddr::V4(ip), IpAddr::V4(net)) => {
            let mask = u32::MAX.checked_shl(32 - u32::from(prefix)).unwrap_or(0);
            u32::from(ip) & mask == u32::from(net) & mask
        }
        (IpAddr::V6(ip), IpAddr::V6(net)) => {
            let mask = u128::MAX.checked_shl(128 - u32::from(prefix)).unwrap_or(0);
            u128::from(ip) & mask == u128::from(net) & mask
        }
        _ => false,
    }
}

fn reverse_name(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            format!("{}.{}.{}.{}.in-addr.arpa", o[3], o[2], o[1], o[0])
        }
        IpAddr::V6(_) => {
            let dotted = macros::dotted_ip(ip);
            let mut parts: Vec<&str> = dotted.split('.').collect();
            parts.reverse();
            format!("{}.ip6.arpa", parts.join("."))
        }
    }
}

fn addresses(answers: &[Rdata]) -> impl Iterator<Item = IpAddr> + '_ {
    answers.iter().filter_map(|r| match r {
        Rdata::A(a) => Some(IpAddr::V4(*a)),
        Rdata::Aaaa(a) => Some(IpAddr::V6(*a)),
        _ => None,
    })
}

impl<R: Resolver> Evaluation<'_, R> {
    fn address_type(&self) -> RecordType {
        if self.ip.is_ipv4() {
            RecordType::A
        } else {
            RecordType::Aaaa
        }
    }

    fn values<'v>(&'v self, domain: &'v str, validated: Option<&'v str>) -> Values<'v> {
        Values {
            sender_local: self.sender_local,
            sender_domain: self.sender_domain,
            domain,
            ip: self.ip,
            helo: self.helo,
            validated_name: validated,
            receiver: "unknown",
            timestamp: 0,
        }
    }

    /// Expands macros; a name longer than 253 octets loses labels on the left.
    async fn expand(&self, tokens: &[Token], domain: &str, explanation: bool) -> String {
        let validated = if macros::uses_letter(tokens, 'p') {
            self.validated_name(domain).await
        } else {
            None
        };
        let mut name = macros::expand(tokens, &self.values(domain, validated.as_deref()));
        if !explanation {
            while name.len() > MAX_DOMAIN_LEN {
                match name.split_once('.') {
                    Some((_, rest)) => name = rest.to_owned(),
                    None => break,
                }
            }
        }
        name
    }

    async fn target(&self, spec: Option<&DomainSpec>, domain: &str) -> String {
        match spec {
            Some(spec) => self.expand(&spec.tokens, domain, false).await,
            None => domain.to_owned(),
        }
    }

    fn count_lookup(&self) -> Result<(), Stop> {
        self.lookups.set(self.lookups.get() + 1);
        if self.lookups.get() > super::MAX_LOOKUPS {
            Err(Stop::Perm)
        } else {
            Ok(())
        }
    }

    fn count_void(&self) -> Result<(), Stop> {
        self.voids.set(self.voids.get() + 1);
        if self.voids.get() > MAX_VOID_LOOKUPS {
            Err(Stop::Perm)
        } else {
            Ok(())
        }
    }

    /// A look-up whose empty answer or missing name counts as void.
    async fn lookup_counted(&self, name: &str, kind: RecordType) -> Result<Vec<Rdata>, Stop> {
        match self.resolver.lookup(name, kind).await {
            Ok(answers) if !answers.is_empty() => Ok(answers),
            Ok(_) | Err(LookupError::NxDomain) => {
                self.count_void()?;
                Ok(Vec::new())
            }
            Err(LookupError::Temporary(_)) => Err(Stop::Temp),
        }
    }

    fn check(&self, domain: String) -> Pin<Box<dyn Future<Output = Outcome> + '_>> {
        Box::pin(async move {
            if !is_valid_domain(&domain) {
                return (SpfResult::None, None);
            }
            let answers = match self.resolver.lookup(&domain, RecordType::Txt).await {
                Ok(answers) => answers,
                Err(LookupError::NxDomain) => return (SpfResult::None, None),
                Err(LookupError::Temporary(_)) => return (SpfResult::TempError, None),
            };
            let records = spf_records(&answers);
            let text = match records.as_slice() {
                [] => return (SpfResult::None, None),
                [one] => one,
                _ => return (SpfResult::PermError, None),
            };
            let Some(record) = std::str::from_utf8(text).ok().and_then(|t| record::parse(t).ok()) else {
                return (SpfResult::PermError, None);
            };
            match self.evaluate(&record, &domain).await {
                Ok(outcome) => outcome,
                Err(stop) => (stop.into(), None),
            }
        })
    }

    async fn evaluate(&self, record: &Record, domain: &str) -> Result<Outcome, Stop> {
        for (qualifier, mechanism) in record.directives() {
            if mechanism.queries_dns() {
                self.count_lookup()?;
            }
            if self.matches(mechanism, domain).await? {
                let result = SpfResult::of(qualifier);
                let explanation = if result == SpfResult::Fail {
                    self.explanation(record, domain).await
                } else {
                    None
                };
                return Ok((result, explanation));
            }
        }
        match record.redirect() {
            Some(spec) if !record.has_all() => {
                self.count_lookup()?;
                let target = self.expand(&spec.tokens, domain, false).await;
                match self.check(target).await {
                    (SpfResult::None, _) => Err(Stop::Perm),
                    outcome => Ok(outcome),
                }
            }
            _ => Ok((SpfResult::Neutral, None)),
        }
    }

    async fn matches(&self, mechanism: &Mechanism, domain: &str) -> Result<bool, Stop> {
        match mechanism {
            Mechanism::All => Ok(true),
            Mechanism::Ip4 { addr, prefix } => Ok(in_network(self.ip, IpAddr::V4(*addr), prefix.unwrap_or(32))),
            Mechanism::Ip6 { addr, prefix } => Ok(in_network(self.ip, IpAddr::V6(*addr), prefix.unwrap_or(128))),
            Mechanism::Include(spec) => {
                let target = self.expand(&spec.tokens, domain, false).await;
                match self.check(target).await.0 {
                    SpfResult::Pass => Ok(true),
                    SpfResult::Fail | SpfResult::SoftFail | SpfResult::Neutral => Ok(false),
                    SpfResult::TempError => Err(Stop::Temp),
                    SpfResult::PermError | SpfResult::None => Err(Stop::Perm),
                }
            }
            Mechanism::A { domain: spec, v4, v6 } => {
                let target = self.target(spec.as_ref(), domain).await;
                if !is_valid_domain(&target) {
                    return Ok(false);
                }
                let answers = self.lookup_counted(&target, self.address_type()).await?;
                Ok(self.any_in(&answers, *v4, *v6))
            }
            Mechanism::Mx { domain: spec, v4, v6 } => {
                let target = self.target(spec.as_ref(), domain).await;
                if !is_valid_domain(&target) {
                    return Ok(false);
                }
                let answers = self.lookup_counted(&target, RecordType::Mx).await?;
                if answers.len() > MAX_MX_NAMES {
                    return Err(Stop::Perm);
                }
                for answer in &answers {
                    let Rdata::Mx(_, exchange) = answer else {
                        continue;
                    };
                    let exchange = exchange.trim_end_matches('.');
                    if exchange.is_empty() {
                        continue;
                    }
                    match self.resolver.lookup(exchange, self.address_type()).await {
                        Ok(addresses) if self.any_in(&addresses, *v4, *v6) => return Ok(true),
                        Ok(_) | Err(LookupError::NxDomain) => {}
                        Err(LookupError::Temporary(_)) => return Err(Stop::Temp),
                    }
                }
                Ok(false)
            }
            Mechanism::Ptr(spec) => {
                let target = self.target(spec.as_ref(), domain).await.to_ascii_lowercase();
                let names = self.validated_names().await?;
                let target = target.trim_end_matches('.');
                Ok(names.iter().any(|n| n == target || n.ends_with(&format!(".{target}"))))
            }
            Mechanism::Exists(spec) => {
                let target = self.expand(&spec.tokens, domain, false).await;
                if !is_valid_domain(&target) {
                    return Ok(false);
                }
                let answers = self.lookup_counted(&target, RecordType::A).await?;
                Ok(answers.iter().any(|r| matches!(r, Rdata::A(_))))
            }
        }
    }

    fn any_in(&self, answers: &[Rdata], v4: Option<u8>, v6: Option<u8>) -> bool {
        addresses(answers).any(|addr| {
            let prefix = if addr.is_ipv4() {
                v4.unwrap_or(32)
            } else {
                v6.unwrap_or(128)
            };
            in_network(self.ip, addr, prefix)
        })
    }

    /// The names of the client's PTR records whose addresses include the client (§5.5).
    async fn validated_names(&self) -> Result<Vec<String>, Stop> {
        let answers = match self.resolver.lookup(&reverse_name(self.ip), RecordType::Ptr).await {
            Ok(answers) if !answers.is_empty() => answers,
            Ok(_) | Err(LookupError::NxDomain) => {
                self.count_void()?;
                return Ok(Vec::new());
            }
            Err(LookupError::Temporary(_)) => return Ok(Vec::new()),
        };
        let mut validated = Vec::new();
        for answer in answers.iter().take(MAX_PTR_NAMES) {
            let Rdata::Ptr(name) = answer else { continue };
            let name = name.trim_end_matches('.').to_ascii_lowercase();
            if let Ok(answers) = self.resolver.lookup(&name, self.address_type()).await
                && addresses(&answers).any(|a| a == self.ip)
            {
                validated.push(name);
            }
        }
        Ok(validated)
    }

    /// `%{p}`: a validated name of the client, preferring `domain` or one of its subdomains.
    async fn validated_name(&self, domain: &str) -> Option<String> {
        let names = self.validated_names().await.unwrap_or_default();
        let domain = domain.trim_end_matches('.').to_ascii_lowercase();
        let within = |n: &String| *n == domain || n.ends_with(&format!(".{domain}"));
        names
            .iter()
            .find(|n| **n == domain)
            .or_else(|| names.iter().find(|n| within(n)))
            .or(names.first())
            .cloned()
    }

    /// The `exp=` text (§6.2); any problem leaves the default explanation.
    async fn explanation(&self, record: &Record, domain: &str) -> Option<String> {
        let spec = record.exp()?;
        let target = self.expand(&spec.tokens, domain, false).await;
        if !is_valid_domain(&target) {
            return None;
        }
        let answers = self.resolver.lookup(&target, RecordType::Txt).await.ok()?;
        let [Rdata::Txt(strings)] = answers.as_slice() else {
            return None;
        };
        let text = String::from_utf8(strings.concat()).ok().filter(|t| t.is_ascii())?;
        let tokens = macros::parse(&text, true).ok()?;
        Some(self.expand(&tokens, domain, true).await)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::{Ipv4Addr, Ipv6Addr};

    /// TXT answers by name; any other name does not exist, `down.example` cannot be read.
    struct Txt(&'static [(&'static str, &'static str)]);

    impl Resolver for Txt {
        async fn lookup(&self, name: &str, _: RecordType) -> Result<Vec<Rdata>, LookupError> {
            if name == "down.example" {
                return Err(LookupError::Temporary(crate::resolver::Failure::Timeout));
            }
            let found: Vec<Rdata> = self
                .0
                .iter()
                .filter(|(n, _)| *n == name)
                .map(|(_, text)| Rdata::Txt(vec![text.as_bytes().to_vec()]))
                .collect();
            if found.is_empty() {
                Err(LookupError::NxDomain)
            } else {
                Ok(found)
            }
        }
    }

    #[test]
    fn the_published_record_among_txt_records() {
        let zone = Txt(&[
            ("a.example", "MS=ms1"),
            ("a.example", "v=spf1 mx -all"),
            ("b.example", "hello"),
        ]);
        let cases = [
            ("a.example", Ok(Some("v=spf1 mx -all".to_owned()))),
            ("b.example", Ok(None)),
            ("gone.example", Ok(None)),
            (
                "down.example",
                Err(LookupError::Temporary(crate::resolver::Failure::Timeout)),
            ),
        ];
        for (domain, expected) in cases {
            assert_eq!(pollster::block_on(published(&zone, domain)), expected, "{domain}");
        }
    }

    #[test]
    fn networks() {
        let v4 = |s: &str| IpAddr::V4(s.parse::<Ipv4Addr>().unwrap());
        let v6 = |s: &str| IpAddr::V6(s.parse::<Ipv6Addr>().unwrap());
        let cases = [
            (v4("192.0.2.10"), v4("192.0.2.0"), 24, true),
            (v4("192.0.3.10"), v4("192.0.2.0"), 24, false),
            (v4("203.0.113.7"), v4("0.0.0.0"), 0, true),
            (v4("203.0.113.7"), v4("203.0.113.7"), 32, true),
            (v6("2001:db8::1"), v6("2001:db8::"), 32, true),
            (v6("2001:db9::1"), v6("2001:db8::"), 32, false),
            (v6("2001:db8::1"), v4("192.0.2.0"), 0, false),
        ];
        for (ip, net, prefix, expected) in cases {
            assert_eq!(in_network(ip, net, prefix), expected, "{ip} in {net}/{prefix}");
        }
        assert_eq!(reverse_name(v4("192.0.2.3")), "3.2.0.192.in-addr.arpa");
        assert!(reverse_name(v6("2001:db8::1")).starts_with("1.0.0.0."));
    }
}
