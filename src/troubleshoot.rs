//! Reading a pasted error: which known errors it matches, best first, from the patterns of
//! `presets/errors/`.

use crate::{
    presets::{self, ErrorPattern},
    url_state::{Tool, UrlState},
    wizard::{self, Route},
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub pattern: &'static ErrorPattern,
    pub score: usize,
}

/// The longest pasted text read, in characters: a whole transcript or stack trace fits, and a
/// pasted file of megabytes does not freeze the page.
pub const MAX_PASTE: usize = 20_000;

/// `text` cut to `MAX_PASTE` characters, and whether it was cut.
pub fn capped(text: &str) -> (&str, bool) {
    match text.char_indices().nth(MAX_PASTE) {
        Some((end, _)) => (&text[..end], true),
        None => (text, false),
    }
}

/// Bonus for a pattern typical of the provider chosen in the wizard.
const TYPICAL_BONUS: usize = 8;

/// Lower case, whitespace collapsed, typographic apostrophes made plain.
fn normalise(text: &str) -> String {
    text.to_lowercase()
        .replace(['\u{2019}', '\u{2018}'], "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The known errors `text` matches, most specific first: a pattern scores the length of the
/// fragments found, plus a bonus when it is typical of `provider`.
pub fn diagnose(text: &str, provider: Option<&str>) -> Vec<Match> {
    let text = normalise(text);
    let mut matches: Vec<Match> = presets::errors()
        .iter()
        .filter(|p| p.require.iter().all(|r| text.contains(r.as_str())))
        .filter_map(|pattern| {
            let found: usize = pattern
                .fragments
                .iter()
                .filter(|f| text.contains(f.as_str()))
                .map(String::len)
                .sum();
            let typical = provider.is_some_and(|id| pattern.providers.iter().any(|p| p == id));
            (found > 0).then(|| Match {
                pattern,
                score: found + if typical { TYPICAL_BONUS } else { 0 },
            })
        })
        .collect();
    matches.sort_by_key(|m| std::cmp::Reverse(m.score));
    matches
}

/// The SMTP reply code and enhanced status code in `text`, e.g. `535` and `5.7.8`.
pub fn codes(text: &str) -> (Option<u16>, Option<String>) {
    let bytes = text.as_bytes();
    let is_digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let boundary = |i: Option<usize>| i.is_none_or(|i| !bytes.get(i).is_some_and(u8::is_ascii_alphanumeric));
    let reply = (0..bytes.len()).find_map(|i| {
        let candidate = (b"2345".contains(&bytes[i]) && is_digit(i + 1) && is_digit(i + 2))
            .then_some(i)
            .filter(|&i| {
                boundary(i.checked_sub(1))
                    && matches!(bytes.get(i + 3), Some(b' ' | b'-'))
                    && !matches!(bytes.get(i + 1), Some(b'.'))
            });
        candidate.and_then(|i| text[i..i + 3].parse().ok())
    });
    let enhanced = (0..bytes.len()).find_map(|i| {
        if !(b"245".contains(&bytes[i]) && bytes.get(i + 1) == Some(&b'.') && boundary(i.checked_sub(1))) {
            return None;
        }
        let rest = &text[i + 2..];
        let (subject, after) = rest.split_once('.')?;
        let detail: String = after.chars().take_while(char::is_ascii_digit).collect();
        let ok = (1..=3).contains(&subject.len())
            && subject.bytes().all(|b| b.is_ascii_digit())
            && (1..=3).contains(&detail.len());
        ok.then(|| format!("{}.{subject}.{detail}", &text[i..i + 1]))
    });
    (reply, enhanced)
}

/// Where a pattern's fix is: a step of a provider's path, the settings card, or the DNS tool.
pub fn fix_target(pattern: &ErrorPattern, state: &UrlState) -> Option<UrlState> {
    let link = pattern.link.as_ref()?;
    if link.step == "tool-dns" {
        return Some(UrlState {
            tool: Some(Tool::Dns),
            ..state.clone()
        });
    }
    let provider = link.provider.clone().or_else(|| state.route.provider.clone())?;
    let route = Route {
        provider: Some(provider.clone()),
        step: link.step.clone(),
        ..state.route.clone()
    };
    let route = if route.has_step(&route.step) {
        route
    } else {
        Route {
            step: wizard::SETTINGS.into(),
            ..route
        }
    };
    route.has_step(&route.step).then(|| UrlState {
        tool: None,
        route,
        ..state.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_fix_opens_where_it_is_made() {
        let from = |provider: Option<&str>| UrlState {
            route: Route {
                provider: provider.map(Into::into),
                domain: Some("acme.fr".into()),
                step: wizard::SETTINGS.into(),
            },
            tool: Some(Tool::Errors),
            ..UrlState::default()
        };
        let target = |id: &str, state: &UrlState| {
            let pattern = presets::errors()
                .iter()
                .find(|p| p.id == id)
                .unwrap_or_else(|| panic!("{id}"));
            fix_target(pattern, state).map(|s| (s.tool, s.route.provider, s.route.step))
        };
        for pattern in presets::errors() {
            if let Some(state) = fix_target(pattern, &from(Some("microsoft365"))) {
                assert!(
                    state.tool == Some(Tool::Dns) || state.route.has_step(&state.route.step),
                    "{}",
                    pattern.id
                );
            }
        }
        let cases = [
            (
                "gmail-app-password-required",
                None,
                Some((None, Some("gmail".to_owned()), "google-app-passwords".to_owned())),
            ),
            (
                "gmail-unauthenticated-sender",
                Some("gmail"),
                Some((Some(Tool::Dns), Some("gmail".to_owned()), wizard::SETTINGS.to_owned())),
            ),
            (
                "m365-smtp-auth-disabled-tenant",
                Some("orange"),
                Some((None, Some("microsoft365".to_owned()), "m365-smtp-auth".to_owned())),
            ),
        ];
        for (id, provider, expected) in cases {
            assert_eq!(target(id, &from(provider)), expected, "{id}");
        }
    }

    /// Real error texts, as applications and bounces show them, and the cause each must be
    /// read as first (with the provider chosen in the wizard, if any).
    const CASES: &[(&str, Option<&str>, &str)] = &[
        (
            "534-5.7.9 Application-specific password required. Learn more at https://support.google.com/mail/?p=InvalidSecondFactor",
            None,
            "gmail-app-password-required",
        ),
        (
            "Mailbox unavailable. The server response was: 5.7.9 Application-specific password required",
            Some("gmail"),
            "gmail-app-password-required",
        ),
        (
            "SMTP Error: 534 5.7.9 Application-specific password required",
            None,
            "gmail-app-password-required",
        ),
        (
            "535-5.7.8 Username and Password not accepted. For more information, go to https://support.google.com/mail/?p=BadCredentials",
            None,
            "gmail-bad-credentials",
        ),
        (
            "535 5.7.8 BadCredentials d2e1a72fcca58-7b3a",
            Some("gmail"),
            "gmail-bad-credentials",
        ),
        (
            "Erreur SMTP : 535-5.7.8 Username and Password not accepted.",
            Some("google-workspace"),
            "gmail-bad-credentials",
        ),
        (
            "550-5.7.26 This mail has been blocked because the sender is unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM.",
            None,
            "gmail-unauthenticated-sender",
        ),
        (
            "550-5.7.26 Unauthenticated email from acme.fr is not accepted due to domain's DMARC policy.",
            None,
            "gmail-unauthenticated-sender",
        ),
        (
            "550-5.4.5 Daily user sending limit exceeded. For more information on Gmail sending limits go to",
            None,
            "gmail-daily-limit",
        ),
        (
            "The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.0 Authentication Required.",
            Some("gmail"),
            "smtp-auth-required-dotnet",
        ),
        (
            "Le serveur SMTP requiert une connexion sécurisée ou le client n'était pas authentifié. La réponse du serveur était : 5.7.0 Authentication Required.",
            None,
            "smtp-auth-required-dotnet",
        ),
        (
            "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.",
            None,
            "m365-smtp-auth-disabled-tenant",
        ),
        (
            "Error: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.",
            Some("microsoft365"),
            "m365-smtp-auth-disabled-tenant",
        ),
        (
            "535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [PR3P191CA0012.EURP191.PROD.OUTLOOK.COM]",
            Some("outlook"),
            "microsoft-basic-auth-disabled",
        ),
        (
            "Échec de l'envoi : 535 5.7.139 Authentication unsuccessful, basic authentication is disabled.",
            None,
            "microsoft-basic-auth-disabled",
        ),
        (
            "535 5.7.3 Authentication unsuccessful [AM0PR02CA0101.eurprd02.prod.outlook.com]",
            Some("microsoft365"),
            "microsoft-auth-unsuccessful",
        ),
        (
            "550 5.7.30 Basic authentication is not supported for Client Submission.",
            None,
            "m365-basic-auth-client-submission",
        ),
        (
            "530 5.7.57 Client not authenticated to send mail. Error: 530 5.7.57 Client was not authenticated to send anonymous mail during MAIL FROM",
            None,
            "m365-client-not-authenticated",
        ),
        (
            "Mailbox unavailable. The server response was: 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM",
            Some("microsoft365"),
            "m365-client-not-authenticated",
        ),
        (
            "451 5.7.3 STARTTLS is required to send mail [PA7P264CA0123.FRAP264.PROD.OUTLOOK.COM]",
            None,
            "starttls-required",
        ),
        (
            "530 5.7.0 Must issue a STARTTLS command first. o12sm1234567wrb.45 - gsmtp",
            None,
            "starttls-required",
        ),
        (
            "550 5.7.64 TenantAttribution; Relay Access Denied [DB5EUR03FT012.eop-EUR03.prod.protection.outlook.com]",
            None,
            "m365-relay-access-denied",
        ),
        (
            "550 5.7.68 TenantInboundAttribution; Direct Send not allowed for this organization",
            None,
            "m365-direct-send-rejected",
        ),
        (
            "550 5.7.515 Access denied, sending domain acme.fr does not meet the required authentication level.",
            None,
            "outlook-com-authentication-level",
        ),
        (
            "554 5.2.252 SendAsDenied; factures@acme.fr not allowed to send as noreply@acme.fr",
            None,
            "m365-send-as-denied",
        ),
        (
            "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator.",
            None,
            "m365-security-defaults",
        ),
        (
            "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy",
            Some("microsoft365"),
            "m365-security-defaults",
        ),
        (
            "535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.",
            None,
            "m365-conditional-access",
        ),
        (
            "550 5.7.60 SMTP; Client does not have permissions to send as this sender",
            None,
            "m365-send-as-smtp-auth",
        ),
        (
            "Mailbox unavailable. The server response was: 5.7.60 SMTP; Client does not have permissions to send as this sender [PR1P264MB1234.FRAP264.PROD.OUTLOOK.COM]",
            Some("microsoft365"),
            "m365-send-as-smtp-auth",
        ),
        (
            "550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP.",
            None,
            "m365-ip-not-accepted",
        ),
        (
            "554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException; Failed to process message due to a permanent exception",
            Some("microsoft365"),
            "m365-sending-limit",
        ),
        (
            "554 5.7.1 <client@example.com>: Relay access denied",
            Some("orange"),
            "relay-denied",
        ),
        ("550 5.7.1 Unable to relay for client@example.com", None, "relay-denied"),
        ("Le serveur a répondu : 550 relais refusé", Some("sfr"), "relay-denied"),
        (
            "535 5.7.8 Error: authentication failed: authentication failure",
            Some("free"),
            "authentication-failed",
        ),
        ("535 Authentication failed", Some("orange"), "authentication-failed"),
        (
            "Échec de l'authentification SMTP : identifiants incorrects",
            Some("laposte"),
            "authentication-failed",
        ),
        (
            "553 5.7.1 <noreply@acme.fr>: Sender address rejected: not owned by user contact@acme.fr",
            Some("ovh"),
            "mailbox-unavailable-sender",
        ),
        ("connect ECONNREFUSED 51.68.0.1:465", None, "connection-refused"),
        (
            "No connection could be made because the target machine actively refused it 52.97.1.1:25",
            None,
            "connection-refused",
        ),
        (
            "Impossible de se connecter au serveur : connexion refusée",
            None,
            "connection-refused",
        ),
        (
            "Connection timed out after 30000 ms (smtp.office365.com:25)",
            None,
            "connection-timeout",
        ),
        (
            "A connection attempt failed because the connected party did not properly respond after a period of time",
            None,
            "connection-timeout",
        ),
        (
            "Le délai d'attente de l'opération a expiré.",
            None,
            "connection-timeout",
        ),
        (
            "error:1408F10B:SSL routines:ssl3_get_record:wrong version number",
            None,
            "tls-wrong-version",
        ),
        (
            "The handshake failed due to an unexpected packet format.",
            None,
            "tls-wrong-version",
        ),
        (
            "Received fatal alert: handshake_failure; SSL handshake failed",
            None,
            "tls-handshake-failed",
        ),
        (
            "The remote certificate is invalid according to the validation procedure: RemoteCertificateNameMismatch",
            None,
            "tls-name-mismatch",
        ),
        (
            "Hostname/IP does not match certificate's altnames: Host: 10.0.0.5. is not in the cert's altnames",
            None,
            "tls-name-mismatch",
        ),
        ("No such host is known (smtp.gmial.com)", None, "host-not-found"),
        ("getaddrinfo ENOTFOUND smtp.orange.fr ", None, "host-not-found"),
        ("Hôte inconnu : smtp.sfr.fr", None, "host-not-found"),
    ];

    #[test]
    fn real_errors_are_read_as_their_cause() {
        assert!(CASES.len() >= 40);
        for (text, provider, expected) in CASES {
            let matches = diagnose(text, *provider);
            let first = matches.first().map(|m| m.pattern.id.as_str());
            assert_eq!(
                first,
                Some(*expected),
                "{text:?} with {provider:?}: {:?}",
                matches.iter().map(|m| (&m.pattern.id, m.score)).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn unrelated_text_matches_nothing() {
        for text in ["", "hello", "Message sent successfully", "250 2.0.0 OK queued as 1234"] {
            assert_eq!(diagnose(text, Some("gmail")), vec![], "{text}");
        }
    }

    #[test]
    fn reply_and_enhanced_codes() {
        let cases = [
            (
                "535-5.7.8 Username and Password not accepted",
                (Some(535), Some("5.7.8")),
            ),
            ("Error: 451 5.7.3 STARTTLS is required", (Some(451), Some("5.7.3"))),
            (
                "The server response was: 5.7.0 Authentication Required",
                (None, Some("5.7.0")),
            ),
            ("connect ECONNREFUSED 51.68.0.1:465", (None, None)),
            ("554 5.2.252 SendAsDenied", (Some(554), Some("5.2.252"))),
        ];
        for (text, (reply, enhanced)) in cases {
            assert_eq!(codes(text), (reply, enhanced.map(String::from)), "{text}");
        }
    }
}
