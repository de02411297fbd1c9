//! A received message's header block, pasted by the user, read back: the hops and their
//! delays, the sending IP, the receiver's SPF, DKIM and DMARC verdicts with their domains
//! and alignment, and what to fix. Offline: nothing is looked up and nothing leaves the page.

pub mod auth_results;
mod date;
pub mod domains;

use std::net::IpAddr;

use mail_parser::{Header, HeaderName, HeaderValue, Host, MessageParser};

use crate::{dmarc::same_organisation, ipclass};
use auth_results::{AuthResults, MethodResult};

/// Longer pastes are cut: a header block is a few kilobytes, a whole message with
/// attachments can be megabytes the parser would read for nothing.
const MAX_CHARS: usize = 256 * 1024;

/// Times a server can have written (1995 to 2100): a date the parser misread (a month
/// spelled out in full) falls outside and is dropped rather than shown as a delay of years.
const PLAUSIBLE: std::ops::Range<i64> = 788_918_400..4_102_444_800;

/// A delay between two hops worth pointing out.
const SLOW_HOP_SECONDS: i64 = 5 * 60;

/// One `Received` field: a server handing the message to the next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hop {
    pub from: Option<String>,
    pub ip: Option<IpAddr>,
    pub by: Option<String>,
    /// Unix time written by the receiving server.
    pub time: Option<i64>,
    /// Seconds since the previous hop, when both times are known.
    pub delay: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Pass,
    Fail,
    SoftFail,
    Neutral,
    None,
    /// A temporary or permanent error: the receiver could not evaluate.
    Error,
    /// Any other word (`policy`, `bestguesspass`…).
    Other,
}

impl Outcome {
    fn read(word: &str) -> Outcome {
        match word {
            "pass" => Outcome::Pass,
            "fail" | "hardfail" => Outcome::Fail,
            "softfail" => Outcome::SoftFail,
            "neutral" => Outcome::Neutral,
            "none" => Outcome::None,
            "temperror" | "permerror" => Outcome::Error,
            _ => Outcome::Other,
        }
    }
}

/// A receiver's verdict for one method.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub outcome: Outcome,
    /// The domain the method checked: the envelope sender's for SPF, the signing domain
    /// (`d=`) for DKIM, the From domain for DMARC.
    pub domain: Option<String>,
    /// Whether `domain` is the From domain's organisation (relaxed alignment, RFC 7489 §3.1).
    pub aligned: Option<bool>,
    /// DKIM's selector; DMARC's published policy (`p=`) when the receiver wrote it.
    pub detail: Option<String>,
}

/// What the reading says, most important first. Each names where it is fixed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// No receiver's verdict at all: likely the sender's copy, not the received one.
    NoVerdicts,
    SpfFailed {
        domain: Option<String>,
        ip: Option<IpAddr>,
    },
    /// The envelope sender's domain publishes no SPF record.
    SpfMissing {
        domain: Option<String>,
    },
    SpfError {
        domain: Option<String>,
    },
    DkimFailed {
        domain: Option<String>,
    },
    /// Not signed, or signed by another domain only, and DMARC leans on SPF alone.
    DkimMissing,
    /// Signed by the sending service's or the tenant's domain, not the From domain.
    DkimNotAligned {
        domain: String,
    },
    /// SPF passed for the sending service's bounce domain, not the From domain.
    SpfNotAligned {
        domain: String,
    },
    /// Signatures are present but the verdict above says nothing of them: these headers
    /// were probably read before signing, on the sender's side.
    SignedButUnchecked {
        domains: Vec<String>,
    },
    DmarcFailed {
        policy: Option<String>,
    },
    /// The From domain publishes no DMARC record.
    DmarcMissing,
    /// A hop held the message for minutes.
    SlowHop {
        by: Option<String>,
        seconds: i64,
    },
    /// SPF or DKIM passed aligned and DMARC passed: the message is authenticated.
    Authenticated,
    /// Domains that are not domain names (bidirectional controls, junk), shown escaped: the
    /// headers are forged or damaged, and none of them is checked.
    InvalidDomains {
        domains: Vec<String>,
    },
}

pub use crate::severity::Severity;

/// Where a finding is fixed: the SPF tool, or the DNS checks (DKIM, DMARC), for a domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fix {
    Spf(String),
    Dns(String),
}

