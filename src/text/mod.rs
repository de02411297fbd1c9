//! The interface's words. The texts live in `locales/en.toml` and `locales/fr.toml`; build.rs
//! turns each table into a typed enum (`T` here, `W`, `D`, `R`, `S`, `E`… in the submodules): a key
//! per text, and a function per text with placeholders whose parameters are its `{names}`.
//! A missing word, a text missing in one language or a placeholder that differs is a build
//! error. The functions here word the core's values (address errors, notices, dates).

pub mod dmarc;
pub mod dns;
pub mod doctor;
pub mod errors;
pub mod headers;
pub mod ispdb;
pub mod link;
pub mod relay;
pub mod screens;
pub mod spf;
pub mod wizard;

use crate::{address::AddressError, i18n::Lang, presets::Security, url_state::Notice};

include!(concat!(env!("OUT_DIR"), "/words_interface.rs"));

/// The text of a `(English, French)` pair in `lang`.
pub(crate) fn pick(lang: Lang, (en, fr): (&'static str, &'static str)) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Fr => fr,
    }
}

/// Replaces each `{key}` of `template` with its value.
/// `{app}` in `template` replaced by the application's name, capitalised where it begins a
/// sentence: the generic profile's name is "your application", which starts sentences too.
/// ASCII only: `char::to_uppercase` would bring Unicode's case tables (7 KB gzipped) into the
/// first load, and the names that start lower-case are the profiles' own ASCII words.
pub fn fill_app(template: &str, app: &str) -> String {
    let mut capitalised = app.to_owned();
    if let Some(first) = capitalised.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    let mut out = String::new();
    let mut rest = template;
    while let Some(at) = rest.find("{app}") {
        let before = &rest[..at];
        out.push_str(before);
        let sentence_start = out.trim_end().is_empty() || [". ", "! ", "? ", "\n"].iter().any(|end| out.ends_with(end));
        out.push_str(if sentence_start { &capitalised } else { app });
        rest = &rest[at + "{app}".len()..];
    }
    out.push_str(rest);
    out
}

/// An ISO date (`2026-11-21`) the way each language writes it: "21 November 2026",
/// "21 novembre 2026". Anything else is shown as it is.
pub fn date(iso: &str, lang: Lang) -> String {
    const MONTHS: [T; 12] = [
        T::Month1,
        T::Month2,
        T::Month3,
        T::Month4,
        T::Month5,
        T::Month6,
        T::Month7,
        T::Month8,
        T::Month9,
        T::Month10,
        T::Month11,
        T::Month12,
    ];
    let mut parts = iso.splitn(3, '-').map(str::parse::<u16>);
    match (parts.next(), parts.next(), parts.next()) {
        (Some(Ok(year)), Some(Ok(month @ 1..=12)), Some(Ok(day @ 1..=31))) => {
            let month = MONTHS[usize::from(month) - 1].get(lang);
            match (lang, day) {
                (Lang::Fr, 1) => format!("1er {month} {year}"),
                _ => format!("{day} {month} {year}"),
            }
        }
        _ => iso.to_owned(),
    }
}

/// Only the generated functions fill a text: each takes its placeholders by name.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(template.to_owned(), |text, (key, value)| {
        text.replace(&format!("{{{key}}}"), value)
    })
}

pub fn address_error(error: &AddressError, lang: Lang) -> String {
    use AddressError::*;
    let key = match error {
        Empty => T::ErrEmpty,
        NoAt => T::ErrNoAt,
        SeveralAt => T::ErrSeveralAt,
        EmptyLocal => T::ErrEmptyLocal,
        EmptyDomain => T::ErrEmptyDomain,
        Space => T::ErrSpace,
        LocalTooLong => T::ErrLocalTooLong,
        LocalDots => T::ErrLocalDots,
        LocalCharacter(c) => {
            return T::err_local_character(lang, &format!("« {c} »"));
        }
        IpLiteral => T::ErrIpLiteral,
        NoDot => T::ErrNoDot,
        BadDomain => T::ErrBadDomain,
        TooLong => T::ErrTooLong,
    };
    key.get(lang).to_owned()
}

