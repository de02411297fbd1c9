//! The prefilled email to the IT contact, as a `mailto:` link (RFC 6068).

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use crate::{i18n::Lang, text::screens::W};

/// RFC 6068 leaves these unreserved; everything else in a header value is percent-encoded
/// (spaces as `%20`, never `+`).
const HFVALUE: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// The link opens the user's mail program with no recipient: they choose their IT contact.
/// It names the application and the domain, never the mailbox.
pub fn ask_it(app_name: &str, domain: Option<&str>, lang: Lang) -> String {
    let domain = domain.unwrap_or("…");
    let subject = W::ask_it_subject(lang, app_name);
    let body = W::ask_it_body(lang, app_name, domain).replace('\n', "\r\n");
    format!(
        "mailto:?subject={}&body={}",
        utf8_percent_encode(&subject, HFVALUE),
        utf8_percent_encode(&body, HFVALUE)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_for_mailto() {
        let link = ask_it("LoKisi", Some("acme.fr"), Lang::En);
        assert!(
            link.starts_with(
                "mailto:?subject=SMTP%20settings%20for%20LoKisi&body=Hello%2C%0D%0A%0D%0ATo%20let%20LoKisi"
            ),
            "{link}"
        );
        assert!(link.contains("acme.fr"));
        assert!(!link.contains('+') && !link.contains(' '));
        let fr = ask_it("ISAGI CONNECT", None, Lang::Fr);
        assert!(fr.contains("R%C3%A9glages%20SMTP%20pour%20ISAGI%20CONNECT"), "{fr}");
    }
}
