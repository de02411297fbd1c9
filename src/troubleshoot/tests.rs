//! Real error texts, as applications and bounces show them, and how each must be read.

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
        fix_target(pattern, state, state.route.provider.as_deref()).map(|s| (s.tool, s.route.provider, s.route.step))
    };
    for pattern in presets::errors() {
        if let Some(state) = fix_target(pattern, &from(Some("microsoft365")), Some("microsoft365")) {
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

/// Errors as users paste them (wrappers, noise, languages), issue 28's causes: with the
/// provider chosen if any, the pattern that must lead, where its fix opens (provider and
/// step), and the codes shown.
#[rustfmt::skip]
const PASTED: &[(&str, Option<&str>, &str, Option<(&str, &str)>, (Option<u16>, Option<&str>))] = &[
    // Python and .NET wrappers around Google's reply.
    ("Traceback (most recent call last):\n  File \"/app/mailer.py\", line 42, in send\n    server.login(user, password)\n  File \"/usr/lib/python3.12/smtplib.py\", line 750, in login\n    raise last_exception\nsmtplib.SMTPAuthenticationError: (535, b'5.7.8 Username and Password not accepted. For more information, go to\\n5.7.8  https://support.google.com/mail/?p=BadCredentials 5b1f17b1804b1-43a1 - gsmtp')",
     None, "gmail-bad-credentials", Some(("gmail", "google-app-passwords")), (Some(535), Some("5.7.8"))),
    ("System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.0 Authentication Required. Learn more at\n ---> System.Net.Mail.SmtpException: 530 5.7.0 Authentication Required\n   at System.Net.Mail.MailCommand.CheckResponse(SmtpStatusCode statusCode, String response)",
     Some("gmail"), "smtp-auth-required-dotnet", Some(("gmail", "settings")), (Some(530), Some("5.7.0"))),
    // Yahoo's 5.7.9 is not Google's app password.
    ("550 5.7.9 This mail has been blocked because the sender is unauthenticated. Yahoo requires all senders to authenticate with either SPF or DKIM. Authentication results: DKIM = FAILURE - SPF acme.fr with ip 192.0.2.10 = FAILURE. See https://senders.yahooinc.com/smtp-error-codes/#authentication-failures for more information.",
     None, "yahoo-unauthenticated-sender", None, (Some(550), Some("5.7.9"))),
    // Microsoft's 5.7.139, translated by the client, by its stable parts.
    ("Échec de l'envoi du message. Le serveur a répondu : 535 5.7.139 Authentification infructueuse, l'authentification de base est désactivée. [PA7P264CA0123.FRAP264.PROD.OUTLOOK.COM 2026-12-01T10:42:17.535Z 08DE1234ABCD5678]",
     Some("microsoft365"), "microsoft-5-7-139", Some(("microsoft365", "m365-smtp-auth")), (Some(535), Some("5.7.139"))),
    ("Fehler beim Senden: 535 5.7.139 Authentifizierung nicht erfolgreich, die Standardauthentifizierung ist deaktiviert. [FR3P281CA0012.DEUP281.PROD.OUTLOOK.COM]",
     Some("outlook"), "microsoft-5-7-139", Some(("outlook", "outlook-no-password")), (Some(535), Some("5.7.139"))),
    ("Erreur : 535 5.7.139 Échec de l'authentification. [AM0PR02CA0101.eurprd02.prod.outlook.com]",
     None, "microsoft-5-7-139", Some(("microsoft365", "m365-smtp-auth")), (Some(535), Some("5.7.139"))),
    // "basic authentication is disabled" on Microsoft 365: the administrator's step.
    ("535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [PR3P191CA0012.EURP191.PROD.OUTLOOK.COM]",
     Some("microsoft365"), "microsoft-basic-auth-disabled", Some(("microsoft365", "m365-smtp-auth")), (Some(535), Some("5.7.139"))),
    // A sending service's 535: its own credentials (the wording is checked in text::errors).
    ("Failed: Authentication failed: 535 5.7.0 Invalid login or password", Some("brevo"), "authentication-failed", Some(("brevo", "settings")), (Some(535), Some("5.7.0"))),
    ("Net::SMTPAuthenticationError: 535 Authentication failed: Bad username / password", Some("sendgrid"), "authentication-failed", Some(("sendgrid", "settings")), (Some(535), None)),
    // Orange's bilingual replies.
    ("Le serveur a répondu : 550 5.1.0 Emetteur invalide. Invalid Sender. OFR_415 [415] (Serveur : 'smtp.orange.fr')",
     None, "orange-invalid-sender", Some(("orange", "settings")), (Some(550), Some("5.1.0"))),
    ("421 mwinf5c27 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR004_104 [104]",
     None, "orange-too-many-connections", None, (Some(421), None)),
    ("552 5.2.0 Taille limite du message atteinte. Maximum size of the message reached. OFR_514 [514]",
     Some("orange"), "orange-message-too-big", None, (Some(552), Some("5.2.0"))),
    // SendGrid, Azure Communication Services, Gmail's 421 variants.
    ("Error: Message failed: 550 The from address does not match a verified Sender Identity. Mail cannot be sent until this error is resolved. Visit https://sendgrid.com/docs/for-developers/sending-email/sender-identity/ to see the Sender Identity requirements",
     None, "sendgrid-sender-identity", Some(("sendgrid", "sendgrid-domain")), (Some(550), None)),
    ("Error: Invalid login: 504 5.7.4 Unrecognized authentication type [AS8P189CA0001.EURP189.PROD.OUTLOOK.COM]\n  code: 'EAUTH',\n  responseCode: 504,\n  command: 'AUTH PLAIN'",
     Some("azure-communication-services"), "auth-mechanism-refused", Some(("azure-communication-services", "settings")), (Some(504), Some("5.7.4"))),
    ("Server terminates connection. response=421 4.7.0 Try again later, closing connection. (EHLO) 4fb4d7f45d1cf-5d3e - gsmtp",
     None, "gmail-try-again-later", Some(("gmail", "settings")), (Some(421), Some("4.7.0"))),
    ("421-4.7.0 This message does not pass authentication checks (SPF and DKIM both do not pass). SPF check for [acme.fr] does not pass with ip: [192.0.2.10].To best protect our users from spam, the message has been blocked.",
     None, "gmail-unauthenticated-sender", None, (Some(421), Some("4.7.0"))),
    // TLS mismatches as Java, MailKit and Python word them.
    ("javax.mail.MessagingException: Could not connect to SMTP host: smtp.gmail.com, port: 587;\n  nested exception is:\n\tjavax.net.ssl.SSLException: Unrecognized SSL message, plaintext connection?",
     None, "tls-wrong-version", Some(("gmail", "settings")), (None, None)),
    ("MailKit.Security.SslHandshakeException: An error occurred while attempting to establish an SSL or TLS connection.\n ---> System.IO.IOException: The handshake failed due to an unexpected packet format.",
     None, "tls-wrong-version", None, (None, None)),
    ("smtplib.SMTPServerDisconnected: Connection unexpectedly closed: timed out", None, "tls-plain-on-implicit-port", None, (None, None)),
    ("ssl.SSLError: [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1000)", None, "tls-wrong-version", None, (None, None)),
    // Outlook.com's outbound spam block, a Spamhaus listing.
    ("554 5.2.0 STOREDRV.Submission.Exception:OutboundSpamException; Failed to process message due to a permanent exception with message WASCL UserAction verdict is not None. Actual verdict is RefuseQuota, ShowTierUpgrade. [Hostname=VI1PR05MB5405.eurprd05.prod.outlook.com]",
     None, "microsoft-outbound-spam", None, (Some(554), Some("5.2.0"))),
    ("554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org; https://check.spamhaus.org/query/ip/192.0.2.10",
     None, "spamhaus-blocklist", None, (Some(554), Some("5.7.1"))),
];

#[test]
fn errors_as_users_paste_them() {
    for (text, chosen, expected, link, codes_shown) in PASTED {
        let matches = diagnose(text, *chosen);
        let first = matches
            .first()
            .map(|m| m.pattern)
            .unwrap_or_else(|| panic!("nothing for {text:?}"));
        assert_eq!(
            first.id,
            *expected,
            "{text:?} with {chosen:?}: {:?}",
            matches.iter().map(|m| (&m.pattern.id, m.score)).collect::<Vec<_>>()
        );
        let state = UrlState {
            tool: Some(Tool::Errors),
            ..UrlState::default()
        };
        let target = fix_targets(first, &state, &named_providers(text), *chosen)
            .into_iter()
            .next()
            .filter(|s| s.tool.is_none())
            .map(|s| (s.route.provider.unwrap_or_default(), s.route.step));
        let target = target.as_ref().map(|(p, s)| (p.as_str(), s.as_str()));
        assert_eq!(target, *link, "{text:?}: where the fix opens");
        let (reply, enhanced) = codes(text);
        assert_eq!((reply, enhanced.as_deref()), *codes_shown, "{text:?}: codes");
    }
}

/// A reply from servers that answer for several providers opens the fix of each, where they
/// differ, until one is chosen: Outlook.com's is not Microsoft 365's.
#[test]
fn a_fix_for_each_provider_the_servers_answer_for() {
    let state = UrlState {
        tool: Some(Tool::Errors),
        ..UrlState::default()
    };
    let basic_auth = "535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [PAZP264CA0123.FRAP264.PROD.OUTLOOK.COM]";
    let cases: &[(&str, Option<&str>, &[(&str, &str)])] = &[
        (
            basic_auth,
            None,
            &[("microsoft365", "m365-smtp-auth"), ("outlook", "outlook-no-password")],
        ),
        (basic_auth, Some("outlook"), &[("outlook", "outlook-no-password")]),
        (basic_auth, Some("microsoft365"), &[("microsoft365", "m365-smtp-auth")]),
        (
            "535 5.7.139 Authentication unsuccessful, the user credentials were incorrect. [smtp-mail.outlook.com]",
            None,
            &[("microsoft365", "m365-smtp-auth"), ("outlook", "outlook-no-password")],
        ),
        // Both Microsoft names, one place: Microsoft 365's app password.
        (
            "535 5.7.3 Authentication unsuccessful [AM0PR02CA0101.eurprd02.prod.outlook.com]",
            None,
            &[("microsoft365", "m365-app-password")],
        ),
        // Google's servers answer for Gmail and Workspace; the app password is Gmail's step.
        (
            "534-5.7.9 Application-specific password required. Learn more at https://support.google.com/mail/?p=InvalidSecondFactor o12sm1234567wrb.45 - gsmtp",
            None,
            &[("gmail", "google-app-passwords")],
        ),
        // One provider named: its settings.
        (
            "550 5.1.0 Emetteur invalide. Invalid Sender. OFR_415 [415]",
            None,
            &[("orange", "settings")],
        ),
    ];
    for (text, chosen, expected) in cases {
        let best = diagnose(text, *chosen)[0].pattern;
        let targets: Vec<(String, String)> = fix_targets(best, &state, &named_providers(text), *chosen)
            .into_iter()
            .map(|s| (s.route.provider.unwrap_or_default(), s.route.step))
            .collect();
        let expected: Vec<(String, String)> = expected.iter().map(|(p, s)| ((*p).into(), (*s).into())).collect();
        assert_eq!(targets, expected, "{text} with {chosen:?} ({})", best.id);
    }
}

/// The text names its provider when none was chosen; a bare code names none.
#[test]
fn a_reply_names_its_provider() {
    let cases: &[(&str, &[&str])] = &[
        (
            "530 5.7.0 Must issue a STARTTLS command first. o12sm1234567wrb.45 - gsmtp",
            &["gmail", "google-workspace"],
        ),
        (
            "535 5.7.3 Authentication unsuccessful [AM0PR02CA0101.eurprd02.prod.outlook.com]",
            &["microsoft365", "outlook"],
        ),
        (
            "550 5.1.0 Emetteur invalide. Invalid Sender. OFR_415 [415]",
            &["orange"],
        ),
        ("535 Authentication failed", &[]),
        ("5.7.1399 is not a code", &[]),
    ];
    for (text, named) in cases {
        assert_eq!(named_providers(text), *named, "{text}");
    }
}
