//! The DNS checks' words, in English and French.

use super::pick;
use crate::{
    dns::checks::{CheckKind, Note, Status},
    i18n::Lang,
    presets,
    resolver::Failure,
    spf::{NodeState, SpfResult},
    text::fill,
};

/// What went wrong with a look-up, in plain words.
pub fn failure(failure: Failure, lang: Lang) -> &'static str {
    pick(
        lang,
        match failure {
            Failure::Timeout => D::FailureTimeout.pair(),
            Failure::Network => D::FailureNetwork.pair(),
            Failure::Http(_) => D::FailureHttp.pair(),
            Failure::ServerFailure(2) => D::FailureServerFailure2.pair(),
            Failure::ServerFailure(_) => D::FailureServerFailure.pair(),
            Failure::Truncated => D::FailureTruncated.pair(),
            Failure::Malformed => D::FailureMalformed.pair(),
            Failure::Redirected => D::FailureRedirected.pair(),
            Failure::CnameLoop => D::FailureCnameLoop.pair(),
        },
    )
}

include!(concat!(env!("OUT_DIR"), "/words_dns.rs"));

pub fn kind(kind: CheckKind, lang: Lang) -> &'static str {
    pick(
        lang,
        match kind {
            CheckKind::Mx => D::KindMx.pair(),
            CheckKind::Spf => D::KindSpf.pair(),
            CheckKind::Dmarc => D::KindDmarc.pair(),
            CheckKind::Dkim => D::KindDkim.pair(),
            CheckKind::SmtpHost => D::KindSmtpHost.pair(),
        },
    )
}

pub fn status(status: Status, lang: Lang) -> &'static str {
    pick(
        lang,
        match status {
            Status::Ok => D::StatusOk.pair(),
            Status::Warning => D::StatusWarning.pair(),
            Status::Problem => D::StatusProblem.pair(),
            Status::Unknown => D::StatusUnknown.pair(),
        },
    )
}

fn provider_name(id: &str, lang: Lang) -> String {
    presets::provider(id).map_or_else(|| id.to_owned(), |p| p.name.get(lang).to_owned())
}

fn spf_result(result: SpfResult, lang: Lang) -> &'static str {
    pick(
        lang,
        match result {
            SpfResult::Pass => D::SpfResultPass.pair(),
            SpfResult::Fail => D::SpfResultFail.pair(),
            SpfResult::SoftFail => D::SpfResultSoftFail.pair(),
            SpfResult::Neutral => D::SpfResultNeutral.pair(),
            SpfResult::None => D::SpfResultNone.pair(),
            SpfResult::TempError => D::SpfResultTempError.pair(),
            SpfResult::PermError => D::SpfResultPermError.pair(),
        },
    )
}

