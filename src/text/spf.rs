//! The SPF tool's words: each finding, each syntax error and the tool's own labels, in
//! English and French.

use super::pick;
use crate::{
    i18n::Lang,
    ipclass::IpClass,
    spf::{Issue, ParseError, ParseErrorKind, Severity},
    text::fill,
};

include!(concat!(env!("OUT_DIR"), "/words_spf.rs"));

pub fn severity(severity: Severity, lang: Lang) -> &'static str {
    pick(
        lang,
        match severity {
            Severity::Error => S::SeverityError.pair(),
            Severity::Warning => S::SeverityWarning.pair(),
            Severity::Info => S::SeverityInfo.pair(),
        },
    )
}

fn class(class: IpClass, lang: Lang) -> &'static str {
    pick(
        lang,
        match class {
            IpClass::Public => S::ClassPublic.pair(),
            IpClass::Private => S::ClassPrivate.pair(),
            IpClass::Loopback => S::ClassLoopback.pair(),
            IpClass::Cgnat => S::ClassCgnat.pair(),
            IpClass::LinkLocal => S::ClassLinkLocal.pair(),
            IpClass::Multicast => S::ClassMulticast.pair(),
            IpClass::Documentation => S::ClassDocumentation.pair(),
            IpClass::Reserved => S::ClassReserved.pair(),
        },
    )
}

pub fn parse_error(error: &ParseError, lang: Lang) -> String {
    use ParseErrorKind::*;
    let why = pick(
        lang,
        match error.kind {
            NotSpf => S::ParseErrorNotSpf.pair(),
            InvalidCharacter => S::ParseErrorInvalidCharacter.pair(),
            UnknownMechanism => S::ParseErrorUnknownMechanism.pair(),
            BadArgument => S::ParseErrorBadArgument.pair(),
            BadIp4 => S::ParseErrorBadIp4.pair(),
            BadIp6 => S::ParseErrorBadIp6.pair(),
            BadPrefix => S::ParseErrorBadPrefix.pair(),
            BadDomainSpec => S::ParseErrorBadDomainSpec.pair(),
            BadMacro => S::ParseErrorBadMacro.pair(),
            DuplicateModifier => S::ParseErrorDuplicateModifier.pair(),
            BadModifierName => S::ParseErrorBadModifierName.pair(),
        },
    );
    let template = pick(
        lang,
        S::ParseErrorSyntax.pair(),
    );
    let term: String = error.term.chars().take(60).collect();
    fill(
        template,
        &[
            ("term", &term),
            ("position", &(error.position + 1).to_string()),
            ("why", why),
        ],
    )
}

