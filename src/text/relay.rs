//! The Microsoft 365 method chooser's and relay's words (table [relay] of the locale files),
//! worded for the phase of the basic-authentication retirement.

use super::pick;
use crate::{
    dns::{
        checks::{Published, SelectorRecord},
        dkim::Key,
    },
    i18n::Lang,
    m365::{self, IpRefusal, Method, MxReading, Question, Reason, RelayMissing, Verification, WhoamiError},
    presets::Provider,
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
    use super::screens::W;
    match phase {
        Phase::Before { days_left: 0 } => W::TimelineToday.get(lang).to_owned(),
        Phase::Before { days_left } => {
            let days = match days_left {
                1 => W::OneDay.get(lang).to_owned(),
                n => W::days(lang, &n.to_string()),
            };
            W::timeline_before(lang, &days)
        }
        Phase::After => W::TimelineAfter.get(lang).to_owned(),
    }
}

pub fn method(method: Method, lang: Lang) -> &'static str {
    match method {
        Method::SmtpAuth => R::MethodSmtpAuth,
        Method::Relay => R::MethodRelay,
        Method::DirectSend => R::MethodDirectSend,
        Method::WayOut => R::MethodWayOut,
    }
    .get(lang)
}

/// The comparison table: server, port, security, authentication, receivers, limits, needs.
/// The servers and ports are `provider`'s (its submission server and its MX relay), the
/// ways out's those of the sending services when they all share one; SMTP AUTH's needs
/// follow the retirement phase.
pub fn method_facts(provider: &Provider, method: Method, phase: Phase, lang: Lang) -> [String; 7] {
    let relay_port = || provider.relay.as_ref().map(|r| r.port.to_string()).unwrap_or_default();
    let [server, port, security] = match method {
        Method::SmtpAuth => match &provider.smtp {
            Some(smtp) => [
                smtp.host.clone(),
                smtp.port.to_string(),
                super::security(smtp.security, lang).to_owned(),
            ],
            None => Default::default(),
        },
        Method::Relay => [
            R::RelayServer.get(lang).to_owned(),
            relay_port(),
            R::RelaySecurity.get(lang).to_owned(),
        ],
        Method::DirectSend => [
            R::DirectSendServer.get(lang).to_owned(),
            relay_port(),
            R::DirectSendSecurity.get(lang).to_owned(),
        ],
        Method::WayOut => {
            let mut servers = crate::presets::sending_services().filter_map(|p| p.smtp.as_ref());
            let first = servers.next();
            let shared = first.filter(|f| servers.all(|s| (s.port, s.security) == (f.port, f.security)));
            let own = || R::WayOutServer.get(lang).to_owned();
            [
                own(),
                shared.map_or_else(own, |s| s.port.to_string()),
                shared.map_or_else(own, |s| super::security(s.security, lang).to_owned()),
            ]
        }
    };
    let [authentication, receivers, limits, needs] = match method {
        Method::SmtpAuth => [
            R::SmtpAuthAuthentication,
            R::SmtpAuthReceivers,
            R::SmtpAuthLimits,
            match phase {
                Phase::Before { .. } => R::SmtpAuthNeedsBefore,
                Phase::After => R::SmtpAuthNeedsAfter,
            },
        ],
        Method::Relay => [R::RelayAuthentication, R::RelayReceivers, R::RelayLimits, R::RelayNeeds],
        Method::DirectSend => [
            R::DirectSendAuthentication,
            R::DirectSendReceivers,
            R::DirectSendLimits,
            R::DirectSendNeeds,
        ],
        Method::WayOut => [
            R::WayOutAuthentication,
            R::WayOutReceivers,
            R::WayOutLimits,
            R::WayOutNeeds,
        ],
    }
    .map(|key| key.get(lang).to_owned());
    [server, port, security, authentication, receivers, limits, needs]
}

pub fn reason(reason: Reason, phase: Phase, lang: Lang) -> String {
    match reason {
        // Given only before the change: today's line of the timeline, then what to do.
        Reason::AuthRetiring => {
            return format!("{} {}", timeline_now(phase, lang), R::ReasonAuthRetiring.get(lang));
        }
        Reason::RelayDurable => R::ReasonRelayDurable,
        Reason::AuthNoFixedIp => R::ReasonAuthNoFixedIp,
        Reason::AuthOneSender => R::ReasonAuthOneSender,
        Reason::AuthReenabledUntilRemoval => R::ReasonAuthReenabledUntilRemoval,
        Reason::HostedSharedIp => R::ReasonHostedSharedIp,
        Reason::DirectInternalOnly => R::ReasonDirectInternalOnly,
        Reason::DirectMayBeRejected => R::ReasonDirectMayBeRejected,
        Reason::WayOutNeeded => R::ReasonWayOutNeeded,
    }
    .get(lang)
    .to_owned()
}

/// What a relay step still needs, as its message.
pub fn missing(missing: RelayMissing) -> R {
    match missing {
        RelayMissing::Domain => R::NoDomain,
        RelayMissing::Ips => R::IpsNeeded,
    }
}

/// The relay's reading of the domain's MX records, as a sentence.
pub fn mx_reading(reading: &MxReading, lang: Lang) -> String {
    match reading {
        MxReading::Provider(host) => R::mx_is(lang, host),
        MxReading::Elsewhere(hosts) => R::mx_not_microsoft(lang, &hosts.join(", ")),
        MxReading::Failed(error) => R::mx_failed(lang, &super::dns::lookup_error(error, lang)),
    }
}

