//! The interface languages and how the page picks one.

pub use crate::presets::Localized;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// The language the switch offers.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Fr,
            Lang::Fr => Lang::En,
        }
    }

    /// The value used in `?lang=` and in the `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|lang| lang.code().eq_ignore_ascii_case(code))
    }

    /// `?lang=` wins, then the browser's preferred languages (`fr-*` is French), else English.
    pub fn negotiate<'a>(requested: Option<Lang>, browser: impl IntoIterator<Item = &'a str>) -> Lang {
        requested
            .or_else(|| {
                browser.into_iter().find_map(|tag| {
                    let primary = tag.split(['-', '_']).next().unwrap_or_default();
                    Lang::from_code(primary)
                })
            })
            .unwrap_or_default()
    }
}

impl Localized {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Fr => &self.fr,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_switch_offers_the_other_language() {
        assert_eq!((Lang::En.other(), Lang::Fr.other()), (Lang::Fr, Lang::En));
    }

    #[test]
    fn negotiation() {
        let cases: &[(Option<Lang>, &[&str], Lang)] = &[
            (None, &[], Lang::En),
            (None, &["fr-FR", "en"], Lang::Fr),
            (None, &["fr"], Lang::Fr),
            (None, &["FR-ca"], Lang::Fr),
            (None, &["de-DE", "fr-FR"], Lang::Fr),
            (None, &["de-DE"], Lang::En),
            (None, &["en-GB", "fr"], Lang::En),
            (Some(Lang::En), &["fr-FR"], Lang::En),
            (Some(Lang::Fr), &["en-US"], Lang::Fr),
        ];
        for (requested, browser, expected) in cases {
            assert_eq!(
                Lang::negotiate(*requested, browser.iter().copied()),
                *expected,
                "{requested:?} {browser:?}"
            );
        }
    }
}