pub fn issue(issue: &Issue, lang: Lang) -> String {
    use Issue::*;
    let text = |pair| pick(lang, pair).to_owned();
    let with = |pair, values: &[(&str, &str)]| fill(pick(lang, pair), values);
    match issue {
        NoRecord => text(S::IssueNoRecord.pair()),
        SeveralRecords(n) => with(
            S::IssueSeveralRecords.pair(),
            &[("n", &n.to_string())],
        ),
        Syntax(error) => parse_error(error, lang),
        TooManyLookups(n) => with(
            S::IssueTooManyLookups.pair(),
            &[("n", &n.to_string())],
        ),
        TooManyVoidLookups(n) => with(
            S::IssueTooManyVoidLookups.pair(),
            &[("n", &n.to_string())],
        ),
        VoidLookup(name) => with(
            S::IssueVoidLookup.pair(),
            &[("name", name)],
        ),
        Ptr(term) => with(
            S::IssuePtr.pair(),
            &[("term", term)],
        ),
        WideNetwork(term) => with(
            S::IssueWideNetwork.pair(),
            &[("term", term)],
        ),
        PassAll => text(S::IssuePassAll.pair()),
        NeutralAll => text(S::IssueNeutralAll.pair()),
        NoAll => text(S::IssueNoAll.pair()),
        TermsAfterAll(terms) => with(
            S::IssueTermsAfterAll.pair(),
            &[("terms", &terms.join(" "))],
        ),
        RedirectIgnored => text(S::IssueRedirectIgnored.pair()),
        DuplicateTerm(term) => with(
            S::IssueDuplicateTerm.pair(),
            &[("term", term)],
        ),
        CoveredNetwork { term, by } => with(
            S::IssueCoveredNetwork.pair(),
            &[("term", term), ("by", by)],
        ),
        SpecialAddress {
            term,
            class: c,
            others: 0,
        } => with(
            S::IssueSpecialAddressOne.pair(),
            &[("term", term), ("class", class(*c, lang))],
        ),
        SpecialAddress { term, class: c, others } => with(
            S::IssueSpecialAddressMany.pair(),
            &[("term", term), ("class", class(*c, lang)), ("n", &others.to_string())],
        ),
        IncludeWithoutSpf(domain) => with(
            S::IssueIncludeWithoutSpf.pair(),
            &[("domain", domain)],
        ),
        IncludeLoop(domain) => with(
            S::IssueIncludeLoop.pair(),
            &[("domain", domain)],
        ),
        IncludeTooDeep(domain) => with(
            S::IssueIncludeTooDeep.pair(),
            &[("domain", domain), ("n", &crate::spf::MAX_LOOKUPS.to_string())],
        ),
        LookupFailed { domain, failure } => with(
            S::IssueLookupFailed.pair(),
            &[("domain", domain), ("why", super::dns::failure(*failure, lang))],
        ),
        StringTooLong(n) => with(
            S::IssueStringTooLong.pair(),
            &[("n", &n.to_string())],
        ),
        RecordTooLong(n) => with(
            S::IssueRecordTooLong.pair(),
            &[("n", &n.to_string())],
        ),
    }
}

/// Why the builder did not add a typed item.
pub fn refusal(refusal: &crate::spf::addresses::Refusal, lang: Lang) -> String {
    use crate::spf::addresses::{Refusal, WIDEST_V4, WIDEST_V6};
    match refusal {
        Refusal::NotAnAddress(value) => fill(S::BadAddress.get(lang), &[("value", value)]),
        Refusal::Special(value, c) => fill(
            pick(
                lang,
                S::RefusalSpecial.pair(),
            ),
            &[("value", value), ("class", class(*c, lang))],
        ),
        Refusal::TooWide(value) => fill(
            pick(
                lang,
                S::RefusalTooWide.pair(),
            ),
            &[
                ("value", value),
                ("v4", &WIDEST_V4.to_string()),
                ("v6", &WIDEST_V6.to_string()),
            ],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_is_translated() {
        for key in S::ALL {
            let (en, fr) = key.pair();
            assert!(!en.trim().is_empty() && !fr.trim().is_empty(), "{key:?}");
        }
    }

    #[test]
    fn findings_are_worded_in_both_languages() {
        let error = crate::spf::parse("v=spf1 ip4:300.1.1.1").unwrap_err();
        let issues = [
            Issue::NoRecord,
            Issue::Syntax(error),
            Issue::TooManyLookups(12),
            Issue::SpecialAddress {
                term: "ip4:10.0.0.1".into(),
                class: IpClass::Private,
                others: 0,
            },
            Issue::SpecialAddress {
                term: "ip4:10.0.0.1".into(),
                class: IpClass::Private,
                others: 299,
            },
            Issue::CoveredNetwork {
                term: "ip4:203.0.114.10".into(),
                by: "ip4:203.0.114.0/24".into(),
            },
        ];
        for issue in &issues {
            let (en, fr) = (super::issue(issue, Lang::En), super::issue(issue, Lang::Fr));
            assert!(!en.contains('{') && !fr.contains('{'), "{en} / {fr}");
            assert_ne!(en, fr);
        }
        assert_eq!(
            super::issue(
                &Issue::Syntax(crate::spf::parse("v=spf1 ip4:300.1.1.1").unwrap_err()),
                Lang::En
            ),
            "Syntax error in \"ip4:300.1.1.1\" (character 8): this is not an IPv4 address."
        );
    }
}