pub fn note(note: &Note, lang: Lang) -> String {
    let text = |pair| pick(lang, pair).to_owned();
    let with = |pair, values: &[(&str, &str)]| fill(pick(lang, pair), values);
    match note {
        Note::Failed(f) => failure(*f, lang).to_owned(),
        Note::NoDomain => text(D::NoteNoDomain.pair()),
        Note::MxNone => text(D::NoteMxNone.pair()),
        Note::MxNull => text(D::NoteMxNull.pair()),
        Note::MxInvalidHosts(hosts) => with(
            D::NoteMxInvalidHosts.pair(),
            &[("hosts", &hosts.join(", "))],
        ),
        Note::MxProvider(id) => with(
            D::NoteMxProvider.pair(),
            &[("provider", &provider_name(id, lang))],
        ),
        Note::MxUnknownProvider => text(D::NoteMxUnknownProvider.pair()),
        Note::MxMismatch { found, chosen } => with(
            D::NoteMxMismatch.pair(),
            &[
                ("chosen", &provider_name(chosen, lang)),
                (
                    "found",
                    &found
                        .as_deref()
                        .map(|f| provider_name(f, lang))
                        .unwrap_or_else(|| pick(lang, D::NoteAnotherServer.pair()).to_owned()),
                ),
            ],
        ),
        Note::SpfIssue(issue) => super::spf::issue(issue, lang),
        Note::SpfIp { ip, result } => with(
            D::NoteSpfIp.pair(),
            &[("ip", &ip.to_string()), ("result", spf_result(*result, lang))],
        ),
        Note::SpfProvider {
            provider,
            include,
            included,
        } => {
            let pair = if *included {
                D::NoteSpfProviderAuthorised.pair()
            } else {
                D::NoteSpfProviderMissing.pair()
            };
            with(
                pair,
                &[("provider", &provider_name(provider, lang)), ("include", include)],
            )
        }
        Note::DmarcMissing { suggestion } => with(
            D::NoteDmarcMissing.pair(),
            &[("suggestion", suggestion)],
        ),
        Note::DmarcPolicy(p) => {
            let meaning = pick(
                lang,
                match p.as_str() {
                    "reject" => D::NoteReject.pair(),
                    "quarantine" => D::NoteQuarantine.pair(),
                    _ => D::NoteDmarcReportOnly.pair(),
                },
            );
            with(
                D::NoteDmarcPolicy.pair(),
                &[("p", p), ("meaning", meaning)],
            )
        }
        Note::DmarcSeveral => text(D::NoteDmarcSeveral.pair()),
        Note::DmarcInvalid => text(D::NoteDmarcInvalid.pair()),
        Note::DkimFound(selector) => with(
            D::NoteDkimFound.pair(),
            &[("selector", selector)],
        ),
        Note::DkimRevoked(selector) => with(
            D::NoteDkimRevoked.pair(),
            &[("selector", selector)],
        ),
        Note::DkimBadKey(selector) => with(
            D::NoteDkimBadKey.pair(),
            &[("selector", selector)],
        ),
        Note::DkimMissing(selectors) => with(
            D::NoteDkimMissing.pair(),
            &[("selectors", &selectors.join(", "))],
        ),
        Note::HostResolves { host, addresses } => with(
            D::NoteHostResolves.pair(),
            &[("host", host), ("n", &addresses.to_string())],
        ),
        Note::HostMissing(host) => with(
            D::NoteHostMissing.pair(),
            &[("host", host)],
        ),
    }
}

/// What happened to a record of the SPF tree, when it is not a plain record.
pub fn node_state(state: &NodeState, lang: Lang) -> Option<&'static str> {
    Some(pick(
        lang,
        match state {
            NodeState::Record { .. } => return None,
            NodeState::NoRecord => D::NodeStateNoRecord.pair(),
            NodeState::NxDomain => D::NodeStateNxDomain.pair(),
            NodeState::Several(_) => D::NodeStateSeveral.pair(),
            NodeState::Invalid { .. } => D::NodeStateInvalid.pair(),
            NodeState::DnsError(_) => D::NodeStateDnsError.pair(),
            NodeState::Loop => D::NodeStateLoop.pair(),
            NodeState::Macro => D::NodeStateMacro.pair(),
            NodeState::TooDeep => D::NodeStateTooDeep.pair(),
        },
    ))
}

/// A TTL as a duration people read: "5 minutes", "1 hour", "2 days".
pub fn duration(seconds: u32, lang: Lang) -> String {
    let (n, unit) = match seconds {
        0..=119 => (seconds.max(1), pick(lang, D::UnitSeconds.pair())),
        120..=7199 => (seconds / 60, pick(lang, D::UnitMinutes.pair())),
        7200..=172_799 => (seconds / 3600, pick(lang, D::UnitHours.pair())),
        _ => (seconds / 86_400, pick(lang, D::UnitDays.pair())),
    };
    format!("{n} {unit}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_is_translated() {
        for key in D::ALL {
            let (en, fr) = key.pair();
            assert!(!en.trim().is_empty() && !fr.trim().is_empty(), "{key:?}");
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
