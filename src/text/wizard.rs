//! The wizard's computed words: a step's short title (the step list, the printed checklist,
//! the link builder) and the printed summary of a set-up.

use std::net::Ipv4Addr;

use super::{T, fill_app};
use crate::{
    i18n::Lang,
    wizard::{self, Route},
};

/// A short name for `step` of `route`'s path, `{app}` filled with `app`.
pub fn step_title(route: &Route, step: &str, app: &str, lang: Lang) -> String {
    match step {
        wizard::ADDRESS => T::AddressLabel.get(lang).to_owned(),
        wizard::CHOOSE_PROVIDER => T::ChooseTitleNoDomain.get(lang).to_owned(),
        wizard::SETTINGS => T::settings_title(lang, app),
        wizard::TEST_EMAIL => T::test_title(lang, app),
        _ => route
            .indexed()
            .and_then(|p| p.step_title(step))
            .map(|title| fill_app(title.get(lang), app))
            .unwrap_or_default(),
    }
}

/// What the printed summary holds: nothing typed, only what to publish and to tick off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintSummary {
    pub title: String,
    pub domain: Option<String>,
    /// The terms the relay adds to the domain's SPF record, once the sites are known.
    pub spf: Option<String>,
    /// The path's steps after the address.
    pub steps: Vec<String>,
}

pub fn print_summary(route: &Route, app: &str, site_ips: &[Ipv4Addr], lang: Lang) -> PrintSummary {
    let provider = route.provider();
    let name = provider.map(|p| p.name.get(lang)).unwrap_or_default();
    let include = route.spf_include();
    let relay = route.step.starts_with("relay") && !site_ips.is_empty();
    let spf = relay.then(|| {
        let terms = crate::m365::relay_additions(include, site_ips);
        terms.iter().map(ToString::to_string).collect::<Vec<_>>().join(" ")
    });
    PrintSummary {
        title: T::print_title(lang, app, name),
        domain: route.domain.clone(),
        spf,
        steps: route
            .path()
            .into_iter()
            .skip(1)
            .map(|s| step_title(route, s, app, lang))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn route(provider: &str, domain: Option<&str>, step: &str) -> Route {
        Route {
            provider: Some(provider.into()),
            domain: domain.map(Into::into),
            step: step.into(),
        }
    }

    #[test]
    fn step_titles() {
        let gmail = route("gmail", None, "google-2sv");
        let cases = [
            (wizard::ADDRESS, Lang::En, "Email address"),
            ("google-2sv", Lang::Fr, "Activez la validation en deux étapes"),
            (wizard::SETTINGS, Lang::En, "The settings to type in Odoo"),
            ("no-such-step", Lang::En, ""),
        ];
        for (step, lang, expected) in cases {
            assert_eq!(step_title(&gmail, step, "Odoo", lang), expected, "{step}");
        }
    }

    #[test]
    fn the_printed_summary_lists_the_relays_records_once_the_sites_are_known() {
        let ip: Ipv4Addr = "203.0.114.10".parse().unwrap();
        let relay = route("microsoft365", Some("acme.fr"), "relay-settings");
        let summary = print_summary(&relay, "Odoo", &[ip], Lang::En);
        assert_eq!(
            summary.spf.as_deref(),
            Some("include:spf.protection.outlook.com ip4:203.0.114.10")
        );
        assert_eq!(summary.domain.as_deref(), Some("acme.fr"));
        assert!(
            summary.steps.contains(&"The settings to type in Odoo".to_owned()),
            "{:?}",
            summary.steps
        );
        assert_eq!(print_summary(&relay, "Odoo", &[], Lang::En).spf, None);
        assert_eq!(
            print_summary(&route("gmail", None, "settings"), "Odoo", &[ip], Lang::En).spf,
            None
        );
    }
}
