//! The DNS checks' words (table [dns] of the locale files) and the wording of each check's
//! findings.

use crate::{
    dns::checks::{CheckKind, Note, Status},
    i18n::Lang,
    presets,
    resolver::{Failure, LookupError},
    spf::{NodeState, SpfResult},
};

/// What went wrong with a look-up, in plain words.
pub fn failure(failure: Failure, lang: Lang) -> &'static str {
    match failure {
        Failure::Timeout => D::FailureTimeout,
        Failure::Network => D::FailureNetwork,
        Failure::Http(_) => D::FailureHttp,
        Failure::ServerFailure(2) => D::FailureServerFailure2,
        Failure::ServerFailure(_) => D::FailureServerFailure,
        Failure::Truncated => D::FailureTruncated,
        Failure::Malformed => D::FailureMalformed,
        Failure::Redirected => D::FailureRedirected,
        Failure::CnameLoop => D::FailureCnameLoop,
    }
    .get(lang)
}

/// What the provider screen says of a domain's MX records; nothing for a domain without any.
pub fn mx_finding(finding: &crate::detect::MxFinding, lang: Lang) -> Option<String> {
    use crate::detect::MxFinding;
    Some(match finding {
        MxFinding::Found(provider) => D::mx_detected(lang, provider.name.get(lang)),
        MxFinding::Unknown(hosts) if hosts.is_empty() => return None,
        MxFinding::Unknown(hosts) => D::mx_not_recognised(lang, &hosts.join(", ")),
        MxFinding::Failed(why) => D::mx_failed(lang, failure(*why, lang)),
    })
}

/// What strict, enforced DMARC alignment means for every message the receivers check.
pub fn strict_alignment(strict: crate::receivers::StrictAlignment, domain: &str, lang: Lang) -> String {
    use crate::receivers::StrictAlignment;
    match strict {
        StrictAlignment::Both => D::receivers_strict_both(lang, domain),
        StrictAlignment::Spf => D::receivers_strict_spf(lang, domain),
        StrictAlignment::Dkim => D::receivers_strict_dkim(lang, domain),
    }
}

/// One receiver's verdict in a sentence: its name, every sender's rules, the bulk senders'.
pub fn receiver(v: &crate::receivers::Verdict, lang: Lang) -> String {
    use crate::{presets::Requirement, receivers::Met};
    let requirement = |r: &Requirement| {
        match r {
            Requirement::SpfOrDkim => D::ReqSpfOrDkim,
            Requirement::Spf => D::ReqSpf,
            Requirement::Dkim => D::ReqDkim,
            Requirement::Dmarc => D::ReqDmarc,
        }
        .get(lang)
    };
    // What is missing among `among` (every sender's rules), or among all (`None`: bulk).
    let met = |met: Met, among: Option<&[Requirement]>| match met {
        Met::Yes => D::MetYes.get(lang).to_owned(),
        Met::Unknown => D::MetUnknown.get(lang).to_owned(),
        Met::No => {
            let missing: Vec<&str> = v
                .missing
                .iter()
                .filter(|r| among.is_none_or(|among| among.contains(r)))
                .map(requirement)
                .collect();
            D::met_missing(lang, &missing.join(", "))
        }
    };
    let all = match v.receiver.all.is_empty() {
        true => D::ReceiverNoRule.get(lang).to_owned(),
        false => D::receiver_all(lang, &met(v.all, Some(&v.receiver.all))),
    };
    let bulk = D::receiver_bulk(lang, &v.receiver.bulk_from.to_string(), &met(v.bulk, None));
    format!(
        "{}: {all}; {bulk}. {}",
        v.receiver.name.get(lang),
        D::receiver_refusal(lang, &v.receiver.refusal)
    )
}

/// The check button's words: while it runs, once it has run, before.
pub fn check_button(running: bool, done: bool, domain: &str, lang: Lang) -> String {
    match (running, done) {
        (true, _) => D::Checking.get(lang).to_owned(),
        (false, true) => D::CheckAgain.get(lang).to_owned(),
        (false, false) => D::check_this_domain(lang, domain),
    }
}

/// A check's records as read, one per line, or that there were none.
pub fn raw_records(check: &crate::dns::checks::Check, lang: Lang) -> String {
    match check.raw.is_empty() {
        true => D::NoRecords.get(lang).to_owned(),
        false => check.raw.join("\n"),
    }
}

/// Why a name could not be read: it does not exist, or the look-up failed.
pub fn lookup_error(error: &LookupError, lang: Lang) -> String {
    match error {
        LookupError::NxDomain => note(&Note::NoDomain, lang),
        LookupError::Temporary(f) => failure(*f, lang).to_owned(),
    }
}

include!(concat!(env!("OUT_DIR"), "/words_dns.rs"));

pub fn kind(kind: CheckKind, lang: Lang) -> &'static str {
    match kind {
        CheckKind::Mx => D::KindMx,
        CheckKind::Spf => D::KindSpf,
        CheckKind::Dmarc => D::KindDmarc,
        CheckKind::Dkim => D::KindDkim,
        CheckKind::SmtpHost => D::KindSmtpHost,
    }
    .get(lang)
}

