//! Which DNS-over-HTTPS resolver receives the queries: a public one by name, or a resolver
//! on this machine (`?doh=http://127.0.0.1:…`) for tests and offline documentation sites.

use std::net::IpAddr;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Endpoint {
    Cloudflare,
    Google,
    Quad9,
    /// An `http(s)` URL: on a loopback address from `?doh=`, or a vendor's own resolver
    /// named by its application profile.
    Url(String),
}

/// Why a `?doh=` or `?ispdb=` value was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Not a known name and not an `http(s)` URL.
    Unknown,
    /// A URL whose host is not on this machine: queries would reveal the domain elsewhere.
    NotLoopback,
    /// A plain-HTTP resolver at another loopback address than `127.0.0.1` or `localhost`:
    /// a page's security policy cannot name it (CSP has no syntax for an IPv6 address), so
    /// the single file and an embedding page under `docs/embedding.md`'s policy would block it.
    NotListable,
}

impl Endpoint {
    pub const PUBLIC: [Endpoint; 3] = [Endpoint::Cloudflare, Endpoint::Google, Endpoint::Quad9];

    /// The value of `?doh=`.
    pub fn id(&self) -> &str {
        match self {
            Endpoint::Cloudflare => "cloudflare",
            Endpoint::Google => "google",
            Endpoint::Quad9 => "quad9",
            Endpoint::Url(url) => url,
        }
    }

    /// Who receives the domain names, as shown on the page.
    pub fn operator(&self) -> &str {
        match self {
            Endpoint::Cloudflare => "Cloudflare (cloudflare-dns.com)",
            Endpoint::Google => "Google (dns.google)",
            Endpoint::Quad9 => "Quad9 (dns.quad9.net)",
            Endpoint::Url(url) => url,
        }
    }

    /// RFC 8484 wire-format endpoint.
    pub fn wire_url(&self) -> &str {
        match self {
            Endpoint::Cloudflare => "https://cloudflare-dns.com/dns-query",
            Endpoint::Google => "https://dns.google/dns-query",
            Endpoint::Quad9 => "https://dns.quad9.net/dns-query",
            Endpoint::Url(url) => url,
        }
    }

    /// The JSON dialect, where the resolver offers one.
    pub fn json_url(&self) -> Option<&str> {
        match self {
            Endpoint::Cloudflare => Some("https://cloudflare-dns.com/dns-query"),
            Endpoint::Google => Some("https://dns.google/resolve"),
            Endpoint::Quad9 | Endpoint::Url(_) => None,
        }
    }

    /// The resolver tried once when this one fails. A local resolver has none: tests and
    /// offline sites must never send names to the Internet.
    pub fn fallback(&self) -> Option<Endpoint> {
        match self {
            Endpoint::Cloudflare => Some(Endpoint::Google),
            Endpoint::Google | Endpoint::Quad9 => Some(Endpoint::Cloudflare),
            Endpoint::Url(_) => None,
        }
    }
}

/// Reads `?doh=`: a public resolver's name, or a URL on this machine (`local_url`).
pub fn parse(value: &str) -> Result<Endpoint, Refusal> {
    let value = value.trim();
    if let Some(named) = Endpoint::PUBLIC
        .into_iter()
        .find(|e| e.id().eq_ignore_ascii_case(value))
    {
        return Ok(named);
    }
    local_url(value).map(|url| Endpoint::Url(url.to_owned()))
}

/// `value` when it is an `http(s)` URL whose host is a loopback address (`127.0.0.0/8`,
/// `::1`, `localhost`); over plain HTTP, `127.0.0.1` or `localhost` only, the loopback hosts
/// a `connect-src` can list. Shared by every service the page may be pointed at for tests
/// and offline sites (`?doh=`, `?ispdb=`).
pub fn local_url(value: &str) -> Result<&str, Refusal> {
    let value = value.trim();
    let rest = ["http://", "https://"]
        .iter()
        .find_map(|scheme| {
            value
                .get(..scheme.len())
                .filter(|p| p.eq_ignore_ascii_case(scheme))
                .map(|_| &value[scheme.len()..])
        })
        .ok_or(Refusal::Unknown)?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return Err(Refusal::NotLoopback);
    }
    let host = match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => authority.split(':').next().unwrap_or_default(),
    };
    let localhost = host.eq_ignore_ascii_case("localhost");
    let loopback = localhost || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback());
    let listable = localhost || host == "127.0.0.1" || value[..5].eq_ignore_ascii_case("https");
    match (loopback, listable) {
        (true, true) => Ok(value),
        (true, false) => Err(Refusal::NotListable),
        (false, _) => Err(Refusal::NotLoopback),
    }
}