pub fn notice(notice: &Notice, lang: Lang) -> String {
    // A link's value is shown as text, shortened so a hostile link cannot fill the page.
    let short = |v: &str| v.chars().take(40).collect::<String>();
    match notice {
        Notice::UnknownLang(v) => T::notice_lang(lang, &short(v)),
        Notice::UnknownApp(v) => T::notice_app(lang, &short(v)),
        Notice::UnknownProvider(v) => T::notice_provider(lang, &short(v)),
        Notice::BadDomain(v) => T::notice_domain(lang, &short(v)),
        Notice::AddressInLink => T::NoticeAddressInLink.get(lang).to_owned(),
        Notice::UnknownStep(v) => T::notice_step(lang, &short(v)),
        Notice::UnknownTool(v) => T::notice_tool(lang, &short(v)),
        Notice::DohRefused(v, _) => T::notice_doh(lang, &short(v)),
        Notice::IspdbRefused(v, _) => T::notice_ispdb(lang, &short(v)),
        Notice::SecretsInLink(names) => T::notice_secrets(lang, &names.join(", ")),
    }
}

pub fn security(security: Security, lang: Lang) -> &'static str {
    match security {
        Security::Ssl => T::SecuritySsl,
        Security::Starttls => T::SecurityStarttls,
        Security::None => T::SecurityNone,
    }
    .get(lang)
}

/// A host typed from a control panel, judged: accepted (worded with the host kept) or not
/// of the provider's form (worded with the form expected); nothing while it is empty.
pub fn typed_host(provider: &crate::presets::Provider, typed: &str, lang: Lang) -> Option<(bool, String)> {
    use crate::settings::{HostRefusal, typed_host_check};
    match typed_host_check(provider, typed) {
        Ok(host) => Some((true, T::host_accepted(lang, &host))),
        Err(HostRefusal::Empty) => None,
        Err(HostRefusal::NotThePattern(form)) => Some((false, T::host_not_the_pattern(lang, &form))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_application_name_starts_a_sentence_with_a_capital() {
        let cases = [
            (
                "{app} asks for a password.",
                "your application",
                "Your application asks for a password.",
            ),
            (
                "Done. {app} sends.",
                "your application",
                "Done. Your application sends.",
            ),
            (
                "Name it {app}, then Next.",
                "your application",
                "Name it your application, then Next.",
            ),
            (
                "{app} envoie : {app} aussi.",
                "votre application",
                "Votre application envoie : votre application aussi.",
            ),
            ("{app} asks.", "LoKisi", "LoKisi asks."),
        ];
        for (template, app, expected) in cases {
            assert_eq!(fill_app(template, app), expected, "{template}");
        }
    }

    #[test]
    fn typed_hosts_are_judged_in_words() {
        let pro = crate::presets::provider("ovh-email-pro").unwrap();
        assert_eq!(typed_host(pro, "  ", Lang::En), None);
        assert!(
            matches!(typed_host(pro, "PRO2.mail.ovh.net", Lang::En), Some((true, w)) if w.contains("pro2.mail.ovh.net"))
        );
        assert!(
            matches!(typed_host(pro, "ssl0.ovh.net", Lang::Fr), Some((false, w)) if w.contains("proN.mail.ovh.net"))
        );
    }

    #[test]
    fn dates_the_way_each_language_writes_them() {
        let cases = [
            ("2026-11-21", Lang::En, "21 November 2026"),
            ("2026-11-21", Lang::Fr, "21 novembre 2026"),
            ("2027-02-01", Lang::Fr, "1er février 2027"),
            ("2027-08-01", Lang::En, "1 August 2027"),
            ("2026-13-01", Lang::En, "2026-13-01"),
            ("soon", Lang::Fr, "soon"),
        ];
        for (iso, lang, expected) in cases {
            assert_eq!(date(iso, lang), expected, "{iso} {lang:?}");
        }
    }

    #[test]
    fn fill_replaces_every_occurrence() {
        assert_eq!(
            fill(
                "{app} and {app} at {domain}",
                &[("app", "LoKisi"), ("domain", "acme.fr")]
            ),
            "LoKisi and LoKisi at acme.fr"
        );
    }
}
