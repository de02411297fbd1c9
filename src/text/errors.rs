//! The troubleshooting tool's words: table [errors] of the locale files.

include!(concat!(env!("OUT_DIR"), "/words_errors.rs"));

/// What to compare with the application's settings when no known error matched: the
/// provider's server, port and security, user name and password, where one is known.
pub fn checklist(provider: Option<&crate::presets::Provider>, lang: crate::i18n::Lang) -> Vec<String> {
    let mut items = Vec::new();
    if let Some(server) = provider.and_then(|p| p.smtp.as_ref()) {
        items.push(E::check_host(lang, &server.host));
        items.push(E::check_port_security(
            lang,
            &server.port.to_string(),
            super::security(server.security, lang),
        ));
    }
    items.push(E::CheckAuth.get(lang).to_owned());
    if let Some(p) = provider {
        items.push(E::check_user(lang, &crate::settings::user_text(p, lang)));
        items.push(E::check_password(lang, &crate::settings::password_text(p, lang)));
    }
    items.push(E::CheckFirewall.get(lang).to_owned());
    items
}

/// What to do about `pattern`, for `provider`'s customers: a refusal of credentials names
/// the provider's own user name and password (a sending service's key, an app password).
pub fn fix(
    pattern: &crate::presets::ErrorPattern,
    provider: Option<&crate::presets::Provider>,
    lang: crate::i18n::Lang,
) -> String {
    match provider.filter(|_| pattern.credentials) {
        Some(p) => E::fix_credentials(
            lang,
            &crate::settings::password_text(p, lang),
            p.name.get(lang),
            &crate::settings::user_text(p, lang),
        ),
        None => pattern.fix.get(lang).to_owned(),
    }
}

/// The SMTP codes found in a pasted error, each worded ("reply 535", "status 5.7.139").
pub fn codes(pasted: &str, lang: crate::i18n::Lang) -> Vec<String> {
    let (reply, enhanced) = crate::troubleshoot::codes(pasted);
    let reply = reply.map(|c| E::reply_code(lang, &c.to_string()));
    reply
        .into_iter()
        .chain(enhanced.map(|c| E::status_code(lang, &c)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{i18n::Lang, presets};

    #[test]
    fn codes_are_worded() {
        let codes = codes("535 5.7.139 Authentication unsuccessful", Lang::En);
        assert_eq!(codes.len(), 2, "{codes:?}");
        assert!(codes[0].contains("535") && codes[1].contains("5.7.139"), "{codes:?}");
        assert!(super::codes("nothing here", Lang::Fr).is_empty());
    }

    /// A refusal of credentials names the provider's own: Brevo's SMTP key, SendGrid's
    /// `apikey`, Gmail's app password; without a provider, the pattern's own words.
    #[test]
    fn a_refusal_of_credentials_names_the_providers_own() {
        let pattern = presets::errors()
            .iter()
            .find(|p| p.id == "authentication-failed")
            .expect("pattern");
        let cases = [
            (Some("brevo"), Lang::En, "an SMTP key"),
            (Some("sendgrid"), Lang::En, "the word apikey"),
            (Some("sendgrid"), Lang::Fr, "le mot apikey"),
            (Some("gmail"), Lang::En, "app password"),
            (None, Lang::En, "(app) password"),
        ];
        for (provider, lang, words) in cases {
            let text = fix(pattern, provider.and_then(presets::provider), lang);
            assert!(text.contains(words), "{provider:?}: {text}");
        }
    }

    #[test]
    fn the_checklist_names_the_providers_own_values() {
        let orange = checklist(presets::provider("orange"), Lang::En);
        assert_eq!(orange.len(), 6);
        assert!(
            orange[0].contains("smtp.orange.fr") && orange[1].contains("465"),
            "{orange:?}"
        );
        let unknown = checklist(None, Lang::Fr);
        assert_eq!(unknown.len(), 2, "{unknown:?}");
    }
}