pub fn status(status: Status, lang: Lang) -> &'static str {
    match status {
        Status::Ok => D::StatusOk,
        Status::Warning => D::StatusWarning,
        Status::Problem => D::StatusProblem,
        Status::Unknown => D::StatusUnknown,
    }
    .get(lang)
}

fn provider_name(id: &str, lang: Lang) -> String {
    presets::provider(id).map_or_else(|| id.to_owned(), |p| p.name.get(lang).to_owned())
}

fn spf_result(result: SpfResult, lang: Lang) -> &'static str {
    match result {
        SpfResult::Pass => D::SpfResultPass,
        SpfResult::Fail => D::SpfResultFail,
        SpfResult::SoftFail => D::SpfResultSoftFail,
        SpfResult::Neutral => D::SpfResultNeutral,
        SpfResult::None => D::SpfResultNone,
        SpfResult::TempError => D::SpfResultTempError,
        SpfResult::PermError => D::SpfResultPermError,
    }
    .get(lang)
}

pub fn note(note: &Note, lang: Lang) -> String {
    match note {
        Note::Failed(f) => failure(*f, lang).to_owned(),
        Note::NoDomain => D::NoteNoDomain.get(lang).to_owned(),
        Note::MxNone => D::NoteMxNone.get(lang).to_owned(),
        Note::MxNull => D::NoteMxNull.get(lang).to_owned(),
        Note::MxInvalidHosts(hosts) => D::note_mx_invalid_hosts(lang, &hosts.join(", ")),
        Note::MxProvider(id) => D::note_mx_provider(lang, &provider_name(id, lang)),
        Note::MxUnknownProvider => D::NoteMxUnknownProvider.get(lang).to_owned(),
        Note::MxMismatch { found, chosen } => D::note_mx_mismatch(
            lang,
            &provider_name(chosen, lang),
            &found
                .as_deref()
                .map(|f| provider_name(f, lang))
                .unwrap_or_else(|| D::NoteAnotherServer.get(lang).to_owned()),
        ),
        Note::SpfIssue(issue) => super::spf::issue(issue, lang),
        Note::SpfIp { ip, result } => D::note_spf_ip(lang, &ip.to_string(), spf_result(*result, lang)),
        Note::SpfProvider {
            provider,
            include,
            included,
        } => {
            let provider = provider_name(provider, lang);
            if *included {
                D::note_spf_provider_authorised(lang, include, &provider)
            } else {
                D::note_spf_provider_missing(lang, include, &provider)
            }
        }
        Note::DmarcMissing { suggestion } => D::note_dmarc_missing(lang, suggestion),
        Note::Dmarc(finding) => super::dmarc::finding(finding, lang),
        Note::DmarcSeveral => D::NoteDmarcSeveral.get(lang).to_owned(),
        Note::DmarcInvalid => D::NoteDmarcInvalid.get(lang).to_owned(),
        Note::DkimFound(selector) => D::note_dkim_found(lang, selector),
        Note::DkimRevoked(selector) => D::note_dkim_revoked(lang, selector),
        Note::DkimBadKey(selector) => D::note_dkim_bad_key(lang, selector),
        Note::DkimMissing(selectors) => D::note_dkim_missing(lang, &selectors.join(", ")),
        Note::HostResolves { host, addresses } => D::note_host_resolves(lang, host, &addresses.to_string()),
        Note::HostMissing(host) => D::note_host_missing(lang, host),
    }
}

/// What happened to a record of the SPF tree, when it is not a plain record.
pub fn node_state(state: &NodeState, lang: Lang) -> Option<&'static str> {
    Some(
        match state {
            NodeState::Record { .. } => return None,
            NodeState::NoRecord => D::NodeStateNoRecord,
            NodeState::NxDomain => D::NodeStateNxDomain,
            NodeState::Several(_) => D::NodeStateSeveral,
            NodeState::Invalid { .. } => D::NodeStateInvalid,
            NodeState::DnsError(_) => D::NodeStateDnsError,
            NodeState::Loop => D::NodeStateLoop,
            NodeState::Macro => D::NodeStateMacro,
            NodeState::TooDeep => D::NodeStateTooDeep,
        }
        .get(lang),
    )
}

/// A TTL as a duration people read: "5 minutes", "1 hour", "2 days".
pub fn duration(seconds: u32, lang: Lang) -> String {
    let (n, unit) = match seconds {
        0..=119 => (seconds.max(1), D::UnitSeconds.get(lang)),
        120..=7199 => (seconds / 60, D::UnitMinutes.get(lang)),
        7200..=172_799 => (seconds / 3600, D::UnitHours.get(lang)),
        _ => (seconds / 86_400, D::UnitDays.get(lang)),
    };
    format!("{n} {unit}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_check_button_says_where_the_check_stands() {
        let cases = [
            ((true, true), "Checking"),
            ((false, true), "Check again"),
            ((false, false), "acme.fr"),
        ];
        for ((running, done), words) in cases {
            assert!(
                check_button(running, done, "acme.fr", Lang::En).contains(words),
                "{words}"
            );
        }
    }

    #[test]
    fn durations() {
        let cases = [
            (30, "30 seconds"),
            (300, "5 minutes"),
            (3600, "60 minutes"),
            (86_400, "24 hours"),
            (604_800, "7 days"),
        ];
        for (seconds, expected) in cases {
            assert_eq!(duration(seconds, Lang::En), expected);
        }
    }
}
