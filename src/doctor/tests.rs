//! Real misconfigurations, each judged against the page that gives the right value (the
//! provider's preset source, or the RFC of the port rule), and the first finding expected.

use super::*;
use crate::address::idna_crate;

const GMAIL: &str = "https://support.google.com/mail/answer/7126229";
const GOOGLE_APP_PASSWORDS: &str = "https://support.google.com/accounts/answer/185833";
const OUTLOOK: &str = "https://support.microsoft.com/en-us/office/pop-imap-and-smtp-settings-for-outlook-com-d088b986-291d-42b8-9564-9c414e2aa040";
const ORANGE: &str = "https://autoconfig.thunderbird.net/v1.1/orange.fr";
const FREE: &str = "https://autoconfig.thunderbird.net/v1.1/free.fr";
const SFR: &str = "https://autoconfig.thunderbird.net/v1.1/sfr.fr";
const LAPOSTE: &str = "https://github.com/thunderbird/autoconfig/blob/master/ispdb/laposte.net.xml";
const YAHOO: &str = "https://github.com/thunderbird/autoconfig/blob/master/ispdb/yahoo.com.xml";
const ICLOUD: &str = "https://support.apple.com/en-us/102525";
const AOL: &str = "https://github.com/thunderbird/autoconfig/blob/master/ispdb/aol.com.xml";
const M365: &str = "https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365";
const M365_RETIREMENT: &str = "https://techcommunity.microsoft.com/blog/exchange/updated-exchange-online-smtp-auth-basic-authentication-deprecation-timeline/4489835";
const OVH: &str =
    "https://help.ovhcloud.com/csm/en-email-general-settings?id=kb_article_view&sysparm_article=KB0046979";
const OVH_PRO: &str =
    "https://github.com/ovh/docs/tree/develop/pages/web_cloud/email_and_collaborative_solutions/email_pro";
const IONOS: &str = "https://www.ionos.fr/assistance/email/configurer-une-adresse-email-sur-un-client-de-messagerie/";
const PROTON: &str = "https://proton.me/support/smtp-submission";
const RFC8314: &str = "https://www.rfc-editor.org/rfc/rfc8314#section-3.3";

const BEFORE: Date = Date::new(2026, 11, 22);
const AFTER: Date = Date::new(2027, 1, 5);

use PasswordKind::{Account, App};
use Security::{Ssl, Starttls};

