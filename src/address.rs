//! Reading the address the user wants to send from: trimmed, case-folded, internationalised
//! domains accepted, and every refusal a specific reason the interface can explain.

use crate::presets;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    /// The part before the `@`. Never leaves the page: not in the URL, not in storage.
    pub local: String,
    /// The domain in ASCII (IDNA), as DNS and SMTP servers see it.
    pub domain: String,
    /// The domain as people write it (differs from `domain` for internationalised names).
    pub domain_display: String,
}

impl Address {
    pub fn full(&self) -> String {
        format!("{}@{}", self.local, self.domain_display)
    }
}

/// Why an address was refused. The interface words each one (see `text`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddressError {
    Empty,
    NoAt,
    SeveralAt,
    EmptyLocal,
    EmptyDomain,
    Space,
    LocalTooLong,
    LocalDots,
    LocalCharacter(char),
    IpLiteral,
    NoDot,
    BadDomain,
    TooLong,
}

/// The longest address SMTP carries (RFC 5321: a 256-octet path minus the angle brackets).
const MAX_ADDRESS: usize = 254;
const MAX_LOCAL: usize = 64;

/// Turns a Unicode domain name into its ASCII form following UTS #46, or `None`. The browser
/// build passes the browser's own URL parser, which implements UTS #46 and adds nothing to
/// the bundle (the `idna` crate's tables weigh about 47 KB gzipped); elsewhere
/// [`idna_crate`] is used.
pub type ToAscii = fn(&str) -> Option<String>;

/// UTS #46 by the `idna` crate, for tests and tools outside the browser.
#[cfg(not(target_arch = "wasm32"))]
pub fn idna_crate(domain: &str) -> Option<String> {
    idna::domain_to_ascii(domain).ok()
}

/// ASCII letters are lowercased here; other letters keep their case, which UTS #46 maps for
/// the domain's ASCII form. `str::to_lowercase` would bring Unicode's case tables into the
/// first load (about 7 KB gzipped): the address screen lowercases what is typed with the
/// browser's own `toLowerCase` first (`browser::lowercase`).
pub fn parse(input: &str, to_ascii: ToAscii) -> Result<Address, AddressError> {
    let text = input.trim().trim_start_matches("mailto:").to_ascii_lowercase();
    if text.is_empty() {
        return Err(AddressError::Empty);
    }
    if text.chars().any(char::is_whitespace) {
        return Err(AddressError::Space);
    }
    let (local, domain) = match text.split_once('@') {
        None => return Err(AddressError::NoAt),
        Some((_, rest)) if rest.contains('@') => return Err(AddressError::SeveralAt),
        Some(parts) => parts,
    };
    if local.is_empty() {
        return Err(AddressError::EmptyLocal);
    }
    if domain.is_empty() {
        return Err(AddressError::EmptyDomain);
    }
    if local.len() > MAX_LOCAL {
        return Err(AddressError::LocalTooLong);
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err(AddressError::LocalDots);
    }
    if let Some(bad) = local.chars().find(|c| !is_atext(*c)) {
        return Err(AddressError::LocalCharacter(bad));
    }
    if domain.starts_with('[') {
        return Err(AddressError::IpLiteral);
    }
    let domain = domain.strip_suffix('.').unwrap_or(domain);
    let ascii = domain_to_ascii(domain, to_ascii)?;
    if local.len() + 1 + ascii.len() > MAX_ADDRESS {
        return Err(AddressError::TooLong);
    }
    Ok(Address {
        local: local.to_owned(),
        domain: ascii,
        domain_display: domain.to_owned(),
    })
}

/// The longest domain name DNS carries in text form.
const MAX_DOMAIN: usize = 253;
const MAX_LABEL: usize = 63;

/// A domain name in its ASCII form, or why it cannot be one. Also used for `?domain=`.
pub fn domain_to_ascii(domain: &str, to_ascii: ToAscii) -> Result<String, AddressError> {
    // Only letters, digits, hyphens and dots, or any non-ASCII character for IDNA to map:
    // a URL parser would otherwise read `a/b` or `a:25` as a host with a path or a port.
    let allowed = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '.' || !c.is_ascii();
    if !domain.chars().all(allowed) {
        return Err(AddressError::BadDomain);
    }
    if !domain.contains('.') {
        return Err(AddressError::NoDot);
    }
    let ascii = to_ascii(domain).ok_or(AddressError::BadDomain)?;
    if !is_ascii_host_name(&ascii) {
        return Err(AddressError::BadDomain);
    }
    Ok(ascii)
}

/// Whether `ascii` is a host name as DNS writes it after IDNA: two labels at least, of 1 to 63
/// lower-case letters, digits and hyphens, no hyphen at either end, the last label not all
/// digits (that would be an IP address), 253 characters at most.
pub fn is_ascii_host_name(ascii: &str) -> bool {
    let label_ok = |label: &str| {
        (1..=MAX_LABEL).contains(&label.len())
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    let labels: Vec<&str> = ascii.split('.').collect();
    let numeric_tld = labels.last().is_some_and(|tld| tld.bytes().all(|b| b.is_ascii_digit()));
    ascii.len() <= MAX_DOMAIN && labels.len() >= 2 && labels.iter().all(|l| label_ok(l)) && !numeric_tld
}

/// Characters allowed in an unquoted local part (RFC 5322 `atext` and `.`), plus any
/// non-ASCII character (RFC 6531).
fn is_atext(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c) || !c.is_ascii()
}

