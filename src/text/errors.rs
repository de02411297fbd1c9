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
