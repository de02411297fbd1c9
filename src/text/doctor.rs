//! The wording of the settings doctor's findings (table [doctor] of the locale files).

use crate::{
    doctor::{Finding, Severity},
    i18n::Lang,
    presets,
};

include!(concat!(env!("OUT_DIR"), "/words_doctor.rs"));

fn provider_name(id: &str, lang: Lang) -> String {
    presets::provider(id).map_or_else(|| id.to_owned(), |p| p.name.get(lang).to_owned())
}

pub fn severity(severity: Severity, lang: Lang) -> &'static str {
    match severity {
        Severity::Problem => K::SeverityProblem,
        Severity::Warning => K::SeverityWarning,
        Severity::Good => K::SeverityGood,
    }
    .get(lang)
}

/// A finding in a sentence; `provider` is the form's provider, when known.
pub fn finding(finding: &Finding, provider: Option<&str>, lang: Lang) -> String {
    let name = || provider.map(|p| provider_name(p, lang)).unwrap_or_default();
    match finding {
        Finding::BadAddress => K::FindingBadAddress.get(lang).to_owned(),
        Finding::ServerUrl(url) => {
            let split = K::finding_server_url(lang, &url.host);
            match url.had_password {
                true => format!("{split} {}", K::FindingServerUrlPassword.get(lang)),
                false => split,
            }
        }
        Finding::HostIsAddress => K::FindingHostIsAddress.get(lang).to_owned(),
        Finding::HostTypo { expected } => K::finding_host_typo(lang, expected),
        Finding::OtherProvidersHost { expected, other } => {
            K::finding_other_providers_host(lang, expected, &provider_name(other, lang))
        }
        Finding::UnknownHost { expected } => K::finding_unknown_host(lang, expected),
        Finding::NoHost => K::FindingNoHost.get(lang).to_owned(),
        Finding::BadPort => K::FindingBadPort.get(lang).to_owned(),
        Finding::PortSecurity { port, expected } => {
            K::finding_port_security(lang, &port.to_string(), super::security(*expected, lang))
        }
        Finding::Port25 { expected } => K::finding_port_25(lang, &expected.to_string()),
        Finding::UnusualPort { expected } => K::finding_unusual_port(lang, &expected.to_string()),
        Finding::UserForm { expected } => K::finding_user_form(lang, expected),
        Finding::UserOtherMailbox => K::FindingUserOtherMailbox.get(lang).to_owned(),
        Finding::NoUser => K::FindingNoUser.get(lang).to_owned(),
        Finding::NeedsAppPassword => K::finding_needs_app_password(lang, &name()),
        Finding::PasswordsRefused => match provider.and_then(presets::provider).map(|p| p.auth) {
            Some(presets::AuthKind::NoSmtp) => K::finding_no_smtp(lang, &name()),
            _ => K::finding_passwords_refused(lang, &name()),
        },
        Finding::BasicAuthRetiring { after: false } => K::FindingBasicAuthBefore.get(lang).to_owned(),
        Finding::BasicAuthRetiring { after: true } => K::FindingBasicAuthAfter.get(lang).to_owned(),
        Finding::RelaySenderOutside { relay_domain } => K::finding_relay_sender_outside(lang, relay_domain),
        Finding::Error { pattern } => {
            let meaning = presets::errors()
                .iter()
                .find(|e| &e.id == pattern)
                .map(|e| e.meaning.get(lang))
                .unwrap_or_default();
            K::finding_error(lang, meaning)
        }
        Finding::Consistent => K::FindingConsistent.get(lang).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::Security;

    #[test]
    fn findings_in_both_languages() {
        let cases = [
            (
                Finding::PortSecurity {
                    port: 587,
                    expected: Security::Starttls,
                },
                Some("gmail"),
                Lang::En,
                "Port 587 goes with STARTTLS",
            ),
            (
                Finding::OtherProvidersHost {
                    expected: "smtp.orange.fr".into(),
                    other: "free".into(),
                },
                Some("orange"),
                Lang::Fr,
                "celui de Free",
            ),
            (
                Finding::PasswordsRefused,
                Some("outlook"),
                Lang::En,
                "accepts no password from applications",
            ),
            (
                Finding::PasswordsRefused,
                Some("proton-personal"),
                Lang::Fr,
                "aucun accès SMTP",
            ),
            (
                Finding::Error {
                    pattern: "gmail-app-password-required".into(),
                },
                Some("gmail"),
                Lang::En,
                "The error message: ",
            ),
        ];
        for (finding, provider, lang, words) in cases {
            let text = super::finding(&finding, provider, lang);
            assert!(text.contains(words), "{finding:?}: {text}");
        }
    }
}
