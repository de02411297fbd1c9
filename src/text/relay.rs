//! The Microsoft 365 method chooser's and relay's words, in English and French.

use super::pick;
use crate::{
    i18n::Lang,
    m365::{IpRefusal, Method, Question, Reason},
    timeline::Phase,
};

include!(concat!(env!("OUT_DIR"), "/words_relay.rs"));

/// A question of the method screen; the SMTP AUTH one changes once password sign-in is off
/// by default.
pub fn question(question: Question, phase: Phase, lang: Lang) -> &'static str {
    match (question, phase) {
        (Question::External, _) => R::QExternal,
        (Question::SeveralSenders, _) => R::QSeveralSenders,
        (Question::FixedIp, _) => R::QFixedIp,
        (Question::SmtpAuth, Phase::Before { .. }) => R::QSmtpAuth,
        (Question::SmtpAuth, Phase::After) => R::QSmtpAuthAfter,
        (Question::Hosted, _) => R::QHosted,
    }
    .get(lang)
}

/// A stable id of the phase, for the DOM and tests.
pub fn phase_id(phase: Phase) -> &'static str {
    match phase {
        Phase::Before { .. } => "before",
        Phase::After => "after",
    }
}

/// Where the retirement of password sign-in stands today.
pub fn timeline_now(phase: Phase, lang: Lang) -> String {
    use super::T;
    match phase {
        Phase::Before { days_left: 0 } => T::TimelineToday.get(lang).to_owned(),
        Phase::Before { days_left } => {
            let days = match days_left {
                1 => T::OneDay.get(lang).to_owned(),
                n => super::fill(T::Days.get(lang), &[("n", &n.to_string())]),
            };
            super::fill(T::TimelineBefore.get(lang), &[("days", &days)])
        }
        Phase::After => T::TimelineAfter.get(lang).to_owned(),
    }
}

pub fn method(method: Method, lang: Lang) -> &'static str {
    pick(
        lang,
        match method {
            Method::SmtpAuth => R::MethodSmtpAuth.pair(),
            Method::Relay => R::MethodRelay.pair(),
            Method::DirectSend => R::MethodDirectSend.pair(),
            Method::WayOut => R::MethodWayOut.pair(),
        },
    )
}

/// The comparison table: server, port, security, authentication, receivers, limits, needs.
/// SMTP AUTH's needs follow the retirement phase.
pub fn method_facts(method: Method, phase: Phase, lang: Lang) -> [&'static str; 7] {
    let p = |pair| pick(lang, pair);
    match method {
        Method::SmtpAuth => [
            "smtp.office365.com",
            "587",
            "STARTTLS",
            p(R::SmtpAuthAuthentication.pair()),
            p(R::SmtpAuthReceivers.pair()),
            p(R::SmtpAuthLimits.pair()),
            match phase {
                Phase::Before { .. } => p(R::SmtpAuthNeedsBefore.pair()),
                Phase::After => p(R::SmtpAuthNeedsAfter.pair()),
            },
        ],
        Method::Relay => [
            p(R::RelayServer.pair()),
            "25",
            p(R::RelaySecurity.pair()),
            p(R::RelayAuthentication.pair()),
            p(R::RelayReceivers.pair()),
            p(R::RelayLimits.pair()),
            p(R::RelayNeeds.pair()),
        ],
        Method::DirectSend => [
            p(R::DirectSendServer.pair()),
            "25",
            p(R::DirectSendSecurity.pair()),
            p(R::DirectSendAuthentication.pair()),
            p(R::DirectSendReceivers.pair()),
            p(R::DirectSendLimits.pair()),
            p(R::DirectSendNeeds.pair()),
        ],
        Method::WayOut => [
            p(R::WayOutServer.pair()),
            "587",
            "STARTTLS",
            p(R::WayOutAuthentication.pair()),
            p(R::WayOutReceivers.pair()),
            p(R::WayOutLimits.pair()),
            p(R::WayOutNeeds.pair()),
        ],
    }
}

pub fn reason(reason: Reason, phase: Phase, lang: Lang) -> String {
    pick(
        lang,
        match reason {
            // Given only before the change: today's line of the timeline, then what to do.
            Reason::AuthRetiring => {
                return format!(
                    "{} {}",
                    timeline_now(phase, lang),
                    pick(
                        lang,
                        R::ReasonAuthRetiring.pair()
                    )
                );
            }
            Reason::RelayDurable => R::ReasonRelayDurable.pair(),
            Reason::AuthNoFixedIp => R::ReasonAuthNoFixedIp.pair(),
            Reason::AuthOneSender => R::ReasonAuthOneSender.pair(),
            Reason::AuthReenabledUntilRemoval => R::ReasonAuthReenabledUntilRemoval.pair(),
            Reason::HostedSharedIp => R::ReasonHostedSharedIp.pair(),
            Reason::DirectInternalOnly => R::ReasonDirectInternalOnly.pair(),
            Reason::DirectMayBeRejected => R::ReasonDirectMayBeRejected.pair(),
            Reason::WayOutNeeded => R::ReasonWayOutNeeded.pair(),
        },
    )
    .to_owned()
}

pub fn ip_refusal(refusal: IpRefusal, lang: Lang) -> String {
    match refusal {
        IpRefusal::NotIpv4 => pick(
            lang,
            R::IpRefusalNotIpv4.pair(),
        )
        .to_owned(),
        IpRefusal::Special(class) => {
            let why = pick(
                lang,
                match class {
                    crate::ipclass::IpClass::Private => R::IpRefusalPrivate.pair(),
                    crate::ipclass::IpClass::Loopback => {
                        R::IpRefusalLoopback.pair()
                    }
                    crate::ipclass::IpClass::Cgnat => R::IpRefusalCgnat.pair(),
                    crate::ipclass::IpClass::LinkLocal => R::IpRefusalLinkLocal.pair(),
                    crate::ipclass::IpClass::Multicast => R::IpRefusalMulticast.pair(),
                    _ => R::IpRefusalReserved.pair(),
                },
            );
            format!("{} {why}.", pick(lang, R::IpRefusalPrefix.pair()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_line_follows_the_phase() {
        let cases = [
            (Phase::Before { days_left: 39 }, Lang::En, "39 days left at most"),
            (Phase::Before { days_left: 1 }, Lang::Fr, "1 jour au plus"),
            (Phase::Before { days_left: 0 }, Lang::En, "may already have turned"),
            (Phase::After, Lang::Fr, "Depuis fin décembre 2026"),
        ];
        for (phase, lang, words) in cases {
            assert!(timeline_now(phase, lang).contains(words), "{phase:?} {lang:?}");
        }
        assert!(reason(Reason::AuthRetiring, Phase::Before { days_left: 9 }, Lang::En).contains("9 days"));
        assert!(question(Question::SmtpAuth, Phase::After, Lang::En).contains("back on"));
    }

    #[test]
    fn every_label_is_translated() {
        for key in R::ALL {
            let (en, fr) = key.pair();
            assert!(!en.trim().is_empty() && !fr.trim().is_empty(), "{key:?}");
        }
    }
}
