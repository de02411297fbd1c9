//! The support team's link builder (`?tool=link`): the steps a link can open, the state a
//! link carries, and the iframe that embeds it. A link names an application, a provider, a
//! domain at most and a step: never a mailbox name or a password.

use crate::{
    address::{self, ToAscii},
    i18n::Lang,
    presets,
    url_state::{self, UrlState},
    wizard::{Route, SETTINGS, TEST_EMAIL},
};

/// The steps of `provider`'s path a link can open, every branch included, in path order:
/// the provider's own steps, then the settings card and the test email where its path has
/// them. Empty for an unknown provider.
pub fn steps(provider: &str, domain: Option<&str>) -> Vec<&'static str> {
    let Some(indexed) = presets::indexed(provider) else {
        return Vec::new();
    };
    let route = Route {
        provider: Some(provider.to_owned()),
        domain: domain.map(str::to_owned),
        ..Route::default()
    };
    let own = indexed.steps.iter().map(|s| s.id.as_str());
    own.chain([SETTINGS, TEST_EMAIL])
        .filter(|step| route.has_step(step))
        .collect()
}

/// The domain a link carries, as typed: `None` when nothing is typed, `Some(None)` for a text
/// that is not a domain (the link is made without it, and the page says so).
pub fn domain(typed: &str, to_ascii: ToAscii) -> Option<Option<String>> {
    let typed = typed.trim().trim_end_matches('.');
    (!typed.is_empty()).then(|| address::domain_to_ascii(typed, to_ascii).ok())
}

/// The step chosen while the provider's path has it, else its first.
pub fn step_or_first(steps: &[&'static str], chosen: Option<&str>) -> String {
    let kept = chosen.filter(|c| steps.contains(c));
    kept.or(steps.first().copied()).unwrap_or_default().to_owned()
}

/// What the link opens: `step` of `provider`'s path, in `app`'s words and in `lang`.
pub fn state(app: &str, provider: &str, domain: Option<&str>, step: &str, lang: Lang) -> UrlState {
    UrlState {
        lang: Some(lang),
        app: app.to_owned(),
        route: Route {
            provider: Some(provider.to_owned()),
            domain: domain.map(str::to_owned),
            step: step.to_owned(),
        },
        ..UrlState::default()
    }
}

/// The query of the same state inside another site's iframe (`embed=1`).
pub fn embedded_query(state: &UrlState) -> String {
    url_state::to_query(&UrlState {
        embed: true,
        ..state.clone()
    })
}

/// An iframe that shows `src` (the absolute address of an embedded link), ready to paste in a
/// help page: the address escaped for an HTML attribute, the height left to the page's CSS
/// or to the `mailsetup:height` messages (see docs/embedding.md), allowed to write to the
/// clipboard (the Copy buttons, when the help site is on another origin).
pub fn iframe(src: &str, title: &str) -> String {
    let attribute = |text: &str| {
        text.replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"720\" loading=\"lazy\" allow=\"clipboard-write\"></iframe>",
        attribute(src),
        attribute(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_provider_has_linkable_steps_that_its_path_holds() {
        for provider in presets::index() {
            let steps = steps(&provider.id, None);
            assert!(!steps.is_empty(), "{}", provider.id);
            for step in steps {
                let state = state("generic", &provider.id, None, step, Lang::Fr);
                let (read, notices) = url_state::parse(&url_state::to_query(&state), |d| Some(d.to_owned()));
                assert_eq!((read, notices), (state, Vec::new()), "{} {step}", provider.id);
            }
        }
    }

    #[test]
    fn every_branch_of_a_path_is_offered() {
        let m365 = steps("microsoft365", Some("contoso.fr"));
        for step in ["m365-method", "relay-spf", "relay-verify", SETTINGS, TEST_EMAIL] {
            assert!(m365.contains(&step), "{step} in {m365:?}");
        }
        assert!(
            steps("outlook", None).iter().all(|s| *s != SETTINGS),
            "Outlook.com has no password card"
        );
        assert!(steps("no-such-provider", None).is_empty());
    }

    #[test]
    fn a_links_domain_and_step() {
        assert_eq!(domain("  ", address::idna_crate), None);
        assert_eq!(domain(" Acme.FR. ", address::idna_crate), Some(Some("acme.fr".into())));
        assert_eq!(domain("paul@acme.fr", address::idna_crate), Some(None));
        let steps = ["google-2sv", SETTINGS];
        assert_eq!(step_or_first(&steps, Some(SETTINGS)), SETTINGS);
        assert_eq!(step_or_first(&steps, Some("relay-spf")), "google-2sv");
        assert_eq!(step_or_first(&[], None), "");
    }

    #[test]
    fn iframes_escape_their_address() {
        let state = state("odoo", "gmail", None, "google-2sv", Lang::En);
        let src = format!("https://help.example/smtp/{}", embedded_query(&state));
        let html = iframe(&src, "Email \"setup\"");
        assert!(html.contains("embed=1"), "{html}");
        assert!(html.contains("&amp;app=odoo") || html.contains("?app=odoo"), "{html}");
        assert!(!html.contains("&app="), "an unescaped & in {html}");
        assert!(html.contains("title=\"Email &quot;setup&quot;\""), "{html}");
        assert!(html.contains("allow=\"clipboard-write\""), "{html}");
    }
}
