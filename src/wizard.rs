//! The wizard's step machine: which screens a provider's path has, in which order, and where
//! Back and Next lead. Step ids are a public interface (support links use `?step=`).

use crate::{
    detect,
    presets::{self, Provider, ProviderIndex, StepIndex},
};

pub const ADDRESS: &str = "address";
pub const CHOOSE_PROVIDER: &str = "provider";
pub const SETTINGS: &str = "settings";
pub const TEST_EMAIL: &str = "test-email";

/// What the current step shows: the first screen is in the first load, the others come in a
/// chunk (see `ui::lazy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Address,
    Provider,
    Walkthrough(&'static StepIndex),
    Settings,
    TestEmail,
}

/// Where the user is: exactly what a support link carries besides language and application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub provider: Option<String>,
    /// ASCII domain of the address; never the part before the `@`.
    pub domain: Option<String>,
    pub step: String,
}

impl Default for Route {
    fn default() -> Self {
        Route {
            provider: None,
            domain: None,
            step: ADDRESS.to_owned(),
        }
    }
}

impl Route {
    /// The provider with its texts (for the screens after the address, which are in a chunk).
    pub fn provider(&self) -> Option<&'static Provider> {
        self.provider.as_deref().and_then(presets::provider)
    }

    /// What the step machine knows of the provider (in the first load).
    pub fn indexed(&self) -> Option<&'static ProviderIndex> {
        self.provider.as_deref().and_then(presets::indexed)
    }

    /// The screen of the current step; `None` for a step the provider's path does not have.
    pub fn screen(&self) -> Option<Screen> {
        match self.step.as_str() {
            ADDRESS => Some(Screen::Address),
            CHOOSE_PROVIDER => Some(Screen::Provider),
            SETTINGS => Some(Screen::Settings),
            TEST_EMAIL => Some(Screen::TestEmail),
            step => self.indexed()?.step(step).map(Screen::Walkthrough),
        }
    }

    /// The domain when it is the customer's own (not a provider's, like gmail.com): it has
    /// records of its own to check.
    pub fn own_domain(&self) -> Option<&str> {
        self.domain.as_deref().filter(|d| detect::by_domain(d).is_none())
    }

    /// The screens of the current path, first to last.
    pub fn path(&self) -> Vec<&'static str> {
        let mut path = vec![ADDRESS];
        let provider = self.indexed();
        if self.needs_choice(provider) {
            path.push(CHOOSE_PROVIDER);
        }
        if let Some(provider) = provider {
            let branch = self.branch(provider);
            let steps = provider
                .steps
                .iter()
                .filter(|s| s.branch.is_none() || s.branch.as_deref() == branch);
            path.extend(steps.map(|s| s.id.as_str()));
            if !provider.auth.refuses_passwords() && branch == provider.card_branch() {
                path.extend([SETTINGS, TEST_EMAIL]);
            }
        }
        path
    }

    /// The branch the current step belongs to, else the provider's default one (Microsoft 365:
    /// the ways out, SMTP AUTH, the relay or direct send). The settings card and the test step
    /// belong to the branch whose server the card shows.
    fn branch<'p>(&self, provider: &'p ProviderIndex) -> Option<&'p str> {
        if self.step == SETTINGS || self.step == TEST_EMAIL {
            return provider.card_branch();
        }
        provider
            .step(&self.step)
            .and_then(|s| s.branch.as_deref())
            .or(provider.default_branch.as_deref())
    }

    /// The first screen of another branch of the provider's path.
    pub fn with_branch(&self, branch: &str) -> Option<Route> {
        let first = self
            .indexed()?
            .steps
            .iter()
            .find(|s| s.branch.as_deref() == Some(branch))?;
        Some(Route {
            step: first.id.clone(),
            ..self.clone()
        })
    }

    /// The provider screen is part of the path unless the address's own domain names the
    /// provider (a custom domain is always confirmed). A link without a domain takes the path
    /// its provider's users take: an address of the provider's own domains, or a domain of
    /// their own for providers that have none, so a step has one number however it is reached.
    fn needs_choice(&self, provider: Option<&ProviderIndex>) -> bool {
        match (provider, self.domain.as_deref()) {
            (None, domain) => domain.is_some(),
            (Some(chosen), Some(domain)) => detect::by_domain(domain).is_none_or(|found| found.id != chosen.id),
            (Some(chosen), None) => chosen.by_own_domain,
        }
    }

    /// 1-based position of the current screen, and the number of screens once the provider
    /// is known (before, the path's length is not).
    pub fn position(&self) -> (usize, Option<usize>) {
        let path = self.path();
        let index = path.iter().position(|s| *s == self.step).unwrap_or(0);
        (index + 1, self.provider.is_some().then_some(path.len()))
    }

    fn offset(&self, delta: isize) -> Option<Route> {
        let path = self.path();
        let index = path.iter().position(|s| *s == self.step)?;
        let step = path.get(index.checked_add_signed(delta)?)?;
        Some(Route {
            step: (*step).to_owned(),
            ..self.clone()
        })
    }

    pub fn next(&self) -> Option<Route> {
        self.offset(1)
    }

    /// Whether the screen moves on by its own form or choice (the address, the provider, the
    /// Microsoft 365 method chooser) rather than by Next.
    pub fn moves_on_itself(&self) -> bool {
        self.widget() == Some(presets::Widget::MethodChooser)
            || [ADDRESS, CHOOSE_PROVIDER].contains(&self.step.as_str())
    }

    /// The computed part of the step's screen, from the index (the first load knows it).
    pub fn widget(&self) -> Option<presets::Widget> {
        self.indexed().and_then(|p| p.step(&self.step)).and_then(|s| s.widget)
    }

    /// The SPF include of the provider being walked through, from its preset.
    pub fn spf_include(&self) -> Option<&'static str> {
        self.provider().and_then(|p| p.spf.as_ref()).map(|s| s.include.as_str())
    }

    pub fn back(&self) -> Option<Route> {
        self.offset(-1)
    }

    /// After the address screen: its domain names the provider, or the user chooses one.
    pub fn with_address_domain(domain: &str) -> Route {
        let provider = detect::by_domain(domain).map(|p| p.id.clone());
        let chosen = Route {
            provider,
            domain: Some(domain.to_owned()),
            step: ADDRESS.to_owned(),
        };
        chosen.next().expect("the address screen always has a next screen")
    }

    /// After the provider screen, or after the address when the path has no provider screen
    /// (a provider picked with no domain known, from its own address domains).
    pub fn with_provider(&self, provider: &str) -> Route {
        let chosen = Route {
            provider: Some(provider.to_owned()),
            step: CHOOSE_PROVIDER.to_owned(),
            ..self.clone()
        };
        let path = chosen.path();
        let after = path.iter().position(|s| *s == CHOOSE_PROVIDER).map_or(1, |i| i + 1);
        match path.get(after) {
            Some(step) => Route {
                step: (*step).to_owned(),
                ..chosen
            },
            None => chosen,
        }
    }

    /// Whether `step` is a screen of this route's path once it is the current one (a step of
    /// another branch brings its branch with it).
    pub fn has_step(&self, step: &str) -> bool {
        Route {
            step: step.to_owned(),
            ..self.clone()
        }
        .path()
        .contains(&step)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn route(provider: Option<&str>, domain: Option<&str>, step: &str) -> Route {
        Route {
            provider: provider.map(Into::into),
            domain: domain.map(Into::into),
            step: step.into(),
        }
    }

    #[test]
    fn screens_that_move_on_by_themselves() {
        let cases = [
            (route(None, None, ADDRESS), true),
            (route(Some("microsoft365"), Some("acme.fr"), CHOOSE_PROVIDER), true),
            (route(Some("microsoft365"), Some("acme.fr"), "m365-method"), true),
            (route(Some("microsoft365"), Some("acme.fr"), "relay-spf"), false),
            (route(Some("gmail"), None, SETTINGS), false),
        ];
        for (route, expected) in cases {
            assert_eq!(route.moves_on_itself(), expected, "{}", route.step);
        }
        assert_eq!(
            route(Some("microsoft365"), None, "relay-spf").spf_include(),
            Some("spf.protection.outlook.com")
        );
        assert_eq!(route(Some("gmail"), None, SETTINGS).spf_include(), None);
    }

    /// What a link's first screen asks for beside the screens' code (`ui::app`): the ways'
    /// part or the relay's for the steps they draw, nothing more for the others.
    #[test]
    fn steps_drawn_by_a_part_of_their_own() {
        use presets::WidgetPart::{Relay, Screens, Ways};
        let cases = [
            (route(Some("microsoft365"), Some("acme.fr"), "m365-method"), Some(Ways)),
            (route(Some("outlook"), None, "outlook-sending-services"), Some(Ways)),
            (route(Some("microsoft365"), Some("acme.fr"), "relay-spf"), Some(Relay)),
            (
                route(Some("microsoft365"), Some("acme.fr"), "relay-domain"),
                Some(Relay),
            ),
            (route(Some("microsoft365"), Some("acme.fr"), SETTINGS), None),
            (route(Some("gmail"), None, SETTINGS), None),
            (route(None, None, ADDRESS), None),
            (route(Some("nope"), None, "relay-spf"), None),
        ];
        for (route, expected) in cases {
            let part = route.widget().map(presets::Widget::part).filter(|p| *p != Screens);
            assert_eq!(part, expected, "{}", route.step);
        }
    }

    #[test]
    fn paths() {
        let gmail_steps = [
            "google-sign-in",
            "google-2sv",
            "google-app-passwords",
            "google-app-name",
            "google-copy-password",
        ];
        let cases: &[(Option<&str>, Option<&str>, Vec<&str>)] = &[
            (None, None, vec![ADDRESS]),
            (None, Some("acme.fr"), vec![ADDRESS, CHOOSE_PROVIDER]),
            (
                Some("gmail"),
                Some("gmail.com"),
                [&[ADDRESS][..], &gmail_steps, &[SETTINGS, TEST_EMAIL]].concat(),
            ),
            (
                Some("google-workspace"),
                Some("acme.fr"),
                [
                    &[ADDRESS, CHOOSE_PROVIDER][..],
                    &gmail_steps,
                    &["google-dkim", SETTINGS, TEST_EMAIL],
                ]
                .concat(),
            ),
            (
                Some("outlook"),
                Some("hotmail.fr"),
                vec![
                    ADDRESS,
                    "outlook-no-password",
                    "outlook-account-security",
                    "outlook-ways-out",
                    "outlook-sending-services",
                ],
            ),
            (Some("orange"), Some("orange.fr"), vec![ADDRESS, SETTINGS, TEST_EMAIL]),
            (Some("free"), None, vec![ADDRESS, SETTINGS, TEST_EMAIL]),
            (Some("free"), Some("free.fr"), vec![ADDRESS, SETTINGS, TEST_EMAIL]),
            (
                Some("microsoft365"),
                None,
                vec![ADDRESS, CHOOSE_PROVIDER, "m365-method", "m365-ways-out"],
            ),
            (
                Some("microsoft365"),
                Some("acme.fr"),
                vec![ADDRESS, CHOOSE_PROVIDER, "m365-method", "m365-ways-out"],
            ),
            (
                Some("brevo"),
                Some("acme.fr"),
                vec![
                    ADDRESS,
                    CHOOSE_PROVIDER,
                    "brevo-smtp-key",
                    "brevo-domain",
                    SETTINGS,
                    TEST_EMAIL,
                ],
            ),
            (
                Some("other"),
                Some("acme.fr"),
                vec![ADDRESS, CHOOSE_PROVIDER, "own-server-ask-it", SETTINGS, TEST_EMAIL],
            ),
            (
                Some("yahoo"),
                Some("yahoo.fr"),
                vec![ADDRESS, "yahoo-app-password", SETTINGS, TEST_EMAIL],
            ),
            (
                Some("icloud"),
                Some("icloud.com"),
                vec![ADDRESS, "icloud-app-password", SETTINGS, TEST_EMAIL],
            ),
        ];
        for (provider, domain, expected) in cases {
            assert_eq!(
                &route(*provider, *domain, ADDRESS).path(),
                expected,
                "{provider:?} {domain:?}"
            );
        }
    }

    #[test]
    fn branches() {
        let method = route(Some("microsoft365"), Some("acme.fr"), "m365-method");
        let relay = method.with_branch("relay").unwrap();
        assert_eq!(relay.step, "relay-prerequisites");
        let relay_path = [
            "m365-method",
            "relay-prerequisites",
            "relay-domain",
            "relay-ips",
            "relay-connector",
            "relay-spf",
            "relay-settings",
            "relay-verify",
            "relay-dkim",
            "relay-limits",
        ];
        assert_eq!(relay.path()[2..], relay_path);
        assert_eq!(relay.back().unwrap().step, "m365-method");
        let direct = method.with_branch("direct-send").unwrap();
        assert_eq!(direct.path()[2..], ["m365-method", "direct-send"]);
        // Password SMTP AUTH is no longer the path taken by default; its branch keeps the card.
        assert_eq!(method.next().unwrap().step, "m365-ways-out");
        let auth = method.with_branch("smtp-auth").unwrap();
        assert_eq!(
            auth.path()[2..],
            [
                "m365-method",
                "m365-smtp-auth",
                "m365-timeline",
                "m365-app-password",
                SETTINGS,
                TEST_EMAIL
            ]
        );
        let card = Route {
            step: SETTINGS.into(),
            ..method.clone()
        };
        assert_eq!(card.back().unwrap().step, "m365-app-password");
        assert!(route(Some("gmail"), None, ADDRESS).with_branch("relay").is_none());
        assert!(method.has_step("relay-verify") && method.has_step("settings") && !method.has_step("google-2sv"));
    }

    #[test]
    fn screens_and_own_domains() {
        let cases = [
            (route(None, None, ADDRESS), Some("address"), None),
            (
                route(None, Some("acme.fr"), CHOOSE_PROVIDER),
                Some("provider"),
                Some("acme.fr"),
            ),
            (
                route(Some("gmail"), Some("gmail.com"), "google-2sv"),
                Some("google-2sv"),
                None,
            ),
            (
                route(Some("orange"), Some("orange.fr"), SETTINGS),
                Some("settings"),
                None,
            ),
            (
                route(Some("microsoft365"), Some("acme.fr"), TEST_EMAIL),
                Some("test-email"),
                Some("acme.fr"),
            ),
            (route(Some("gmail"), None, "relay-ips"), None, None),
        ];
        for (route, screen, own) in cases {
            let shown = route.screen().map(|s| match s {
                Screen::Address => ADDRESS,
                Screen::Provider => CHOOSE_PROVIDER,
                Screen::Walkthrough(step) => step.id.as_str(),
                Screen::Settings => SETTINGS,
                Screen::TestEmail => TEST_EMAIL,
            });
            assert_eq!((shown, route.own_domain()), (screen, own), "{route:?}");
        }
    }

    #[test]
    fn a_step_has_one_number_however_it_is_reached() {
        let cases = [
            ("gmail", "gmail.com", "google-app-passwords"),
            ("orange", "orange.fr", SETTINGS),
            ("outlook", "hotmail.fr", "outlook-ways-out"),
            ("microsoft365", "acme.fr", "m365-method"),
            ("ovh", "boulangerie.fr", SETTINGS),
        ];
        for (provider, domain, step) in cases {
            let typed = Route {
                step: step.into(),
                ..Route::with_address_domain(domain).with_provider(provider)
            };
            let linked = route(Some(provider), Some(domain), step);
            let without_domain = route(Some(provider), None, step);
            assert_eq!(typed.position(), linked.position(), "{provider} {step}");
            assert_eq!(linked.position(), without_domain.position(), "{provider} {step}");
        }
    }

    #[test]
    fn moves() {
        let start = Route::with_address_domain("gmail.com");
        assert_eq!(start, route(Some("gmail"), Some("gmail.com"), "google-sign-in"));
        assert_eq!(start.position(), (2, Some(8)));
        assert_eq!(start.back().unwrap().step, ADDRESS);
        assert_eq!(start.next().unwrap().step, "google-2sv");

        let unknown = Route::with_address_domain("acme.fr");
        assert_eq!(unknown, route(None, Some("acme.fr"), CHOOSE_PROVIDER));
        assert_eq!(unknown.position(), (2, None), "the path's length is not known yet");
        assert_eq!(unknown.next(), None);
        let chosen = unknown.with_provider("microsoft365");
        assert_eq!(chosen.step, "m365-method");
        assert_eq!(chosen.back().unwrap().step, CHOOSE_PROVIDER);

        assert_eq!(Route::default().with_provider("gmail").step, "google-sign-in");
        assert_eq!(Route::default().with_provider("microsoft365").step, "m365-method");

        let isp = Route::with_address_domain("orange.fr");
        assert_eq!(isp.step, SETTINGS);
        assert_eq!(isp.next().unwrap().step, TEST_EMAIL);
        assert_eq!(isp.next().unwrap().next(), None);

        let outlook = Route::with_address_domain("outlook.fr");
        assert_eq!(outlook.step, "outlook-no-password");
        assert!(!outlook.has_step(SETTINGS));
    }
}
