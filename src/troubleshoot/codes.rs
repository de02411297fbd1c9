//! The SMTP codes of a pasted error, read where SMTP replies write them (RFC 5321 §4.2: a
//! reply line starts with its three digits; RFC 3463's enhanced code follows) and where the
//! common wrappers put them (`(535, b'5.7.8 …')`, `Error: 535`, `responseCode: 535`,
//! `The server response was: 5.7.0 …`). A number that is part of a time, an address, a port,
//! a line number or a process id is never a code: nothing is shown rather than a wrong one.
//! Only refusals count (4xx and 5xx): a transcript's `220`, `250` or `334` is not the error.

/// Words after which a number is not a code: `port 587`, `line 250`, `pid 421`.
const NOT_AFTER: [&str; 12] = [
    "port", "ports", "line", "ligne", "errno", "pid", "id", "thread", "timeout", "after", "size", "length",
];

/// Words after which a number or an enhanced code is one: `Error: 535`, `was: 5.7.0`.
const AFTER: [&str; 12] = [
    "error",
    "erreur",
    "code",
    "reply",
    "response",
    "responsecode",
    "réponse",
    "smtp",
    "status",
    "was",
    "était",
    "failed",
];

/// The reply code and the enhanced status code of the refusal in `text`: the last refusal
/// written as a reply (its enhanced code with it), else the last one a wrapper names.
pub fn codes(text: &str) -> (Option<u16>, Option<String>) {
    let replies = replies(text);
    let best = replies
        .iter()
        .rev()
        .find(|r| r.enhanced.is_some())
        .or_else(|| replies.last());
    match best {
        Some(reply) => {
            let enhanced = reply.enhanced.clone().or_else(|| {
                let class = reply.code / 100;
                enhanced_codes(text)
                    .into_iter()
                    .rev()
                    .find(|e| e.starts_with(char::from(b'0' + class as u8)))
            });
            (Some(reply.code), enhanced)
        }
        None => (None, enhanced_codes(text).pop()),
    }
}

struct Reply {
    code: u16,
    enhanced: Option<String>,
}

/// Every 4xx or 5xx reply code of `text` that stands where a reply or a wrapper writes one.
fn replies(text: &str) -> Vec<Reply> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    for (start, end) in digit_runs(bytes) {
        if end - start != 3 || !matches!(bytes[start], b'4' | b'5') {
            continue;
        }
        let code: u16 = text[start..end].parse().unwrap_or_default();
        if part_of_a_number(bytes, start, end) || after_word(text, start, &NOT_AFTER) {
            continue;
        }
        let next = bytes.get(end).copied();
        let ends_well = matches!(
            next,
            None | Some(b' ' | b'\t' | b'\r' | b'\n' | b'-' | b',' | b')' | b':' | b';' | b'\'' | b'"')
        );
        if !ends_well {
            continue;
        }
        // Its class may differ from the reply's (Microsoft's `451 5.7.3`): it is the reply's.
        let enhanced = enhanced_after(text, end);
        let written_as_reply = at_line_start(bytes, start)
            || matches!(before(bytes, start), Some(b'(' | b':' | b'=' | b'\'' | b'"'))
            || after_word(text, start, &AFTER)
            || text[end..]
                .trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace())
                .is_empty();
        if enhanced.is_some() || written_as_reply {
            found.push(Reply { code, enhanced });
        }
    }
    found
}

/// The enhanced code right after a reply code: `535 5.7.8`, `535-5.7.8`, `(535, b'5.7.8`.
fn enhanced_after(text: &str, end: usize) -> Option<String> {
    let rest = &text[end..];
    let rest = rest
        .strip_prefix(", b'")
        .or_else(|| rest.strip_prefix(", b\""))
        .or_else(|| rest.strip_prefix(", '"))
        .or_else(|| rest.strip_prefix(", \""))
        .or_else(|| rest.strip_prefix(['-', ' ']))?;
    let rest = rest.trim_start_matches(' ');
    let offset = text.len() - rest.len();
    enhanced_at(text, offset)
}

