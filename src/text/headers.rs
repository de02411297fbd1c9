//! The wording of a header block's reading (table [headers] of the locale files), for the
//! headers tool and its report.

use crate::{
    headers::{Finding, Fix, Outcome},
    i18n::Lang,
};

include!(concat!(env!("OUT_DIR"), "/words_headers.rs"));

pub fn outcome(outcome: Outcome, lang: Lang) -> &'static str {
    match outcome {
        Outcome::Pass => H::OutcomePass,
        Outcome::Fail => H::OutcomeFail,
        Outcome::SoftFail => H::OutcomeSoftfail,
        Outcome::Neutral => H::OutcomeNeutral,
        Outcome::None => H::OutcomeNone,
        Outcome::Error => H::OutcomeError,
        Outcome::Other => H::OutcomeOther,
    }
    .get(lang)
}

pub fn aligned(aligned: Option<bool>, lang: Lang) -> &'static str {
    match aligned {
        Some(true) => H::AlignedYes,
        Some(false) => H::AlignedNo,
        None => H::Unknown,
    }
    .get(lang)
}

pub fn finding(finding: &Finding, lang: Lang) -> String {
    let unknown = || H::Unknown.get(lang).to_owned();
    let or_unknown = |d: &Option<String>| d.clone().unwrap_or_else(unknown);
    match finding {
        Finding::NoVerdicts => H::FindingNoVerdicts.get(lang).to_owned(),
        Finding::SpfFailed { domain, ip } => {
            H::finding_spf_failed(lang, &or_unknown(domain), &ip.map_or_else(unknown, |ip| ip.to_string()))
        }
        Finding::SpfMissing { domain } => H::finding_spf_missing(lang, &or_unknown(domain)),
        Finding::SpfError { domain } => H::finding_spf_error(lang, &or_unknown(domain)),
        Finding::DkimFailed { domain } => H::finding_dkim_failed(lang, &or_unknown(domain)),
        Finding::DkimMissing => H::FindingDkimMissing.get(lang).to_owned(),
        Finding::DkimNotAligned { domain } => H::finding_dkim_not_aligned(lang, domain),
        Finding::SpfNotAligned { domain } => H::finding_spf_not_aligned(lang, domain),
        Finding::SignedButUnchecked { domains } => H::finding_signed_unchecked(lang, &domains.join(", ")),
        Finding::DmarcFailed { policy } => H::finding_dmarc_failed(
            lang,
            &policy
                .as_ref()
                .map_or_else(|| H::PolicyUnknown.get(lang).to_owned(), |p| format!("p={p}")),
        ),
        Finding::DmarcMissing => H::FindingDmarcMissing.get(lang).to_owned(),
        Finding::SlowHop { by, seconds } => H::finding_slow_hop(lang, &(seconds / 60).to_string(), &or_unknown(by)),
        Finding::Authenticated => H::FindingAuthenticated.get(lang).to_owned(),
        Finding::InvalidDomains { domains } => H::finding_invalid_domains(lang, &domains.join(", ")),
    }
}

/// The label of the link to where a finding is fixed.
pub fn fix(fix: &Fix, lang: Lang) -> String {
    match fix {
        Fix::Spf(domain) => H::fix_spf(lang, domain),
        Fix::Dns(domain) => H::fix_dns(lang, domain),
    }
}

/// A hop's time, in UTC: `2024-01-10 02:03:58`.
pub fn time(unix: Option<i64>, lang: Lang) -> String {
    match unix {
        Some(t) => mail_parser::DateTime::from_timestamp(t)
            .to_rfc3339()
            .replace('T', " ")
            .trim_end_matches('Z')
            .to_owned(),
        None => H::Unknown.get(lang).to_owned(),
    }
}

pub fn delay(seconds: Option<i64>, lang: Lang) -> String {
    match seconds {
        Some(s) => H::delay_seconds(lang, &s.to_string()),
        None => H::Unknown.get(lang).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findings_in_both_languages() {
        let cases = [
            (
                Finding::SpfFailed {
                    domain: Some("acme.fr".into()),
                    ip: "192.0.2.4".parse().ok(),
                },
                Lang::En,
                "(192.0.2.4) is not allowed by the SPF record of acme.fr",
            ),
            (
                Finding::DmarcFailed {
                    policy: Some("quarantine".into()),
                },
                Lang::Fr,
                "(p=quarantine)",
            ),
            (Finding::DmarcFailed { policy: None }, Lang::En, "(not given)"),
            (
                Finding::SlowHop {
                    by: Some("mx.example.com".into()),
                    seconds: 348,
                },
                Lang::Fr,
                "5 min avant que mx.example.com",
            ),
            (
                Finding::SignedButUnchecked {
                    domains: vec!["a.fr".into(), "b.fr".into()],
                },
                Lang::En,
                "(a.fr, b.fr)",
            ),
        ];
        for (finding, lang, words) in cases {
            assert!(
                super::finding(&finding, lang).contains(words),
                "{finding:?}: {}",
                super::finding(&finding, lang)
            );
        }
        assert_eq!(time(Some(1_704_852_238), Lang::En), "2024-01-10 02:03:58");
        assert_eq!(time(None, Lang::Fr), "—");
    }
}
