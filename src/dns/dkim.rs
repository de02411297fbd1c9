//! Whether a published DKIM key record holds a usable public key (RFC 6376 §3.6.1): a `p=`
//! tag whose base64 decodes to an RSA key in DER (a SEQUENCE) or a 32-byte Ed25519 key
//! (RFC 8463). An empty `p=` is a revoked key.

use base64::{Engine, engine::general_purpose::STANDARD};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Valid,
    /// `p=` is present and empty.
    Revoked,
    /// No `p=`, or one that is not a public key.
    Invalid,
}

/// The verdict on one key record's text (its strings joined).
pub fn key(record: &str) -> Key {
    let tags: Vec<(&str, &str)> = record
        .split(';')
        .filter_map(|tag| tag.split_once('='))
        .map(|(name, value)| (name.trim(), value.trim()))
        .collect();
    let value = |name: &str| tags.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| *v);
    let Some(p) = value("p") else {
        return Key::Invalid;
    };
    // Folding whitespace may split the base64 anywhere.
    let p: String = p.chars().filter(|c| !c.is_whitespace()).collect();
    if p.is_empty() {
        return Key::Revoked;
    }
    let Ok(bytes) = STANDARD.decode(&p) else {
        return Key::Invalid;
    };
    let ed25519 = value("k").is_some_and(|k| k.eq_ignore_ascii_case("ed25519"));
    // An RSA key of 1024 bits or more is well over 100 bytes of DER.
    let usable = if ed25519 {
        bytes.len() == 32
    } else {
        bytes.first() == Some(&0x30) && bytes.len() > 100
    };
    if usable { Key::Valid } else { Key::Invalid }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        let rsa = format!("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA{}", "A".repeat(300));
        let cases = [
            (format!("v=DKIM1; k=rsa; p={rsa}"), Key::Valid),
            (format!("v=DKIM1; k=rsa; p={} {}", &rsa[..40], &rsa[40..]), Key::Valid),
            (
                "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=".to_owned(),
                Key::Valid,
            ),
            ("v=DKIM1; p=".to_owned(), Key::Revoked),
            (
                "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtestkey".to_owned(),
                Key::Invalid,
            ),
            ("v=DKIM1; k=rsa; p=not base64!".to_owned(), Key::Invalid),
            ("v=DKIM1; k=rsa".to_owned(), Key::Invalid),
            ("<script>alert(1)</script>".to_owned(), Key::Invalid),
        ];
        for (record, expected) in cases {
            assert_eq!(key(&record), expected, "{record}");
        }
    }
}
