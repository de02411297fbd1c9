//! An application profile file read and checked the way the build reads it, for the shipped
//! profiles and for a vendor's own (`cargo xtask build --profile`): every error names the
//! file and the field.

use super::model::App;

/// The profile in `text`, read from `path`, or why the build refuses it.
pub fn read(path: &str, text: &str) -> Result<App, String> {
    let app: App = toml::from_str(text).map_err(|e| format!("{path}: {}", e.to_string().trim_end()))?;
    let problems = app.problems();
    if problems.is_empty() {
        Ok(app)
    } else {
        Err(problems
            .iter()
            .map(|p| format!("{path}: {p}"))
            .collect::<Vec<_>>()
            .join("\n"))
    }
}

/// Vendor profiles whose id is a shipped one would silently replace it: refused.
pub fn clashes(shipped: &[App], vendor: &App, path: &str) -> Result<(), String> {
    match shipped.iter().any(|a| a.id == vendor.id) {
        true => Err(format!(
            "{path}: id: `{}` is a profile the assistant already ships",
            vendor.id
        )),
        false => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VENDOR: &str = include_str!("../../tests/profiles/acme-gestion.toml");

    #[test]
    fn the_documented_example_is_a_valid_profile() {
        let app = read("acme-gestion.toml", VENDOR).unwrap();
        assert_eq!(app.id, "acme-gestion");
        assert!(clashes(crate::presets::apps(), &app, "acme-gestion.toml").is_ok());
    }

    #[test]
    fn a_broken_profile_is_refused_with_its_file_and_field() {
        let cases = [
            (
                "password = { en = \"Password\", fr = \"Mot de passe\" }\n",
                "",
                "missing field `password`",
            ),
            (
                "[fields]",
                "[fields]\nhots = { en = \"Host\", fr = \"Hôte\" }",
                "unknown field `hots`",
            ),
            (
                "id = \"acme-gestion\"",
                "id = \"Acme Gestion\"",
                "id: `Acme Gestion` must be",
            ),
            (
                "id = \"acme-gestion\"",
                "id = \"acme-gestion\"\nispdb = \"http://ispdb.acme.example/v1.1/\"",
                "ispdb: `http://ispdb.acme.example/v1.1/` must be an https URL or `off`",
            ),
            (
                "id = \"acme-gestion\"",
                "id = \"acme-gestion\"\ndoh = \"http://dns.acme.example/dns-query\"",
                "doh: `http://dns.acme.example/dns-query` must be an https URL",
            ),
            (
                "checked = \"2026-11-22\"",
                "checked = \"22/11/2026\"",
                "source: checked `22/11/2026`",
            ),
            (
                "name = { en = \"Acme Gestion\", fr = \"Acme Gestion\" }",
                "name = { en = \"Acme Gestion\", fr = \"\" }",
                "name.fr: empty",
            ),
            (
                "property = \"accent\"",
                "property = \"colour\"",
                "theme: unknown property `colour`",
            ),
            (
                "value = \"#0b5394\"",
                "value = \"red; background: url(x)\"",
                "theme.accent: `red; background: url(x)`",
            ),
        ];
        for (from, to, expected) in cases {
            assert!(VENDOR.contains(from), "{from}");
            let broken = VENDOR.replacen(from, to, 1);
            let error = read("vendor/acme.toml", &broken).unwrap_err();
            assert!(error.starts_with("vendor/acme.toml: "), "{error}");
            assert!(error.contains(expected), "{expected} not in: {error}");
        }
    }

    #[test]
    fn a_vendor_names_its_own_provider_database_or_turns_it_off() {
        for value in ["https://ispdb.acme.example/v1.1/", "off"] {
            let with = VENDOR.replacen(
                "id = \"acme-gestion\"",
                &format!("id = \"acme-gestion\"\nispdb = \"{value}\""),
                1,
            );
            assert_eq!(read("acme.toml", &with).unwrap().ispdb.as_deref(), Some(value));
        }
    }

    #[test]
    fn a_vendor_profile_cannot_replace_a_shipped_one() {
        let mut app = read("acme-gestion.toml", VENDOR).unwrap();
        app.id = "generic".into();
        let error = clashes(crate::presets::apps(), &app, "acme.toml").unwrap_err();
        assert!(error.contains("acme.toml: id: `generic`"), "{error}");
    }
}