/// An enhanced status code `class.subject.detail` starting at `start` (class 4 or 5,
/// subject and detail of one to three digits), not followed by more of a number or a word
/// (what comes before is the caller's to judge).
fn enhanced_at(text: &str, start: usize) -> Option<String> {
    let bytes = text.as_bytes();
    if !matches!(bytes.get(start), Some(b'4' | b'5')) || bytes.get(start + 1) != Some(&b'.') {
        return None;
    }
    let run = |from: usize| {
        let len = bytes[from.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        (1..=3).contains(&len).then_some(from + len)
    };
    let subject_end = run(start + 2)?;
    if bytes.get(subject_end) != Some(&b'.') {
        return None;
    }
    let end = run(subject_end + 1)?;
    let next = bytes.get(end).copied();
    let more = next.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
        || (matches!(next, Some(b'.' | b':' | b',')) && bytes.get(end + 1).is_some_and(u8::is_ascii_digit));
    (!more).then(|| text[start..end].to_owned())
}

/// Enhanced codes written on their own where a wrapper puts them (`was: 5.7.0 …`, a line's
/// start, after `(` or a quote), in order.
fn enhanced_codes(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    // Only ASCII digits start a code, so every index kept is a character boundary.
    (0..bytes.len())
        .filter(|&i| matches!(bytes[i], b'4' | b'5'))
        .filter(|&i| i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || b".-/_".contains(&bytes[i - 1])))
        .filter(|&i| {
            at_line_start(bytes, i)
                || matches!(before(bytes, i), Some(b'(' | b':' | b'=' | b'\'' | b'"' | b';'))
                || after_word(text, i, &AFTER)
        })
        .filter_map(|i| enhanced_at(text, i))
        .collect()
}

/// The runs of ASCII digits, as byte ranges.
fn digit_runs(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            runs.push((start, i));
        } else {
            i += 1;
        }
    }
    runs
}

/// Whether the digits `start..end` belong to something larger: a word (`x535`), a decimal,
/// an IP address or a time (`10.0.0.250`, `17,535`, `10:42`), a port (`host:587`), a path.
fn part_of_a_number(bytes: &[u8], start: usize, end: usize) -> bool {
    let prev = start.checked_sub(1).map(|i| bytes[i]);
    let prev2 = start.checked_sub(2).map(|i| bytes[i]);
    let next = bytes.get(end).copied();
    let next2 = bytes.get(end + 1).copied();
    let digit_or_letter = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_alphanumeric());
    digit_or_letter(prev)
        || matches!(prev, Some(b'.' | b'/' | b'#' | b'_' | b'+' | b'[' | b'@'))
        || (matches!(prev, Some(b',' | b':' | b'-')) && digit_or_letter(prev2))
        || (matches!(prev, Some(b':')) && prev2 == Some(b']'))
        || digit_or_letter(next)
        || (matches!(next, Some(b'.' | b':' | b',' | b'/')) && next2.is_some_and(|b| b.is_ascii_digit()))
        || matches!(next, Some(b'_' | b'@' | b'%'))
}

/// The last byte before `i` that is not a space or a tab.
fn before(bytes: &[u8], i: usize) -> Option<u8> {
    bytes[..i].iter().rev().find(|b| !matches!(b, b' ' | b'\t')).copied()
}

fn at_line_start(bytes: &[u8], i: usize) -> bool {
    matches!(before(bytes, i), None | Some(b'\n' | b'\r'))
}