/// (source, address, provider named by the MX, host, port, security, user, password, error,
/// today) → first finding and the value or walkthrough that fixes it.
#[rustfmt::skip]
const CASES: &[(&str, &str, Option<&str>, &str, &str, Option<Security>, &str, Option<PasswordKind>, &str, Date, &str, Option<&str>)] = &[
    (GMAIL, "jean@gmail.com", None, "smtp.gmail.com", "587", Some(Ssl), "jean@gmail.com", Some(App), "", BEFORE, "port-security", Some("starttls")),
    (GMAIL, "jean@gmail.com", None, "smtp.gmail.com", "465", Some(Starttls), "jean@gmail.com", Some(App), "", BEFORE, "port-security", Some("ssl")),
    (GOOGLE_APP_PASSWORDS, "jean@gmail.com", None, "smtp.gmail.com", "587", Some(Starttls), "jean@gmail.com", Some(Account), "", BEFORE, "needs-app-password", Some("gmail")),
    (GMAIL, "jean@gmail.com", None, "smtp.gmial.com", "587", Some(Starttls), "jean@gmail.com", Some(App), "", BEFORE, "host-typo", Some("smtp.gmail.com")),
    (GMAIL, "jean@gmail.com", None, "smtp.google.com", "587", Some(Starttls), "jean@gmail.com", Some(App), "", BEFORE, "unknown-host", Some("smtp.gmail.com")),
    (GMAIL, "jean@gmail.com", None, "smtp.gmail.com", "587", Some(Starttls), "jean", Some(App), "", BEFORE, "user-form", Some("jean@gmail.com")),
    (GMAIL, "jean@gmail.com", None, "smtp.gmail.com", "25", Some(Starttls), "jean@gmail.com", Some(App), "", BEFORE, "port-25", Some("587")),
    (GMAIL, "jean@gmail.com", None, "smtp.gmail.com", "587", Some(Starttls), "jean@gmail.com", Some(App), "", BEFORE, "consistent", None),
    (GMAIL, "jean@gmail.com", None, "smtp.gmail.com", "465", Some(Ssl), "Jean@Gmail.com", Some(App), "", BEFORE, "consistent", None),
    // LoKisi has no security field: it follows the port.
    (GMAIL, "jean@gmail.com", None, "smtp.gmail.com", "465", None, "jean@gmail.com", Some(App), "", BEFORE, "consistent", None),
    (GOOGLE_APP_PASSWORDS, "jean@gmail.com", None, "smtp.gmail.com", "587", Some(Starttls), "jean@gmail.com", Some(Account), "534-5.7.9 Application-specific password required.", BEFORE, "needs-app-password", Some("gmail")),
    (GMAIL, "jean@gmail.com", None, "smtp.gmail.fr", "587", Some(Starttls), "jean@gmail.com", Some(App), "", BEFORE, "host-typo", Some("smtp.gmail.com")),
    (GMAIL, "jean@gmail.com", None, "smtp-mail.outlook.com", "587", Some(Starttls), "jean@gmail.com", Some(App), "", BEFORE, "other-providers-host", Some("smtp.gmail.com")),
    (GMAIL, "jean@gmail.com", None, "smtp.gmail.com", "587", Some(Starttls), "compta@gmail.com", Some(App), "", BEFORE, "user-other-mailbox", Some("jean@gmail.com")),
    (GMAIL, "jean@gmail.com", None, " SMTP.GMAIL.COM. ", " 587 ", Some(Starttls), " jean@gmail.com ", Some(App), "", BEFORE, "consistent", None),
    // No server helps an Outlook.com address with a password: that comes first (issue 24).
    (OUTLOOK, "jean@outlook.fr", None, "smtp.office365.com", "587", Some(Starttls), "jean@outlook.fr", Some(Account), "535 5.7.139 Authentication unsuccessful, basic authentication is disabled.", BEFORE, "passwords-refused", Some("outlook")),
    (OUTLOOK, "jean@outlook.fr", None, "smtp.office365.com", "587", Some(Starttls), "jean@outlook.fr", None, "535 5.7.139 Authentication unsuccessful", BEFORE, "other-providers-host", Some("smtp-mail.outlook.com")),
    (OUTLOOK, "jean@outlook.fr", None, "smtp-mail.outlook.com", "587", Some(Starttls), "jean@outlook.fr", Some(Account), "535 5.7.139 Authentication unsuccessful, basic authentication is disabled.", BEFORE, "passwords-refused", Some("outlook")),
    (OUTLOOK, "jean@hotmail.com", None, "smtp-mail.outlook.com", "587", Some(Starttls), "jean@hotmail.com", Some(App), "", BEFORE, "passwords-refused", Some("outlook")),
    (OUTLOOK, "jean@live.com", None, "smtp.live.com", "587", Some(Starttls), "jean@live.com", None, "", BEFORE, "unknown-host", Some("smtp-mail.outlook.com")),
    (OUTLOOK, "jean@outlook.fr", None, "smtp-mail.outlook.com", "587", Some(Ssl), "jean@outlook.fr", None, "", BEFORE, "port-security", Some("starttls")),
    (ORANGE, "jean@orange.fr", None, "smtp.orange.com", "465", Some(Ssl), "jean@orange.fr", Some(Account), "", BEFORE, "host-typo", Some("smtp.orange.fr")),
    (ORANGE, "jean@orange.fr", None, "smtp.wanadoo.fr", "465", Some(Ssl), "jean@orange.fr", Some(Account), "", BEFORE, "unknown-host", Some("smtp.orange.fr")),
    (ORANGE, "jean@orange.fr", None, "smtp.orange.fr", "465", Some(Ssl), "jean", Some(Account), "", BEFORE, "user-form", Some("jean@orange.fr")),
    (ORANGE, "jean@orange.fr", None, "smtp.orange.fr", "587", Some(Ssl), "jean@orange.fr", Some(Account), "", BEFORE, "port-security", Some("starttls")),
    (ORANGE, "jean@orange.fr", None, "smtp.orange.fr", "25", Some(Starttls), "jean@orange.fr", Some(Account), "", BEFORE, "port-25", Some("465")),
    (ORANGE, "jean@orange.fr", None, "smtp.orange.fr", "465", Some(Ssl), "jean@orange.fr", Some(Account), "", BEFORE, "consistent", None),
    (ORANGE, "jean@orange.fr", None, "smtp.orange.fr", "587", Some(Starttls), "jean@orange.fr", Some(Account), "", BEFORE, "consistent", None),
    (ORANGE, "jean@wanadoo.fr", None, "smtp.orange.fr", "465", Some(Ssl), "jean@wanadoo.fr", Some(Account), "", BEFORE, "consistent", None),
    (ORANGE, "jean@orange.fr", None, "smtp.free.fr", "465", Some(Ssl), "jean@orange.fr", Some(Account), "", BEFORE, "other-providers-host", Some("smtp.orange.fr")),
    (FREE, "jean@free.fr", None, "smtp.free.fr", "465", Some(Ssl), "jean@free.fr", Some(Account), "", BEFORE, "user-form", Some("jean")),
    (FREE, "jean@free.fr", None, "smtp.free.fr", "465", Some(Ssl), "jean", Some(Account), "", BEFORE, "consistent", None),
    (FREE, "jean@free.fr", None, "smtp.free.fr", "587", Some(Starttls), "jean", Some(Account), "", BEFORE, "unusual-port", Some("465")),
    (FREE, "jean@free.fr", None, "smtp.free.com", "465", Some(Ssl), "jean", Some(Account), "", BEFORE, "host-typo", Some("smtp.free.fr")),
    (FREE, "jean@free.fr", None, "smtp.free.fr", "465", Some(Ssl), "jean", Some(Account), "535 5.7.8 Error: authentication failed: authentication failure", BEFORE, "error", None),
    (SFR, "jean@sfr.fr", None, "smtp.sfr.fr", "587", Some(Starttls), "jean@sfr.fr", Some(Account), "", BEFORE, "unusual-port", Some("465")),
    (SFR, "jean@neuf.fr", None, "smtp.neuf.fr", "465", Some(Ssl), "jean@neuf.fr", Some(Account), "", BEFORE, "unknown-host", Some("smtp.sfr.fr")),
    (SFR, "jean@sfr.fr", None, "smtp.sfr.fr", "465", Some(Ssl), "jean@sfr.fr", Some(Account), "", BEFORE, "consistent", None),
    (LAPOSTE, "jean@laposte.net", None, "smtp.laposte.net", "465", Some(Ssl), "jean@laposte.net", Some(Account), "", BEFORE, "user-form", Some("jean")),
    (YAHOO, "jean@yahoo.com", None, "smtp.mail.yahoo.com", "465", Some(Ssl), "jean@yahoo.com", Some(Account), "", BEFORE, "needs-app-password", Some("yahoo")),
    (YAHOO, "jean@yahoo.com", None, "smtp.yahoo.com", "465", Some(Ssl), "jean@yahoo.com", Some(App), "", BEFORE, "host-typo", Some("smtp.mail.yahoo.com")),
    (ICLOUD, "jean@icloud.com", None, "smtp.mail.me.com", "465", Some(Ssl), "jean@icloud.com", Some(App), "", BEFORE, "unusual-port", Some("587")),
    (ICLOUD, "jean@icloud.com", None, "smtp.icloud.com", "587", Some(Starttls), "jean@icloud.com", Some(App), "", BEFORE, "unknown-host", Some("smtp.mail.me.com")),
    (AOL, "jean@aol.com", None, "smtp.aol.com", "465", Some(Ssl), "jean@aol.com", Some(Account), "", BEFORE, "needs-app-password", Some("aol")),
    (M365_RETIREMENT, "factures@contoso.fr", Some("microsoft365"), "smtp.office365.com", "587", Some(Starttls), "factures@contoso.fr", Some(Account), "", BEFORE, "basic-auth-retiring", Some("microsoft365")),
    (M365_RETIREMENT, "factures@contoso.fr", Some("microsoft365"), "smtp.office365.com", "587", Some(Starttls), "factures@contoso.fr", Some(Account), "", AFTER, "basic-auth-retiring", Some("microsoft365")),
    (M365, "factures@contoso.fr", Some("microsoft365"), "smtp.office365.com", "587", Some(Ssl), "factures@contoso.fr", Some(App), "", BEFORE, "port-security", Some("starttls")),
    (M365, "factures@contoso.fr", Some("microsoft365"), "smtp.office365.com", "465", Some(Ssl), "factures@contoso.fr", Some(App), "", BEFORE, "unusual-port", Some("587")),
    (M365, "factures@contoso.fr", Some("microsoft365"), "contoso-fr.mail.protection.outlook.com", "25", Some(Starttls), "", None, "", BEFORE, "consistent", None),
    (M365, "jean.dupont@gmail.com", None, "contoso-fr.mail.protection.outlook.com", "25", Some(Starttls), "", None, "", BEFORE, "relay-sender-outside", Some("microsoft365")),
    (M365, "factures@fabrikam.fr", Some("microsoft365"), "contoso-fr.mail.protection.outlook.com", "25", Some(Starttls), "", None, "550 5.7.64 TenantAttribution; Relay Access Denied", BEFORE, "relay-sender-outside", Some("microsoft365")),
    (M365, "factures@contoso.fr", Some("microsoft365"), "contoso-fr.mail.protection.outlook.com", "587", Some(Starttls), "", None, "", BEFORE, "unusual-port", Some("25")),
    (M365, "factures@contoso.fr", Some("microsoft365"), "smtp.office365.com", "587", Some(Starttls), "factures", Some(App), "", BEFORE, "user-form", Some("factures@contoso.fr")),
    (M365, "factures@contoso.fr", Some("microsoft365"), "smtp.office365.com", "587", Some(Starttls), "admin@contoso.fr", Some(App), "", BEFORE, "user-other-mailbox", Some("factures@contoso.fr")),
    (OVH, "contact@boulangerie.fr", Some("ovh"), "ssl0.ovh.net", "465", Some(Ssl), "contact@boulangerie.fr", Some(Account), "", BEFORE, "consistent", None),
    (OVH, "contact@boulangerie.fr", Some("ovh"), "ssl0.ovh.net", "587", Some(Ssl), "contact@boulangerie.fr", Some(Account), "", BEFORE, "port-security", Some("starttls")),
    (OVH, "contact@boulangerie.fr", Some("ovh"), "smtp.ovh.net", "465", Some(Ssl), "contact@boulangerie.fr", Some(Account), "", BEFORE, "host-typo", Some("ssl0.ovh.net")),
    (OVH_PRO, "contact@boulangerie.fr", Some("ovh-email-pro"), "pro3.mail.ovh.net", "587", Some(Starttls), "contact@boulangerie.fr", Some(Account), "", BEFORE, "consistent", None),
    (OVH_PRO, "contact@boulangerie.fr", Some("ovh-email-pro"), "ssl0.ovh.net", "587", Some(Starttls), "contact@boulangerie.fr", Some(Account), "", BEFORE, "other-providers-host", Some("pro1.mail.ovh.net")),
    (IONOS, "contact@atelier.fr", Some("ionos"), "smtp.ionos.com", "465", Some(Ssl), "contact@atelier.fr", Some(Account), "", BEFORE, "host-typo", Some("smtp.ionos.fr")),
    (ORANGE, "jean", None, "smtp.orange.fr", "465", Some(Ssl), "jean", Some(Account), "", BEFORE, "bad-address", None),
    (ORANGE, "jean@orange.fr", None, "", "465", Some(Ssl), "jean@orange.fr", Some(Account), "", BEFORE, "no-host", Some("smtp.orange.fr")),
    (ORANGE, "jean@orange.fr", None, "smtp.orange.fr", "four six five", Some(Ssl), "jean@orange.fr", Some(Account), "", BEFORE, "bad-port", Some("465")),
    (ORANGE, "jean@orange.fr", None, "smtp.orange.fr", "465", Some(Ssl), "", Some(Account), "", BEFORE, "no-user", Some("jean@orange.fr")),
    (GMAIL, "contact@atelier-inconnu.fr", None, "smtp.gmial.com", "587", Some(Starttls), "contact@atelier-inconnu.fr", None, "", BEFORE, "host-typo", Some("smtp.gmail.com")),
    (RFC8314, "contact@atelier-inconnu.fr", None, "mail.atelier-inconnu.fr", "587", Some(Starttls), "contact@atelier-inconnu.fr", None, "", BEFORE, "consistent", None),
    (RFC8314, "contact@atelier-inconnu.fr", None, "mail.atelier-inconnu.fr", "465", Some(Starttls), "contact@atelier-inconnu.fr", None, "", BEFORE, "port-security", Some("ssl")),
    (PROTON, "jean@proton.me", None, "smtp.protonmail.ch", "587", Some(Starttls), "jean@proton.me", Some(Account), "", BEFORE, "passwords-refused", Some("proton-personal")),
    // A framework's URL (Symfony's MAILER_DSN) pasted whole into the server field.
    (GMAIL, "jean@gmail.com", None, "smtps://jean%40gmail.com:secret@smtp.gmail.com:465", "", Some(Starttls), "", Some(App), "", BEFORE, "server-url", Some("split")),
    (GMAIL, "jean@gmail.com", None, "jean@gmail.com", "587", Some(Starttls), "jean@gmail.com", Some(App), "", BEFORE, "host-is-address", Some("smtp.gmail.com")),
];