/// A well-known address domain one or two typing errors away, e.g. `gmail.con` → `gmail.com`.
pub fn suggest_domain(domain: &str) -> Option<&'static str> {
    presets::index()
        .iter()
        .flat_map(|p| p.domains.iter())
        .filter(|known| known.as_str() != domain)
        .map(|known| (strsim::damerau_levenshtein(domain, known), known))
        .filter(|(distance, _)| (1..=2).contains(distance))
        .min_by_key(|(distance, _)| *distance)
        .filter(|_| !presets::index().iter().any(|p| p.domains.iter().any(|d| d == domain)))
        .map(|(_, known)| known.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(local: &str, domain: &str, display: &str) -> Result<Address, AddressError> {
        Ok(Address {
            local: local.into(),
            domain: domain.into(),
            domain_display: display.into(),
        })
    }

    #[test]
    fn parse_table() {
        use AddressError::*;
        let cases: &[(&str, Result<Address, AddressError>)] = &[
            ("jean@gmail.com", ok("jean", "gmail.com", "gmail.com")),
            (
                "  Jean.Dupont@Orange.FR \n",
                ok("jean.dupont", "orange.fr", "orange.fr"),
            ),
            ("mailto:contact@acme.fr", ok("contact", "acme.fr", "acme.fr")),
            ("factures@acme.fr.", ok("factures", "acme.fr", "acme.fr")),
            ("info@café.fr", ok("info", "xn--caf-dma.fr", "café.fr")),
            // Unicode case is mapped by UTS #46 only (see `parse`).
            ("info@CAFÉ.fr", ok("info", "xn--caf-dma.fr", "cafÉ.fr")),
            ("info@xn--caf-dma.fr", ok("info", "xn--caf-dma.fr", "xn--caf-dma.fr")),
            ("josé@exemple.fr", ok("josé", "exemple.fr", "exemple.fr")),
            (
                "a+tag@sub.example.co.uk",
                ok("a+tag", "sub.example.co.uk", "sub.example.co.uk"),
            ),
            ("", Err(Empty)),
            ("   ", Err(Empty)),
            ("jean.gmail.com", Err(NoAt)),
            ("jean@@gmail.com", Err(SeveralAt)),
            ("a@b@gmail.com", Err(SeveralAt)),
            ("@gmail.com", Err(EmptyLocal)),
            ("jean@", Err(EmptyDomain)),
            ("jean dupont@gmail.com", Err(Space)),
            (".jean@gmail.com", Err(LocalDots)),
            ("jean.@gmail.com", Err(LocalDots)),
            ("je..an@gmail.com", Err(LocalDots)),
            ("je(an@gmail.com", Err(LocalCharacter('('))),
            ("jean@[192.0.2.1]", Err(IpLiteral)),
            ("jean@localhost", Err(NoDot)),
            ("jean@gmail", Err(NoDot)),
            ("jean@-acme.fr", Err(BadDomain)),
            ("jean@acme_co.fr", Err(BadDomain)),
            ("jean@acme..fr", Err(BadDomain)),
            ("jean@192.0.2.1", Err(BadDomain)),
            (
                "jean@a.b.c.d.e.f.gh.ij.kl.mn.op.qr.st.uv.wx.yz.aa.bb.cc.dd.ee.ff.gg.hh.ii.jj.kk.ll.mm.nn.oo.pp.qq.rr.ss.tt.uu.vv.ww.xx.yy.zz.ab.cd.ef.gh.ij.kl.mn.op.qr.st.uv.wx.yz.ab.cd.ef.gh.ij.kl.mn.op.qr.st.uv.wx.yz.ab.cd.ef.gh.ij.kl.mn.op.qr.st.uv.wx.yz.ab.cd.ef.gh.ij.kl.mn.op.qr.st.uv.wx.yz.ab.cd.ef.com",
                Err(BadDomain),
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(&parse(input, idna_crate), expected, "{input:?}");
        }
        let long_local = format!("{}@gmail.com", "a".repeat(65));
        assert_eq!(parse(&long_local, idna_crate), Err(LocalTooLong));
        let long = format!(
            "{}@{}.{}.{}.{}.fr",
            "a".repeat(64),
            "b".repeat(60),
            "c".repeat(60),
            "d".repeat(60),
            "e".repeat(60)
        );
        assert_eq!(parse(&long, idna_crate), Err(TooLong));
    }

    #[test]
    fn suggestions() {
        let cases: &[(&str, Option<&str>)] = &[
            ("gmail.con", Some("gmail.com")),
            ("gmial.com", Some("gmail.com")),
            ("hotmial.fr", Some("hotmail.fr")),
            ("oragne.fr", Some("orange.fr")),
            ("gmail.com", None),
            ("acme-industries.fr", None),
        ];
        for (domain, expected) in cases {
            assert_eq!(suggest_domain(domain), *expected, "{domain}");
        }
    }
}
