//! The SPF tool's words (table [spf] of the locale files): each finding, each syntax error
//! and the tool's own labels.

use crate::{
    i18n::Lang,
    ipclass::IpClass,
    spf::{Issue, ParseError, ParseErrorKind, ReadStatus, Severity},
};

include!(concat!(env!("OUT_DIR"), "/words_spf.rs"));

/// Where reading a domain's record stands, in words.
pub fn read_status(status: ReadStatus, lang: Lang) -> String {
    use super::dns::{self, D};
    match status {
        ReadStatus::BadDomain => D::BadDomain.get(lang).to_owned(),
        ReadStatus::Reading => D::Checking.get(lang).to_owned(),
        ReadStatus::Failed(failure) => dns::failure(failure, lang).to_owned(),
        ReadStatus::NoRecord => issue(&Issue::NoRecord, lang),
    }
}

pub fn severity(severity: Severity, lang: Lang) -> &'static str {
    match severity {
        Severity::Error => S::SeverityError,
        Severity::Warning => S::SeverityWarning,
        Severity::Info => S::SeverityInfo,
    }
    .get(lang)
}

fn class(class: IpClass, lang: Lang) -> &'static str {
    match class {
        IpClass::Public => S::ClassPublic,
        IpClass::Private => S::ClassPrivate,
        IpClass::Loopback => S::ClassLoopback,
        IpClass::Cgnat => S::ClassCgnat,
        IpClass::LinkLocal => S::ClassLinkLocal,
        IpClass::Multicast => S::ClassMulticast,
        IpClass::Documentation => S::ClassDocumentation,
        IpClass::Reserved => S::ClassReserved,
    }
    .get(lang)
}

pub fn parse_error(error: &ParseError, lang: Lang) -> String {
    use ParseErrorKind::*;
    let why = match error.kind {
        NotSpf => S::ParseErrorNotSpf,
        InvalidCharacter => S::ParseErrorInvalidCharacter,
        UnknownMechanism => S::ParseErrorUnknownMechanism,
        BadArgument => S::ParseErrorBadArgument,
        BadIp4 => S::ParseErrorBadIp4,
        BadIp6 => S::ParseErrorBadIp6,
        BadPrefix => S::ParseErrorBadPrefix,
        BadDomainSpec => S::ParseErrorBadDomainSpec,
        BadMacro => S::ParseErrorBadMacro,
        DuplicateModifier => S::ParseErrorDuplicateModifier,
        BadModifierName => S::ParseErrorBadModifierName,
    }
    .get(lang);
    let term: String = error.term.chars().take(60).collect();
    S::parse_error_syntax(lang, &(error.position + 1).to_string(), &term, why)
}

pub fn issue(issue: &Issue, lang: Lang) -> String {
    use Issue::*;
    match issue {
        NoRecord => S::IssueNoRecord.get(lang).to_owned(),
        SeveralRecords(n) => S::issue_several_records(lang, &n.to_string()),
        Syntax(error) => parse_error(error, lang),
        TooManyLookups(n) => S::issue_too_many_lookups(lang, &n.to_string()),
        TooManyVoidLookups(n) => S::issue_too_many_void_lookups(lang, &n.to_string()),
        VoidLookup(name) => S::issue_void_lookup(lang, name),
        Ptr(term) => S::issue_ptr(lang, term),
        WideNetwork(term) => S::issue_wide_network(lang, term),
        PassAll => S::IssuePassAll.get(lang).to_owned(),
        NeutralAll => S::IssueNeutralAll.get(lang).to_owned(),
        NoAll => S::IssueNoAll.get(lang).to_owned(),
        TermsAfterAll(terms) => S::issue_terms_after_all(lang, &terms.join(" ")),
        RedirectIgnored => S::IssueRedirectIgnored.get(lang).to_owned(),
        DuplicateTerm(term) => S::issue_duplicate_term(lang, term),
        CoveredNetwork { term, by } => S::issue_covered_network(lang, by, term),
        SpecialAddress {
            term,
            class: c,
            others: 0,
        } => S::issue_special_address_one(lang, class(*c, lang), term),
        SpecialAddress { term, class: c, others } => {
            S::issue_special_address_many(lang, class(*c, lang), &others.to_string(), term)
        }
        IncludeWithoutSpf(domain) => S::issue_include_without_spf(lang, domain),
        IncludeLoop(domain) => S::issue_include_loop(lang, domain),
        IncludeTooDeep(domain) => S::issue_include_too_deep(lang, domain, &crate::spf::MAX_LOOKUPS.to_string()),
        LookupFailed { domain, failure } => S::issue_lookup_failed(lang, domain, super::dns::failure(*failure, lang)),
        StringTooLong(n) => S::issue_string_too_long(lang, &n.to_string()),
        RecordTooLong(n) => S::issue_record_too_long(lang, &n.to_string()),
    }
}

/// Why the builder did not add a typed item.
pub fn refusal(refusal: &crate::spf::addresses::Refusal, lang: Lang) -> String {
    use crate::spf::addresses::{Refusal, WIDEST_V4, WIDEST_V6};
    match refusal {
        Refusal::NotAnAddress(value) => S::bad_address(lang, value),
        Refusal::Special(value, c) => S::refusal_special(lang, class(*c, lang), value),
        Refusal::TooWide(value) => S::refusal_too_wide(lang, &WIDEST_V4.to_string(), &WIDEST_V6.to_string(), value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
