//! Every fixed word of the interface, in English and French. Each entry is a pair, so a
//! missing translation does not compile. `{name}` marks a value filled in by `fill`.

pub mod dns;
pub mod errors;
pub mod relay;
pub mod spf;

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
    const MONTHS: [(&str, &str); 12] = [
        T::Month1.pair(),
        T::Month2.pair(),
        T::Month3.pair(),
        T::Month4.pair(),
        T::Month5.pair(),
        T::Month6.pair(),
        T::Month7.pair(),
        T::Month8.pair(),
        T::Month9.pair(),
        T::Month10.pair(),
        T::Month11.pair(),
        T::Month12.pair(),
    ];
    let mut parts = iso.splitn(3, '-').map(str::parse::<u16>);
    match (parts.next(), parts.next(), parts.next()) {
        (Some(Ok(year)), Some(Ok(month @ 1..=12)), Some(Ok(day @ 1..=31))) => {
            let month = pick(lang, MONTHS[usize::from(month) - 1]);
            match (lang, day) {
                (Lang::Fr, 1) => format!("1er {month} {year}"),
                _ => format!("{day} {month} {year}"),
            }
        }
        _ => iso.to_owned(),
    }
}

pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
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
            return fill(T::ErrLocalCharacter.get(lang), &[("char", &format!("« {c} »"))]);
        }
        IpLiteral => T::ErrIpLiteral,
        NoDot => T::ErrNoDot,
        BadDomain => T::ErrBadDomain,
        TooLong => T::ErrTooLong,
    };
    key.get(lang).to_owned()
}

pub fn notice(notice: &Notice, lang: Lang) -> String {
    let (key, value) = match notice {
        Notice::UnknownLang(v) => (T::NoticeLang, v.as_str()),
        Notice::UnknownApp(v) => (T::NoticeApp, v.as_str()),
        Notice::UnknownProvider(v) => (T::NoticeProvider, v.as_str()),
        Notice::BadDomain(v) => (T::NoticeDomain, v.as_str()),
        Notice::AddressInLink => (T::NoticeAddressInLink, ""),
        Notice::UnknownStep(v) => (T::NoticeStep, v.as_str()),
        Notice::UnknownTool(v) => (T::NoticeTool, v.as_str()),
        Notice::DohRefused(v, _) => (T::NoticeDoh, v.as_str()),
    };
    // A link's value is shown as text, shortened so a hostile link cannot fill the page.
    let value: String = value.chars().take(40).collect();
    fill(key.get(lang), &[("value", &value)])
}

pub fn security(security: Security, lang: Lang) -> &'static str {
    match security {
        Security::Ssl => T::SecuritySsl,
        Security::Starttls => T::SecurityStarttls,
        Security::None => T::SecurityNone,
    }
    .get(lang)
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
    fn every_text_is_translated_and_keeps_its_placeholders() {
        for key in T::ALL {
            let (en, fr) = key.pair();
            assert!(!en.trim().is_empty() && !fr.trim().is_empty(), "{key:?}");
            let holes = |s: &str| {
                let mut found: Vec<String> = s
                    .split('{')
                    .skip(1)
                    .filter_map(|rest| rest.split_once('}'))
                    .map(|(k, _)| k.to_owned())
                    .collect();
                found.sort();
                found
            };
            assert_eq!(holes(en), holes(fr), "{key:?}");
        }
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
