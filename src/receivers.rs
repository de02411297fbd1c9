//! Whether the large receivers (Gmail, Yahoo, Outlook.com) will take a domain's mail, as far
//! as its DNS shows, or as a received message's own verdicts show: each receiver's published
//! requirements (`presets/receivers.toml`) read against the DNS checks or the headers. It
//! never claims more than they show: the sending server's reverse DNS and TLS are required
//! too, and not read here.

use crate::{
    dns::checks::{Check, CheckKind, Note, Status},
    headers,
    presets::{self, Receiver, Requirement},
    spf::Issue,
};

/// Whether a requirement is met.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Met {
    Yes,
    No,
    /// A check could not be made.
    Unknown,
}

impl Met {
    /// A stable id for the page and its tests.
    pub fn id(self) -> &'static str {
        match self {
            Met::Yes => "yes",
            Met::No => "no",
            Met::Unknown => "unknown",
        }
    }
}

/// One receiver's verdict: for every sender, and for bulk senders, what is missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub receiver: &'static Receiver,
    pub all: Met,
    pub bulk: Met,
    /// The bulk senders' requirements not met (the first ones missing for every sender).
    pub missing: Vec<Requirement>,
}

/// `requirement` from what its parts show: "SPF or DKIM" is met when either is.
fn met(requirement: Requirement, part: &dyn Fn(Requirement) -> Met) -> Met {
    match requirement {
        Requirement::SpfOrDkim => match (part(Requirement::Spf), part(Requirement::Dkim)) {
            (Met::Yes, _) | (_, Met::Yes) => Met::Yes,
            (Met::Unknown, _) | (_, Met::Unknown) => Met::Unknown,
            _ => Met::No,
        },
        single => part(single),
    }
}

/// What the DNS checks show of one requirement.
fn shown(requirement: Requirement, checks: &[Check]) -> Met {
    let check = |kind: CheckKind| checks.iter().find(|c| c.kind == kind);
    let published = |kind: CheckKind, absent: &dyn Fn(&Note) -> bool| match check(kind) {
        None => Met::Unknown,
        Some(c) if c.status == Status::Unknown => Met::Unknown,
        Some(c) if c.notes.iter().any(absent) => Met::No,
        Some(_) => Met::Yes,
    };
    match requirement {
        Requirement::Spf => published(CheckKind::Spf, &|n| {
            matches!(n, Note::SpfIssue(Issue::NoRecord) | Note::NoDomain)
        }),
        // A key found for the selectors this assistant knows; a broken key is none.
        Requirement::Dkim => published(CheckKind::Dkim, &|n| {
            matches!(n, Note::DkimMissing(_) | Note::DkimRevoked(_) | Note::DkimBadKey(_))
        }),
        Requirement::Dmarc => published(CheckKind::Dmarc, &|n| {
            matches!(n, Note::DmarcMissing { .. } | Note::DmarcInvalid | Note::DmarcSeveral)
        }),
        Requirement::SpfOrDkim => met(requirement, &|r| shown(r, checks)),
    }
}

/// What a received message's own verdicts show of one requirement:
/// the receiver's SPF pass, a DKIM signature it verified, its DMARC pass (which implies
/// alignment). A block without any verdict (the sender's copy) shows nothing.
fn written(requirement: Requirement, reading: &headers::Reading) -> Met {
    use headers::Outcome;
    if reading.spf.is_none() && reading.dkim.is_empty() && reading.dmarc.is_none() {
        return Met::Unknown;
    }
    let passed = |verdict: Option<&headers::Verdict>| match verdict.map(|v| v.outcome) {
        Some(Outcome::Pass) => Met::Yes,
        Some(Outcome::Error) => Met::Unknown,
        _ => Met::No,
    };
    match requirement {
        Requirement::Spf => passed(reading.spf.as_ref()),
        Requirement::Dkim => passed(
            reading
                .dkim
                .iter()
                .find(|v| v.outcome == Outcome::Pass)
                .or(reading.dkim.first()),
        ),
        Requirement::Dmarc => passed(reading.dmarc.as_ref()),
        Requirement::SpfOrDkim => met(requirement, &|r| written(r, reading)),
    }
}