fn fix_text(fix: &Option<Fix>) -> Option<String> {
    match fix {
        Some(Fix::Value(_, value)) => Some(value.clone()),
        Some(Fix::Walkthrough(provider)) => Some(provider.clone()),
        Some(Fix::Split) => Some("split".to_owned()),
        None => None,
    }
}

#[test]
fn real_misconfigurations_give_the_expected_first_finding() {
    assert!(CASES.len() >= 60, "{} cases", CASES.len());
    let mut failures = Vec::new();
    for &(source, address, mx, host, port, security, user, password, error, today, id, fix) in CASES {
        assert!(source.starts_with("https://"), "{address}: {source}");
        let typed = Typed {
            address: address.into(),
            host: host.into(),
            port: port.into(),
            security,
            user: user.into(),
            password,
            error: error.into(),
        };
        let found = diagnose(&typed, mx, today, idna_crate);
        let first = &found[0];
        if first.finding.id() != id || fix_text(&first.fix).as_deref() != fix {
            failures.push(format!(
                "{address} {host}:{port} {user:?} → {:?} (expected {id} {fix:?}); all: {found:?}",
                first.finding
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_retirement_is_a_warning_before_and_a_problem_after() {
    let typed = Typed {
        address: "factures@contoso.fr".into(),
        host: "smtp.office365.com".into(),
        port: "587".into(),
        security: Some(Starttls),
        user: "factures@contoso.fr".into(),
        password: Some(Account),
        error: String::new(),
    };
    let before = diagnose(&typed, Some("microsoft365"), Date::new(2026, 12, 31), idna_crate);
    let after = diagnose(&typed, Some("microsoft365"), Date::new(2027, 1, 1), idna_crate);
    assert_eq!(before[0].finding, Finding::BasicAuthRetiring { after: false });
    assert_eq!(before[0].finding.severity(), Severity::Warning);
    assert_eq!(after[0].finding, Finding::BasicAuthRetiring { after: true });
    assert_eq!(after[0].finding.severity(), Severity::Problem);
}

#[test]
fn a_pasted_error_is_ranked_with_the_settings() {
    let typed = Typed {
        address: "jean@outlook.fr".into(),
        host: "smtp-mail.outlook.com".into(),
        port: "587".into(),
        security: Some(Starttls),
        user: "jean@outlook.fr".into(),
        password: Some(Account),
        error: "535 5.7.3 Authentication unsuccessful".into(),
    };
    let found = diagnose(&typed, None, BEFORE, idna_crate);
    assert_eq!(found[0].finding, Finding::PasswordsRefused);
    assert!(
        matches!(found.last().map(|d| &d.finding), Some(Finding::Error { .. })),
        "{found:?}"
    );
}

#[test]
fn a_server_url_is_split_and_then_judged() {
    let typed = Typed {
        address: "jean.dupont@orange.fr".into(),
        host: " smtp.orange.com ".into(),
        port: "465".into(),
        security: Some(Ssl),
        user: "jean.dupont@orange.fr".into(),
        password: Some(Account),
        error: "535 jean.dupont".into(),
    };
    let url = server::url("smtps://jean%40gmail.com:secret@smtp.gmail.com:587").expect("a server URL");
    let split = split_into(
        &Typed {
            host: "smtps://…".into(),
            ..typed.clone()
        },
        &url,
    );
    assert_eq!(
        (
            split.host.as_str(),
            split.port.as_str(),
            split.security,
            split.user.as_str()
        ),
        ("smtp.gmail.com", "587", Some(Ssl), "jean.dupont@orange.fr"),
        "the typed user stays"
    );
    // Once split, the URL's settings are judged: SSL on 587 does not go.
    let found = diagnose(
        &Typed {
            address: "jean@gmail.com".into(),
            host: "smtps://jean%40gmail.com:secret@smtp.gmail.com:587".into(),
            security: Some(Starttls),
            ..Typed::default()
        },
        None,
        BEFORE,
        idna_crate,
    );
    let ids: Vec<&str> = found.iter().map(|d| d.finding.id()).collect();
    assert_eq!(ids[..2], ["server-url", "port-security"], "{ids:?}");
}

#[test]
fn fixes_open_the_providers_walkthrough_or_card() {
    let walk = fix_route("gmail", Some("gmail.com"), false);
    assert_eq!(walk.step, "google-sign-in");
    assert_eq!(fix_route("orange", Some("orange.fr"), true).step, wizard::SETTINGS);
    assert_eq!(fix_route("microsoft365", Some("contoso.fr"), false).step, "m365-method");
}