impl Finding {
    pub fn severity(&self) -> Severity {
        match self {
            Finding::SpfFailed { .. }
            | Finding::SpfError { .. }
            | Finding::DkimFailed { .. }
            | Finding::DmarcFailed { .. }
            | Finding::InvalidDomains { .. } => Severity::Problem,
            Finding::Authenticated => Severity::Good,
            _ => Severity::Warning,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Reading {
    /// The From address's domain; never its local part.
    pub from_domain: Option<String>,
    /// Oldest first: the sending server's hop, then each one after.
    pub hops: Vec<Hop>,
    /// The address that handed the message to the receiver, as the receiver saw it.
    pub sending_ip: Option<IpAddr>,
    /// Who wrote the verdicts (`mx.google.com`), when it says.
    pub receiver: Option<String>,
    pub spf: Option<Verdict>,
    pub dkim: Vec<Verdict>,
    pub dmarc: Option<Verdict>,
    /// The `d=` of each `DKIM-Signature` field.
    pub signatures: Vec<String>,
    pub findings: Vec<Finding>,
}

impl Reading {
    /// Where each finding is fixed, for the From domain.
    pub fn fix(&self, finding: &Finding) -> Option<Fix> {
        let domain = self.from_domain.clone().filter(|d| domains::is_domain(d))?;
        match finding {
            Finding::SpfFailed { .. }
            | Finding::SpfMissing { .. }
            | Finding::SpfError { .. }
            | Finding::SpfNotAligned { .. } => Some(Fix::Spf(domain)),
            Finding::DkimFailed { .. }
            | Finding::DkimMissing
            | Finding::DkimNotAligned { .. }
            | Finding::DmarcFailed { .. }
            | Finding::DmarcMissing => Some(Fix::Dns(domain)),
            Finding::NoVerdicts
            | Finding::SignedButUnchecked { .. }
            | Finding::SlowHop { .. }
            | Finding::Authenticated
            | Finding::InvalidDomains { .. } => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadError {
    Empty,
    /// No header field this tool knows: not a header block.
    NotHeaders,
}

/// Reads a pasted header block (or a whole message: the body is ignored).
pub fn read(pasted: &str) -> Result<Reading, ReadError> {
    let text = start_of_headers(cut(pasted));
    if text.trim().is_empty() {
        return Err(if pasted.trim().is_empty() {
            ReadError::Empty
        } else {
            ReadError::NotHeaders
        });
    }
    let text = rejoin(text);
    let message = MessageParser::new()
        .parse_headers(text.as_bytes())
        .ok_or(ReadError::NotHeaders)?;
    let raw = message.raw_message();
    let fields: Vec<(&str, String, &Header)> = message
        .headers()
        .iter()
        .map(|h| {
            let value = raw
                .get(h.offset_start as usize..h.offset_end as usize)
                .unwrap_or_default();
            (h.name.as_str(), unfold(&String::from_utf8_lossy(value)), h)
        })
        .collect();
    let known = [
        "received",
        "from",
        "authentication-results",
        "dkim-signature",
        "received-spf",
        "return-path",
    ];
    if !fields
        .iter()
        .any(|(name, _, _)| known.iter().any(|k| name.eq_ignore_ascii_case(k)))
    {
        return Err(ReadError::NotHeaders);
    }
    let named = |name: &'static str| {
        fields
            .iter()
            .filter(move |(n, _, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v, _)| v.as_str())
    };

    let from_domain = message
        .from()
        .and_then(|a| a.first())
        .and_then(|a| a.address())
        .and_then(|a| a.rsplit_once('@'))
        .map(|(_, d)| d.trim_end_matches('>').to_ascii_lowercase())
        .filter(|d| !d.is_empty());
    let hops = hops(
        fields
            .iter()
            .filter(|(_, _, h)| h.name == HeaderName::Received)
            .map(|(_, raw, h)| (raw.as_str(), *h)),
    );

    // The receiver's verdicts: every field of the topmost writer's domain (its ADMD), wherever
    // it stands (iCloud writes one field per check, each with its own authserv-id, between
    // other fields): RFC 8601 §5 has a receiver remove incoming fields that claim its ids, so
    // those left are its own. Fields without an id (Microsoft's) count only as a run at the top.
    let all: Vec<AuthResults> = named("authentication-results").map(auth_results::parse).collect();
    let receiver = all.first().and_then(|a| a.authserv_id.clone());
    let receiver_admd = receiver.as_deref().map(admd);
    let own = |a: &AuthResults| a.authserv_id.as_deref().map(admd) == receiver_admd;
    let verdicts: Vec<&MethodResult> = match receiver {
        Some(_) => all.iter().filter(|a| own(a)).flat_map(|a| &a.results).collect(),
        None => all
            .iter()
            .take_while(|a| a.authserv_id.is_none())
            .flat_map(|a| &a.results)
            .collect(),
    };
    let received_spf = named("received-spf").next().map(auth_results::received_spf);

    let align = |domain: &Option<String>| match (domain, &from_domain) {
        (Some(d), Some(from)) => Some(same_organisation(d, from)),
        _ => None,
    };
    let spf = verdicts
        .iter()
        .find(|r| r.method == "spf")
        .map(|r| {
            let domain = r.property("smtp.mailfrom").or(r.property("smtp.helo")).map(domain_of);
            (Outcome::read(&r.result), domain)
        })
        .or_else(|| {
            received_spf.as_ref().map(|(result, pairs)| {
                let domain = pairs
                    .iter()
                    .find(|(k, _)| k == "envelope-from")
                    .map(|(_, v)| domain_of(v));
                (Outcome::read(result), domain)
            })
        })
        .map(|(outcome, domain)| Verdict {
            outcome,
            aligned: align(&domain),
            domain,
            detail: None,
        });
    let dkim: Vec<Verdict> = verdicts
        .iter()
        .filter(|r| r.method == "dkim")
        .map(|r| {
            let domain = r
                .property("header.d")
                .or(r.property("header.i"))
                .map(domain_of)
                .filter(|d| d != "none");
            Verdict {
                outcome: Outcome::read(&r.result),
                aligned: align(&domain),
                domain,
                detail: r.property("header.s").map(str::to_owned),
            }
        })
        .collect();
    let dmarc = verdicts.iter().find(|r| r.method == "dmarc").map(|r| Verdict {
        outcome: Outcome::read(&r.result),
        domain: r.property("header.from").map(domain_of),
        aligned: None,
        detail: policy(&r.comment),
    });
    let signatures: Vec<String> = named("dkim-signature")
        .filter_map(|v| tag(v, "d"))
        .map(|d| d.to_ascii_lowercase())
        .collect();
    let sending_ip = received_spf
        .as_ref()
        .and_then(|(_, pairs)| {
            pairs
                .iter()
                .find(|(k, _)| k == "client-ip")
                .and_then(|(_, v)| v.parse().ok())
        })
        .or_else(|| {
            // The client's address as the receiver wrote it: `smtp.client-ip`, `smtp.remote-ip`,
            // or `policy.iprev` (RFC 8601 §2.7.3), else in a comment.
            verdicts.iter().find_map(|r| {
                ["smtp.client-ip", "smtp.remote-ip", "policy.iprev"]
                    .iter()
                    .find_map(|p| r.property(p).and_then(|v| v.parse().ok()))
                    .or_else(|| ip_in_comment(&r.comment))
            })
        })
        .or_else(|| boundary_ip(&hops, receiver.as_deref()));

    let mut reading = Reading {
        from_domain,
        hops,
        sending_ip,
        receiver,
        spf,
        dkim,
        dmarc,
        signatures,
        findings: Vec::new(),
    };
    reading.findings = findings(&reading);
    domains::check(&mut reading);
    Ok(reading)
}

fn cut(text: &str) -> &str {
    match text.char_indices().nth(MAX_CHARS) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

/// Skips what comes before the header block: blank lines, or the summary a webmail shows
/// above the source when the whole page is copied (Gmail's "SPF: PASS" lines look like
/// fields). The block is the first paragraph with a field only a received message has.
fn start_of_headers(text: &str) -> &str {
    const TRACE: [&str; 5] = [
        "received:",
        "authentication-results:",
        "dkim-signature:",
        "return-path:",
        "delivered-to:",
    ];
    let mut paragraph_field = None;
    let mut first_field = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            paragraph_field = None;
        } else if starts_field(line) {
            paragraph_field.get_or_insert(offset);
            first_field.get_or_insert(offset);
            let lower = line.get(..24).unwrap_or(line).to_ascii_lowercase();
            if TRACE.iter().any(|t| lower.starts_with(t)) {
                return &text[paragraph_field.unwrap_or(offset)..];
            }
        }
        offset += line.len();
    }
    first_field.map_or("", |start| &text[start..])
}

/// Puts back the folding white space a mail client or a chat window removed when it
/// re-wrapped long lines: in the header block, a line that does not start a field
/// continues the one before.
fn rejoin(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut in_headers = true;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\r', '\n']);
        if bare.is_empty() {
            in_headers = false;
        } else if in_headers && !bare.starts_with([' ', '\t']) && !starts_field(bare) {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// `Name:` at the start of a line, the name printable ASCII without a colon (RFC 5322 §2.2).
fn starts_field(line: &str) -> bool {
    line.split_once(':')
        .is_some_and(|(name, _)| !name.is_empty() && name.bytes().all(|b| b.is_ascii_graphic()))
}

/// RFC 5322 §2.2.3: a line break followed by white space is part of the field.
fn unfold(value: &str) -> String {
    value
        .split(['\r', '\n'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The administrative domain an authserv-id belongs to: its last two labels, or three under
/// a two-letter country code whose second level is short (`mx.example.co.uk`).
fn admd(id: &str) -> &str {
    let labels: Vec<&str> = id.rsplitn(4, '.').collect();
    let keep = match labels.as_slice() {
        [tld, second, ..] if tld.len() == 2 && second.len() <= 3 && labels.len() >= 3 => 3,
        _ => 2,
    };
    let cut: usize = labels
        .iter()
        .take(keep)
        .map(|l| l.len() + 1)
        .sum::<usize>()
        .saturating_sub(1);
    &id[id.len().saturating_sub(cut)..]
}

/// `a@Example.com`, `<a@example.com>` or `example.com` to `example.com`.
fn domain_of(value: &str) -> String {
    let value = value.trim().trim_matches(['<', '>', '"']);
    value.rsplit_once('@').map_or(value, |(_, d)| d).to_ascii_lowercase()
}

/// A `tag=value` of a DKIM-Signature (RFC 6376 §3.2).
fn tag(value: &str, name: &str) -> Option<String> {
    value.split(';').find_map(|t| {
        let (k, v) = t.split_once('=')?;
        (k.trim().eq_ignore_ascii_case(name)).then(|| v.split_whitespace().collect())
    })
}

/// `p=QUARANTINE` in the comment receivers add to a DMARC result.
fn policy(comment: &str) -> Option<String> {
    comment
        .split_whitespace()
        .find_map(|w| w.strip_prefix("p=").or_else(|| w.strip_prefix("P=")))
        .map(|p| p.trim_end_matches([')', ',', ';']).to_ascii_lowercase())
}

/// The IP a receiver names in its SPF comment: `sender IP is 192.0.2.1`,
/// `designates 192.0.2.1 as permitted sender`.
fn ip_in_comment(comment: &str) -> Option<IpAddr> {
    comment
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ';' | '='))
        .find_map(|w| w.parse().ok())
}

fn hops<'a>(fields: impl DoubleEndedIterator<Item = (&'a str, &'a Header<'a>)>) -> Vec<Hop> {
    let host = |h: &Host| match h {
        Host::Name(name) => name.trim_end_matches('.').to_owned(),
        Host::IpAddr(ip) => ip.to_string(),
    };
    let mut hops: Vec<Hop> = fields
        .rev()
        .map(|(raw, field)| match &field.value {
            HeaderValue::Received(r) => Hop {
                // A `from` inside a comment (`(Postfix, from userid 1001)`) names no sender.
                from: r
                    .from
                    .as_ref()
                    .or(r.helo.as_ref())
                    .filter(|_| names_a_sender(raw))
                    .map(host),
                ip: r.from_ip,
                by: r.by.as_ref().map(host),
                // Read by RFC 5322 alone: mail-parser reads other shapes into other years.
                time: date::received_time(raw).filter(|t| PLAUSIBLE.contains(t)),
                delay: None,
            },
            _ => Hop {
                from: None,
                ip: None,
                by: None,
                time: None,
                delay: None,
            },
        })
        .collect();
    for i in 1..hops.len() {
        hops[i].delay = hops[i].time.zip(hops[i - 1].time).map(|(now, before)| now - before);
    }
    hops
}

/// Whether a `Received` value has a `from` clause outside its comments.
fn names_a_sender(raw: &str) -> bool {
    let mut depth = 0usize;
    let outside: String = raw
        .chars()
        .map(|c| {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ => {}
            }
            if depth > 0 || c == ')' { ' ' } else { c }
        })
        .collect();
    outside.split_whitespace().any(|w| w.eq_ignore_ascii_case("from"))
}

/// The address the receiving boundary saw: going down from the newest hop, past the
/// receiver's own hops (those whose sender is a host of the receiver's domains, such as
/// Exchange Online's servers passing a message between them), the first public one.
fn boundary_ip(hops: &[Hop], receiver: Option<&str>) -> Option<IpAddr> {
    let top_by = hops.last().and_then(|h| h.by.as_deref());
    let own: Vec<&str> = receiver.into_iter().chain(top_by).map(admd).collect();
    hops.iter()
        .rev()
        .filter(|h| !h.from.as_deref().is_some_and(|f| own.contains(&admd(f))))
        .filter_map(|h| h.ip)
        .find(|ip| ipclass::classify(*ip) == ipclass::IpClass::Public)
}

fn findings(r: &Reading) -> Vec<Finding> {
    let mut found = Vec::new();
    let dmarc_passed = r.dmarc.as_ref().is_some_and(|v| v.outcome == Outcome::Pass);
    let checked = r.dkim.iter().any(|v| v.outcome != Outcome::None);
    if r.spf.is_none() && r.dkim.is_empty() && r.dmarc.is_none() {
        found.push(Finding::NoVerdicts);
    }
    if !checked && !dmarc_passed && !r.signatures.is_empty() {
        // Signed, yet the verdicts say nothing of the signature: written on the sender's
        // side before signing. Anything else they say would mislead.
        found.push(Finding::SignedButUnchecked {
            domains: r.signatures.clone(),
        });
    }
    if !found.is_empty() {
        found.extend(slow_hops(r));
        return found;
    }
    let aligned_dkim = r
        .dkim
        .iter()
        .any(|v| v.outcome == Outcome::Pass && v.aligned != Some(false));
    if let Some(spf) = &r.spf {
        let domain = spf.domain.clone();
        match spf.outcome {
            Outcome::Fail | Outcome::SoftFail => found.push(Finding::SpfFailed {
                domain,
                ip: r.sending_ip,
            }),
            Outcome::None => found.push(Finding::SpfMissing { domain }),
            Outcome::Error => found.push(Finding::SpfError { domain }),
            Outcome::Pass if spf.aligned == Some(false) && !aligned_dkim && !dmarc_passed => {
                found.push(Finding::SpfNotAligned {
                    domain: domain.unwrap_or_default(),
                })
            }
            _ => {}
        }
    }
    let failed = r.dkim.iter().find(|v| v.outcome == Outcome::Fail);
    if let Some(failed) = failed {
        found.push(Finding::DkimFailed {
            domain: failed.domain.clone(),
        });
    }
    if !aligned_dkim {
        match r
            .dkim
            .iter()
            .find(|v| v.outcome == Outcome::Pass && v.aligned == Some(false))
        {
            Some(other) => found.push(Finding::DkimNotAligned {
                domain: other.domain.clone().unwrap_or_default(),
            }),
            None if failed.is_none() && r.signatures.is_empty() => found.push(Finding::DkimMissing),
            None => {}
        }
    }
    match r.dmarc.as_ref().map(|v| v.outcome) {
        Some(Outcome::Fail) => found.push(Finding::DmarcFailed {
            policy: r.dmarc.as_ref().and_then(|v| v.detail.clone()),
        }),
        Some(Outcome::None) | None if r.from_domain.is_some() => found.push(Finding::DmarcMissing),
        _ => {}
    }
    found.extend(slow_hops(r));
    if dmarc_passed {
        found.push(Finding::Authenticated);
    }
    found.sort_by_key(Finding::severity);
    found
}

fn slow_hops(r: &Reading) -> impl Iterator<Item = Finding> + '_ {
    r.hops
        .iter()
        .filter(|h| h.delay.is_some_and(|d| d >= SLOW_HOP_SECONDS))
        .map(|h| Finding::SlowHop {
            by: h.by.clone(),
            seconds: h.delay.unwrap_or_default(),
        })
}

#[cfg(test)]
mod tests;