/// The resolver that tells the asking network's public address: Cloudflare's answers
/// `whoami.cloudflare` (TXT, class CH) with it. A resolver on this machine (tests, offline
/// sites) is asked instead, so that nothing leaves it.
pub fn for_whoami(chosen: &Endpoint) -> Endpoint {
    match chosen {
        Endpoint::Url(url) if parse(url).is_ok() => chosen.clone(),
        _ => Endpoint::Cloudflare,
    }
}

/// The name Cloudflare's resolver answers with the asker's address (see `for_whoami`).
pub const WHOAMI: &str = "whoami.cloudflare";

/// Which resolver receives the names: the link's, else the application's, else Cloudflare.
pub fn chosen(link: Option<&Endpoint>, app: Option<&str>) -> Endpoint {
    link.cloned()
        .or_else(|| app.map(|url| Endpoint::Url(url.to_owned())))
        .unwrap_or(Endpoint::Cloudflare)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_public_address_is_asked_of_cloudflare_or_of_this_machine() {
        let local = Endpoint::Url("http://127.0.0.1:8053/dns-query".into());
        let vendor = Endpoint::Url("https://dns.vendor.example/dns-query".into());
        assert_eq!(for_whoami(&local), local);
        assert_eq!(for_whoami(&vendor), Endpoint::Cloudflare);
        assert_eq!(for_whoami(&Endpoint::Google), Endpoint::Cloudflare);
    }

    #[test]
    fn the_links_resolver_then_the_applications_then_cloudflare() {
        let vendor = "https://dns.vendor.example/dns-query";
        assert_eq!(chosen(Some(&Endpoint::Quad9), Some(vendor)), Endpoint::Quad9);
        assert_eq!(chosen(None, Some(vendor)), Endpoint::Url(vendor.into()));
        assert_eq!(chosen(None, None), Endpoint::Cloudflare);
    }

    #[test]
    fn doh_values() {
        let cases = [
            ("cloudflare", Ok(Endpoint::Cloudflare)),
            ("Google", Ok(Endpoint::Google)),
            ("quad9", Ok(Endpoint::Quad9)),
            (
                "http://127.0.0.1:8053/dns-query",
                Ok(Endpoint::Url("http://127.0.0.1:8053/dns-query".into())),
            ),
            (
                "https://127.0.0.2/dns-query",
                Ok(Endpoint::Url("https://127.0.0.2/dns-query".into())),
            ),
            ("http://[::1]:8053/dns-query", Err(Refusal::NotListable)),
            ("http://127.0.0.2:8053/dns-query", Err(Refusal::NotListable)),
            (
                "https://[::1]:8053/dns-query",
                Ok(Endpoint::Url("https://[::1]:8053/dns-query".into())),
            ),
            (
                "http://localhost:8053/dns-query",
                Ok(Endpoint::Url("http://localhost:8053/dns-query".into())),
            ),
            ("https://dns.example.net/dns-query", Err(Refusal::NotLoopback)),
            ("http://127.0.0.1@evil.example/dns-query", Err(Refusal::NotLoopback)),
            ("http://127.0.0.1.evil.example/", Err(Refusal::NotLoopback)),
            ("http://10.0.0.1/dns-query", Err(Refusal::NotLoopback)),
            ("ftp://127.0.0.1/", Err(Refusal::Unknown)),
            ("javascript:alert(1)", Err(Refusal::Unknown)),
            ("opendns", Err(Refusal::Unknown)),
        ];
        for (value, expected) in cases {
            assert_eq!(parse(value), expected, "{value}");
        }
    }
}