/// All of `each` together: no if one is not met, unknown if one could not be checked.
fn all_of(each: &[Met]) -> Met {
    if each.contains(&Met::No) {
        Met::No
    } else if each.contains(&Met::Unknown) {
        Met::Unknown
    } else {
        Met::Yes
    }
}

/// Every receiver's verdict, each requirement judged once by `part`.
fn judge(part: &dyn Fn(Requirement) -> Met) -> Vec<Verdict> {
    presets::receivers()
        .iter()
        .map(|receiver| {
            let requirements: Vec<Requirement> = receiver.all.iter().chain(&receiver.bulk).copied().collect();
            let each: Vec<Met> = requirements.iter().map(|r| met(*r, part)).collect();
            Verdict {
                receiver,
                all: all_of(&each[..receiver.all.len()]),
                bulk: all_of(&each),
                missing: requirements
                    .into_iter()
                    .zip(&each)
                    .filter(|(_, m)| **m == Met::No)
                    .map(|(r, _)| r)
                    .collect(),
            }
        })
        .collect()
}

/// Every receiver's verdict on the domain the checks read.
pub fn verdicts(checks: &[Check]) -> Vec<Verdict> {
    judge(&|r| shown(r, checks))
}

/// Every receiver's verdict on a received message, from the verdicts its receiver wrote.
pub fn from_headers(reading: &headers::Reading) -> Vec<Verdict> {
    judge(&|r| written(r, reading))
}

/// What the domain's DMARC record asks of every message these receivers check, when it asks
/// strict alignment and enforces it (quarantine or reject): a message whose SPF domain, or
/// whose DKIM signature's domain, is not exactly the domain fails DMARC and is junked or
/// refused. A sending service or relay that sends or signs with its own domain, or a
/// subdomain, fails it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StrictAlignment {
    Spf,
    Dkim,
    Both,
}

impl StrictAlignment {
    /// A stable id for the page and its tests.
    pub fn id(self) -> &'static str {
        match self {
            StrictAlignment::Spf => "spf",
            StrictAlignment::Dkim => "dkim",
            StrictAlignment::Both => "spf dkim",
        }
    }
}