/// Whether the word before `i` (spaces, `:` and `=` skipped) is one of `words`.
fn after_word(text: &str, i: usize, words: &[&str]) -> bool {
    let head = text[..i].trim_end_matches([' ', '\t', ':', '=', '#']);
    let word: String = head
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<String>()
        .to_ascii_lowercase();
    words.contains(&word.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Real shapes, and the codes each must give: the refusal's, never a time's, an
    /// address's, a port's or a line's.
    #[test]
    fn codes_where_replies_and_wrappers_write_them() {
        let cases: &[(&str, Option<u16>, Option<&str>)] = &[
            ("535-5.7.8 Username and Password not accepted", Some(535), Some("5.7.8")),
            ("Error: 451 5.7.3 STARTTLS is required", Some(451), Some("5.7.3")),
            (
                "The server response was: 5.7.0 Authentication Required",
                None,
                Some("5.7.0"),
            ),
            ("554 5.2.252 SendAsDenied", Some(554), Some("5.2.252")),
            // Python's smtplib: a tuple, with the enhanced code inside the bytes.
            (
                "smtplib.SMTPAuthenticationError: (535, b'5.7.8 Username and Password not accepted. Learn more at\\n5.7.8  https://support.google.com/mail/?p=BadCredentials')",
                Some(535),
                Some("5.7.8"),
            ),
            (
                "SMTPAuthenticationError: (535, 'Authentication failed: Bad username / password')",
                Some(535),
                None,
            ),
            ("SMTP error 535: Authentication failed", Some(535), None),
            ("Authentication failed (535)", Some(535), None),
            ("Authentication failed, the server said 535", Some(535), None),
            // A transcript: the last refusal, not the greeting or the challenges.
            (
                "220 smtp.gmail.com ESMTP ready\n250-smtp.gmail.com at your service\n250 SMTPUTF8\n334 VXNlcm5hbWU6\n334 UGFzc3dvcmQ6\n535-5.7.8 Username and Password not accepted.\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials",
                Some(535),
                Some("5.7.8"),
            ),
            // A wrapper's code, then the deciding reply.
            (
                "System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.57 Client not authenticated to send mail. Error: 535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [PR1P264CA0012.FRAP264.PROD.OUTLOOK.COM 2026-12-01T10:42:17.535Z 08DE1234ABCD5678]",
                Some(535),
                Some("5.7.139"),
            ),
            (
                "Error: Invalid login: 535-5.7.8 Username and Password not accepted.\n  code: 'EAUTH',\n  response: '535-5.7.8 Username and Password not accepted.',\n  responseCode: 535,\n  command: 'AUTH PLAIN'",
                Some(535),
                Some("5.7.8"),
            ),
            // Numbers that are not codes.
            (
                "2026-12-01 10:42:17,535 ERROR smtp: connection to smtp.gmail.com:587 timed out",
                None,
                None,
            ),
            (
                "[2026-12-01 10:42:17.451] postfix/smtp[4521]: connect to 192.0.2.250[192.0.2.250]:25: Connection timed out",
                None,
                None,
            ),
            ("connect ECONNREFUSED 51.68.0.1:465", None, None),
            (
                "File \"/usr/lib/python3.11/smtplib.py\", line 450, in getreply",
                None,
                None,
            ),
            (
                "Could not connect to SMTP host: smtp.gmail.com, port: 465, response: -1",
                None,
                None,
            ),
            (
                "com.sun.mail.util.MailConnectException: Couldn't connect to host, port: smtp.gmail.com, 465; timeout -1",
                None,
                None,
            ),
            ("pid 421 exited; Thread 550 stopped", None, None),
            ("Connection to [::1]:587 refused after 450 ms", None, None),
            (
                "MailKit 4.3.0 on .NET 8: An error occurred while attempting to establish an SSL or TLS connection.",
                None,
                None,
            ),
            // Codes in a French client's wrapper and an ISP's bilingual reply.
            (
                "Le serveur a répondu : 550 5.1.0 Emetteur invalide. Invalid Sender. OFR_415 [415]",
                Some(550),
                Some("5.1.0"),
            ),
            (
                "421 mwinf5c27 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR004_104 [104]",
                Some(421),
                None,
            ),
            (
                "550 The from address does not match a verified Sender Identity.",
                Some(550),
                None,
            ),
        ];
        for (text, reply, enhanced) in cases {
            assert_eq!(codes(text), (*reply, enhanced.map(String::from)), "{text}");
        }
    }

    proptest::proptest! {
        /// Any text, in any script, is read without a panic (a panic is a dead page).
        #[test]
        fn any_text_is_read(text in "\\PC{0,80}", code in "[45][0-9]{2}") {
            let _ = codes(&text);
            let _ = codes(&format!("{text} {code} 5.7.1 é {text}"));
            let _ = crate::troubleshoot::diagnose(&text, Some("orange"));
            let _ = crate::troubleshoot::named_providers(&format!("é{code}.é 5.7.139é"));
        }
    }
}