/// What a site's address as typed comes to, as a class ("ok", "warning", "error") and words;
/// nothing while the field is empty.
pub fn site_verdict(typed: &str, lang: Lang) -> Option<(&'static str, String)> {
    if typed.trim().is_empty() {
        return None;
    }
    Some(match m365::site_ip(typed) {
        Ok((ip, true)) => ("warning", R::documentation_ip(lang, &ip.to_string())),
        Ok(_) => ("ok", "✓".to_owned()),
        Err(refusal) => ("error", ip_refusal(refusal, lang)),
    })
}

/// The network's public address as found, as a class ("ok", "warning", "error") and words.
pub fn public_ip(found: &Result<(std::net::Ipv4Addr, bool), WhoamiError>, lang: Lang) -> (&'static str, String) {
    match found {
        Ok((ip, false)) => ("ok", R::public_ip_found(lang, &ip.to_string())),
        Ok((ip, true)) => ("warning", R::documentation_ip(lang, &ip.to_string())),
        Err(WhoamiError::Lookup(error)) => (
            "error",
            R::public_ip_failed(lang, &super::dns::lookup_error(error, lang)),
        ),
        Err(WhoamiError::Refused(seen, why)) => ("error", R::public_ip_refused(lang, seen, &ip_refusal(*why, lang))),
    }
}

/// The final check's lines, each passed or not: the MX, then every site's SPF result.
pub fn verification(v: &Verification, lang: Lang) -> Vec<(bool, String)> {
    let mx = if v.mx_is_provider() {
        R::VerifyMxOk
    } else {
        R::VerifyMxBad
    };
    let sites = v.ips.iter().map(|(ip, result)| {
        let passed = *result == crate::spf::SpfResult::Pass;
        (passed, R::verify_ip(lang, &ip.to_string(), result.name()))
    });
    std::iter::once((v.mx_is_provider(), mx.get(lang).to_owned()))
        .chain(sites)
        .collect()
}

/// Whether everything is in place, and the final check's conclusion.
pub fn verification_conclusion(v: &Verification, lang: Lang) -> (bool, &'static str) {
    let complete = v.complete();
    (
        complete,
        if complete { R::VerifyDone } else { R::VerifyMissing }.get(lang),
    )
}

pub fn ip_refusal(refusal: IpRefusal, lang: Lang) -> String {
    match refusal {
        IpRefusal::NotIpv4 => pick(lang, R::IpRefusalNotIpv4.pair()).to_owned(),
        IpRefusal::Special(class) => {
            let why = match class {
                crate::ipclass::IpClass::Private => R::IpRefusalPrivate,
                crate::ipclass::IpClass::Loopback => R::IpRefusalLoopback,
                crate::ipclass::IpClass::Cgnat => R::IpRefusalCgnat,
                crate::ipclass::IpClass::LinkLocal => R::IpRefusalLinkLocal,
                crate::ipclass::IpClass::Multicast => R::IpRefusalMulticast,
                _ => R::IpRefusalReserved,
            }
            .get(lang);
            format!("{} {why}.", R::IpRefusalPrefix.get(lang))
        }
    }
}

/// One selector's DKIM record, as the walkthrough shows it.
pub fn dkim_record(record: &SelectorRecord, domain: &str, lang: Lang) -> String {
    let name = format!("{}._domainkey.{domain}", record.selector);
    match &record.published {
        Published::Cname(target) => R::dkim_cname(lang, &name, target),
        Published::Key(Key::Valid) => R::dkim_key(lang, &name),
        Published::Key(Key::Invalid) => R::dkim_bad_key(lang, &name),
        Published::Key(Key::Revoked) => R::dkim_revoked(lang, &name),
        Published::Missing => R::dkim_missing(lang, &name),
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

    /// The comparison's servers, ports and security are the preset's, in the page's words.
    #[test]
    fn the_comparison_reads_the_preset() {
        let m365 = crate::presets::provider("microsoft365").unwrap();
        let before = Phase::Before { days_left: 9 };
        let cases = [
            (Method::SmtpAuth, Lang::En, ["smtp.office365.com", "587", "STARTTLS"]),
            (
                Method::Relay,
                Lang::En,
                [R::RelayServer.get(Lang::En), "25", R::RelaySecurity.get(Lang::En)],
            ),
            (
                Method::DirectSend,
                Lang::Fr,
                [
                    R::DirectSendServer.get(Lang::Fr),
                    "25",
                    R::DirectSendSecurity.get(Lang::Fr),
                ],
            ),
            (
                Method::WayOut,
                Lang::Fr,
                [R::WayOutServer.get(Lang::Fr), "587", "STARTTLS"],
            ),
        ];
        for (method, lang, expected) in cases {
            let facts = method_facts(m365, method, before, lang);
            assert_eq!(facts[..3], expected.map(str::to_owned), "{method:?}");
            assert!(facts.iter().all(|fact| !fact.is_empty()), "{method:?}: {facts:?}");
        }
        let needs = |phase| method_facts(m365, Method::SmtpAuth, phase, Lang::En)[6].clone();
        assert_ne!(needs(before), needs(Phase::After));
    }

    #[test]
    fn site_addresses_as_typed() {
        let cases = [
            ("", None),
            ("203.0.114.10", Some(("ok", "✓"))),
            ("203.0.113.10", Some(("warning", "documentation"))),
            ("192.168.1.20", Some(("error", "private"))),
        ];
        for (typed, expected) in cases {
            let got = site_verdict(typed, Lang::En);
            match expected {
                None => assert_eq!(got, None),
                Some((class, words)) => {
                    let (got_class, got_words) = got.unwrap();
                    assert_eq!(got_class, class, "{typed}");
                    assert!(got_words.contains(words), "{typed}: {got_words}");
                }
            }
        }
    }
}