pub fn strict_alignment(checks: &[Check]) -> Option<StrictAlignment> {
    use crate::dmarc::{Finding, Policy};
    let notes = &checks.iter().find(|c| c.kind == CheckKind::Dmarc)?.notes;
    let enforced = notes
        .iter()
        .any(|n| matches!(n, Note::Dmarc(Finding::Policy(Policy::Quarantine | Policy::Reject))));
    notes.iter().find_map(|n| match n {
        Note::Dmarc(Finding::StrictAlignment { spf, dkim }) if enforced => match (spf, dkim) {
            (true, true) => Some(StrictAlignment::Both),
            (true, false) => Some(StrictAlignment::Spf),
            (false, true) => Some(StrictAlignment::Dkim),
            (false, false) => None,
        },
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (the receiver's verdicts in a received block) → Gmail's verdict for every sender and
    /// for bulk senders.
    #[test]
    fn verdicts_from_what_the_receiver_wrote() {
        let block = |results: &str| {
            format!(
                "Authentication-Results: mx.receiver.example; {results}\n\
                 Received: from out.acme.fr (out.acme.fr [192.0.2.77]) by mx.receiver.example; Tue, 1 Dec 2026 10:00:01 +0000\n\
                 From: Factures <factures@acme.fr>\nSubject: Invoice\n"
            )
        };
        let cases = [
            (
                "spf=pass smtp.mailfrom=acme.fr; dkim=pass header.d=acme.fr; dmarc=pass header.from=acme.fr",
                Met::Yes,
                Met::Yes,
            ),
            (
                "spf=softfail smtp.mailfrom=acme.fr; dkim=pass header.d=acme.fr; dmarc=pass header.from=acme.fr",
                Met::Yes,
                Met::No,
            ),
            (
                "spf=fail smtp.mailfrom=acme.fr; dkim=none; dmarc=fail header.from=acme.fr",
                Met::No,
                Met::No,
            ),
            (
                "spf=temperror smtp.mailfrom=acme.fr; dkim=pass header.d=acme.fr",
                Met::Yes,
                Met::No,
            ),
        ];
        for (results, all, bulk) in cases {
            let reading = headers::read(&block(results)).expect("headers");
            let gmail = &from_headers(&reading)[0];
            assert_eq!((gmail.all, gmail.bulk), (all, bulk), "{results}");
        }
        let unsigned = headers::read("From: Factures <factures@acme.fr>\nSubject: Invoice\n").expect("headers");
        assert_eq!(
            from_headers(&unsigned)[0].all,
            Met::Unknown,
            "the sender's copy has no verdict"
        );
    }

    #[test]
    fn strict_alignment_counts_when_the_policy_enforces_it() {
        use crate::dmarc::{Finding, Policy};
        let dmarc = |policy, spf, dkim| {
            let mut notes = vec![Note::Dmarc(Finding::Policy(policy))];
            if spf || dkim {
                notes.push(Note::Dmarc(Finding::StrictAlignment { spf, dkim }));
            }
            vec![Check::new(CheckKind::Dmarc, Status::Ok, notes)]
        };
        let cases = [
            (Policy::Reject, true, false, Some(StrictAlignment::Spf)),
            (Policy::Reject, false, true, Some(StrictAlignment::Dkim)),
            (Policy::Quarantine, true, true, Some(StrictAlignment::Both)),
            (Policy::None, true, true, None),
            (Policy::Reject, false, false, None),
        ];
        for (policy, spf, dkim, expected) in cases {
            assert_eq!(
                strict_alignment(&dmarc(policy, spf, dkim)),
                expected,
                "{policy:?} {spf} {dkim}"
            );
        }
        assert_eq!(strict_alignment(&[]), None);
    }

    /// (SPF, DKIM, DMARC as the checks found them) → Gmail's verdict for every sender and
    /// for bulk senders, and what is missing.
    #[test]
    fn verdicts_from_what_dns_shows() {
        let spf = |present: bool| match present {
            true => Check::new(CheckKind::Spf, Status::Ok, vec![]),
            false => Check::new(CheckKind::Spf, Status::Problem, vec![Note::SpfIssue(Issue::NoRecord)]),
        };
        let dkim = |present: bool| match present {
            true => Check::new(CheckKind::Dkim, Status::Ok, vec![Note::DkimFound("google".into())]),
            false => Check::new(
                CheckKind::Dkim,
                Status::Warning,
                vec![Note::DkimMissing(vec!["google".into()])],
            ),
        };
        let dmarc = |present: bool| match present {
            true => Check::new(CheckKind::Dmarc, Status::Ok, vec![]),
            false => Check::new(
                CheckKind::Dmarc,
                Status::Warning,
                vec![Note::DmarcMissing {
                    suggestion: String::new(),
                }],
            ),
        };
        let cases = [
            ((true, true, true), Met::Yes, Met::Yes, vec![]),
            (
                (true, false, false),
                Met::Yes,
                Met::No,
                vec![Requirement::Dkim, Requirement::Dmarc],
            ),
            ((false, true, true), Met::Yes, Met::No, vec![Requirement::Spf]),
            (
                (false, false, false),
                Met::No,
                Met::No,
                vec![
                    Requirement::SpfOrDkim,
                    Requirement::Spf,
                    Requirement::Dkim,
                    Requirement::Dmarc,
                ],
            ),
        ];
        for ((s, d, m), all, bulk, missing) in cases {
            let checks = [spf(s), dkim(d), dmarc(m)];
            let gmail = verdicts(&checks)
                .into_iter()
                .find(|v| v.receiver.id == "gmail")
                .expect("gmail");
            assert_eq!(
                (gmail.all, gmail.bulk, gmail.missing),
                (all, bulk, missing),
                "{s} {d} {m}"
            );
        }
        let offline = [
            Check::new(CheckKind::Spf, Status::Unknown, vec![]),
            dkim(false),
            dmarc(true),
        ];
        let gmail = verdicts(&offline)
            .into_iter()
            .find(|v| v.receiver.id == "gmail")
            .expect("gmail");
        assert_eq!((gmail.all, gmail.bulk), (Met::Unknown, Met::No));
        let outlook = verdicts(&[spf(true), dkim(true), dmarc(true)]);
        assert!(outlook.iter().all(|v| v.all == Met::Yes && v.bulk == Met::Yes));
    }
}
