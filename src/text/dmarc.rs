//! The wording of what a DMARC record means and of the record builder (table [dmarc] of the
//! locale files), for the DNS check.

use crate::{
    dmarc::{BuildError, Finding, Policy},
    i18n::Lang,
};

include!(concat!(env!("OUT_DIR"), "/words_dmarc.rs"));

pub fn policy(policy: Policy, lang: Lang) -> &'static str {
    match policy {
        Policy::None => M::PolicyNone,
        Policy::Quarantine => M::PolicyQuarantine,
        Policy::Reject => M::PolicyReject,
    }
    .get(lang)
}

pub fn build_error(error: &BuildError, lang: Lang) -> String {
    match error {
        BuildError::NoReportAddress => M::NoReportAddress.get(lang).to_owned(),
        BuildError::BadReportAddress(why) => M::bad_report_address(lang, &super::address_error(why, lang)),
    }
}

pub fn finding(finding: &Finding, lang: Lang) -> String {
    match finding {
        Finding::Policy(Policy::None) => M::FindingPolicyNone.get(lang).to_owned(),
        Finding::Policy(Policy::Quarantine) => M::FindingPolicyQuarantine.get(lang).to_owned(),
        Finding::Policy(Policy::Reject) => M::FindingPolicyReject.get(lang).to_owned(),
        Finding::Partial(pct) => M::finding_partial(lang, &pct.to_string()),
        Finding::SubdomainPolicy(p) => M::finding_subdomains(lang, p.id()),
        Finding::Reports(to) => M::finding_reports(lang, &to.join(", ")),
        Finding::NoReports => M::FindingNoReports.get(lang).to_owned(),
        Finding::BadReportAddress(uri) => M::finding_bad_report(lang, uri),
        Finding::ExternalReports { domain, authorization } => M::finding_external(lang, domain, authorization),
        Finding::StrictAlignment { dkim: true, spf: true } => M::FindingStrictBoth.get(lang).to_owned(),
        Finding::StrictAlignment { dkim: true, .. } => M::FindingStrictDkim.get(lang).to_owned(),
        Finding::StrictAlignment { .. } => M::FindingStrictSpf.get(lang).to_owned(),
        Finding::Next(p) => M::finding_next(lang, p.id()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findings_in_both_languages() {
        let cases = [
            (Finding::Partial(20), Lang::Fr, "20 %"),
            (Finding::Next(Policy::Quarantine), Lang::En, "p=quarantine"),
            (Finding::StrictAlignment { dkim: false, spf: true }, Lang::En, "aspf=s"),
            (
                Finding::ExternalReports {
                    domain: "r.example".into(),
                    authorization: "acme.fr._report._dmarc.r.example".into(),
                },
                Lang::Fr,
                "acme.fr._report._dmarc.r.example IN TXT",
            ),
        ];
        for (finding, lang, words) in cases {
            assert!(super::finding(&finding, lang).contains(words), "{finding:?}");
        }
    }
}
