//! Which copy of the database is asked: Mozilla's service, a copy on this machine
//! (`?ispdb=http://127.0.0.1:…/v1.1/`) for tests and offline documentation sites, a vendor's
//! mirror named by its application profile, or none.

use crate::dns::endpoint::{self, Refusal};

/// Mozilla's service. It answers every request, 404s included, with
/// `Access-Control-Allow-Origin: *`, so a page can tell "not listed" from a network failure.
pub const MOZILLA: &str = "https://autoconfig.thunderbird.net/v1.1/";

/// The value of `?ispdb=` and of a profile's `ispdb` that turns the look-up off.
pub const OFF: &str = "off";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Service {
    Mozilla,
    /// A base URL: on this machine from `?ispdb=`, or a vendor's mirror from its profile.
    Url(String),
    Off,
}

impl Service {
    /// The URL a domain's answer is read from; `None` when the look-up is off.
    pub fn url_for(&self, domain: &str) -> Option<String> {
        let base = match self {
            Service::Mozilla => MOZILLA,
            Service::Url(url) => url,
            Service::Off => return None,
        };
        Some(format!("{}/{domain}", base.trim_end_matches('/')))
    }

    /// Who receives the domain names, as the page says it.
    pub fn operator(&self) -> Option<&str> {
        match self {
            Service::Mozilla => Some("Mozilla (autoconfig.thunderbird.net)"),
            Service::Url(url) => Some(url),
            Service::Off => None,
        }
    }
}

/// Reads `?ispdb=`: `off`, or a base URL on this machine (the rule of `?doh=`).
pub fn parse(value: &str) -> Result<String, Refusal> {
    if value.trim().eq_ignore_ascii_case(OFF) {
        return Ok(OFF.to_owned());
    }
    endpoint::local_url(value).map(str::to_owned)
}

/// The link's choice, else the application's, else Mozilla's service.
pub fn chosen(link: Option<&str>, app: Option<&str>) -> Service {
    match link.or(app) {
        Some(OFF) => Service::Off,
        Some(url) => Service::Url(url.to_owned()),
        None => Service::Mozilla,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_service_asked() {
        let local = "http://127.0.0.1:8081/v1.1/";
        let mirror = "https://ispdb.vendor.example/v1.1";
        let cases = [
            (None, None, Some("https://autoconfig.thunderbird.net/v1.1/web.de")),
            (Some(local), Some(mirror), Some("http://127.0.0.1:8081/v1.1/web.de")),
            (None, Some(mirror), Some("https://ispdb.vendor.example/v1.1/web.de")),
            (None, Some(OFF), None),
            (Some(OFF), None, None),
        ];
        for (link, app, expected) in cases {
            assert_eq!(
                chosen(link, app).url_for("web.de").as_deref(),
                expected,
                "{link:?} {app:?}"
            );
        }
    }

    #[test]
    fn ispdb_values() {
        let cases = [
            ("off", Ok("off")),
            ("OFF", Ok("off")),
            ("http://127.0.0.1:8081/v1.1/", Ok("http://127.0.0.1:8081/v1.1/")),
            ("https://autoconfig.thunderbird.net/v1.1/", Err(Refusal::NotLoopback)),
            ("http://127.0.0.1.evil.example/v1.1/", Err(Refusal::NotLoopback)),
            ("javascript:alert(1)", Err(Refusal::Unknown)),
        ];
        for (value, expected) in cases {
            assert_eq!(parse(value).as_deref().map_err(|e| *e), expected, "{value}");
        }
    }
}
