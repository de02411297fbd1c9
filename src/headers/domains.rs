//! Domains read from pasted headers, checked before they are shown as domains: a forged
//! header can hold bidirectional controls (`\u{202E}rf.lapyap` displays as "paypal.fr") or
//! junk. An invalid one is shown escaped, with a finding, and never offered for a check.

use super::{Finding, Reading};

/// Whether `text` reads as a domain name: two labels at least, each of letters (any
/// script: a message may carry U-labels), digits, hyphens or underscores, the last not all
/// digits. Bidirectional and other invisible controls are not letters, so they fail.
pub fn is_domain(text: &str) -> bool {
    let labels: Vec<&str> = text.split('.').collect();
    let label_ok = |l: &&str| {
        (1..=63).contains(&l.chars().count())
            && l.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    let last_ok = labels.last().is_some_and(|l| !l.chars().all(|c| c.is_ascii_digit()));
    text.len() <= 253 && labels.len() >= 2 && labels.iter().all(label_ok) && last_ok
}

/// `text` with every character that is not visible as itself (controls, format characters
/// such as the bidirectional ones, spaces) written as `[U+202E]`, so what is shown is what was
/// received.
pub fn escaped(text: &str) -> String {
    text.chars()
        .map(|c| match c.is_alphanumeric() || c.is_ascii_punctuation() {
            true => c.to_string(),
            false => format!("[U+{:04X}]", u32::from(c)),
        })
        .collect()
}

/// Escapes every domain of `reading` that is not one, and says so first; a disguised From
/// domain also takes away the "authenticated" verdict.
pub fn check(reading: &mut Reading) {
    let mut invalid = Vec::new();
    let mut fix = |domain: &mut String| {
        if !is_domain(domain) {
            *domain = escaped(domain);
            if !invalid.contains(domain) {
                invalid.push(domain.clone());
            }
        }
    };
    let from_invalid = reading.from_domain.as_ref().is_some_and(|d| !is_domain(d));
    reading.from_domain.iter_mut().for_each(&mut fix);
    let verdicts = reading
        .spf
        .iter_mut()
        .chain(&mut reading.dkim)
        .chain(&mut reading.dmarc);
    verdicts.flat_map(|v| v.domain.as_mut()).for_each(&mut fix);
    reading.signatures.iter_mut().for_each(&mut fix);
    reading.receiver.iter_mut().for_each(&mut fix);
    if from_invalid {
        reading.findings.retain(|f| *f != Finding::Authenticated);
    }
    if !invalid.is_empty() {
        reading.findings.insert(0, Finding::InvalidDomains { domains: invalid });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_and_what_is_shown() {
        let cases = [
            ("acme.fr", true, "acme.fr"),
            ("mail._domainkey.acme.fr", true, "mail._domainkey.acme.fr"),
            ("café.fr", true, "café.fr"),
            ("\u{202E}rf.lapyap", false, "[U+202E]rf.lapyap"),
            ("pay\u{200B}pal.fr", false, "pay[U+200B]pal.fr"),
            ("<script>x</script>", false, "<script>x</script>"),
            ("a b.fr", false, "a[U+0020]b.fr"),
            ("localhost", false, "localhost"),
            ("1.2.3.4", false, "1.2.3.4"),
            ("", false, ""),
        ];
        for (text, valid, shown) in cases {
            assert_eq!(is_domain(text), valid, "{text:?}");
            if !valid {
                assert_eq!(escaped(text), shown, "{text:?}");
            }
        }
    }
}

#[cfg(test)]
mod reading_tests {
    use super::super::{Fix, read};
    use super::*;

    const BLOCK: &str = "Received: from out.example.net (out.example.net [192.0.2.1]) by mx.google.com with ESMTPS id a1; Tue, 1 Dec 2026 10:00:00 +0000\n\
Authentication-Results: mx.google.com; dkim=pass header.i=@DOMAIN header.s=s1; spf=pass smtp.mailfrom=bounce@DOMAIN; dmarc=pass (p=REJECT) header.from=DOMAIN\n\
From: Service <service@DOMAIN>\n\
Subject: Invoice\n";

    /// A disguised or junk From domain is shown escaped, said first, never "authenticated",
    /// and never offered for a check.
    #[test]
    fn disguised_and_junk_domains() {
        let cases = [
            ("\u{202E}rf.lapyap", Some("[U+202E]rf.lapyap")),
            ("pay\u{200B}pal.fr", Some("pay[U+200B]pal.fr")),
            ("junk_.-", Some("junk_.-")),
            ("acme.fr", None),
        ];
        for (domain, shown) in cases {
            let reading = read(&BLOCK.replace("DOMAIN", domain)).expect("headers");
            let first = reading.findings.first();
            match shown {
                Some(shown) => {
                    assert_eq!(reading.from_domain.as_deref(), Some(shown), "{domain:?}");
                    assert!(
                        matches!(first, Some(Finding::InvalidDomains { domains }) if domains.iter().any(|d| d == shown)),
                        "{domain:?}: {:?}",
                        reading.findings
                    );
                    assert!(!reading.findings.contains(&Finding::Authenticated), "{domain:?}");
                    let fixes: Vec<Fix> = reading.findings.iter().filter_map(|f| reading.fix(f)).collect();
                    assert!(fixes.is_empty(), "{domain:?}: {fixes:?}");
                }
                None => assert_eq!(reading.findings, [Finding::Authenticated], "{domain:?}"),
            }
        }
    }
}
