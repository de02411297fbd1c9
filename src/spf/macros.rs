//! SPF macro strings (RFC 7208 §7): parsing, and expansion for domain specs and explanations.

use std::net::IpAddr;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    Literal(String),
    Macro(Macro),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Macro {
    /// Lower-case letter; `url_escape` remembers whether it was written in upper case.
    pub letter: char,
    pub url_escape: bool,
    pub keep: Option<usize>,
    pub reverse: bool,
    pub delimiters: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MacroError {
    /// A `%` not followed by `{`, `%`, `_` or `-`, or an unclosed `{`.
    BadEscape,
    UnknownLetter,
    /// `c`, `r` and `t` only exist in explanations.
    ExplanationOnlyLetter,
    BadTransformer,
    /// A character outside printable ASCII.
    BadCharacter,
}

/// RFC 3986 unreserved characters stay; everything else is percent-encoded.
const URL_ESCAPE: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// Parses a macro string. `explanation` allows spaces and the `c`, `r`, `t` letters.
pub fn parse(text: &str, explanation: bool) -> Result<Vec<Token>, MacroError> {
    let mut tokens = Vec::new();
    let mut literal = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '%' => match chars.next() {
                Some('%') => literal.push('%'),
                Some('_') => literal.push(' '),
                Some('-') => literal.push_str("%20"),
                Some('{') => {
                    let mut body = String::new();
                    loop {
                        match chars.next() {
                            Some('}') => break,
                            Some(c) => body.push(c),
                            None => return Err(MacroError::BadEscape),
                        }
                    }
                    if !literal.is_empty() {
                        tokens.push(Token::Literal(std::mem::take(&mut literal)));
                    }
                    tokens.push(Token::Macro(parse_macro(&body, explanation)?));
                }
                _ => return Err(MacroError::BadEscape),
            },
            ' ' if explanation => literal.push(c),
            '\x21'..='\x7e' => literal.push(c),
            _ => return Err(MacroError::BadCharacter),
        }
    }
    if !literal.is_empty() {
        tokens.push(Token::Literal(literal));
    }
    Ok(tokens)
}

fn parse_macro(body: &str, explanation: bool) -> Result<Macro, MacroError> {
    let mut chars = body.chars();
    let letter = chars.next().ok_or(MacroError::UnknownLetter)?;
    let lower = letter.to_ascii_lowercase();
    match lower {
        's' | 'l' | 'o' | 'd' | 'i' | 'p' | 'h' | 'v' => {}
        'c' | 'r' | 't' if explanation => {}
        'c' | 'r' | 't' => return Err(MacroError::ExplanationOnlyLetter),
        _ => return Err(MacroError::UnknownLetter),
    }
    let rest = chars.as_str();
    let digits_end = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
    let keep = match &rest[..digits_end] {
        "" => None,
        digits => match digits.parse::<usize>() {
            Ok(0) | Err(_) => return Err(MacroError::BadTransformer),
            Ok(n) => Some(n),
        },
    };
    let mut rest = &rest[digits_end..];
    let reverse = rest.starts_with(['r', 'R']);
    if reverse {
        rest = &rest[1..];
    }
    if !rest.chars().all(|c| ".-+,/_=".contains(c)) {
        return Err(MacroError::BadTransformer);
    }
    Ok(Macro {
        letter: lower,
        url_escape: letter.is_ascii_uppercase(),
        keep,
        reverse,
        delimiters: rest.to_owned(),
    })
}

/// What the macro letters stand for during one evaluation.
pub struct Values<'a> {
    pub sender_local: &'a str,
    pub sender_domain: &'a str,
    pub domain: &'a str,
    pub ip: IpAddr,
    pub helo: &'a str,
    /// The validated domain name of `ip` (`p`), computed only when a macro asks for it.
    pub validated_name: Option<&'a str>,
    /// The receiving host (`r`), and the time of evaluation (`t`), for explanations.
    pub receiver: &'a str,
    pub timestamp: u64,
}

impl Values<'_> {
    fn value(&self, letter: char) -> String {
        match letter {
            's' => format!("{}@{}", self.sender_local, self.sender_domain),
            'l' => self.sender_local.to_owned(),
            'o' => self.sender_domain.to_owned(),
            'd' => self.domain.to_owned(),
            'i' => dotted_ip(self.ip),
            'p' => self.validated_name.unwrap_or("unknown").to_owned(),
            'h' => self.helo.to_owned(),
            'v' => if self.ip.is_ipv4() { "in-addr" } else { "ip6" }.to_owned(),
            'c' => self.ip.to_string(),
            'r' => self.receiver.to_owned(),
            't' => self.timestamp.to_string(),
            _ => unreachable!("letters are checked when parsing"),
        }
    }
}

/// `i`: the address as dotted decimal, or IPv6 as dotted nibbles.
pub fn dotted_ip(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => {
            let hex: String = v6.octets().iter().map(|b| format!("{b:02x}")).collect();
            let nibbles: Vec<String> = hex.chars().map(String::from).collect();
            nibbles.join(".")
        }
    }
}

pub fn expand(tokens: &[Token], values: &Values) -> String {
    let mut out = String::new();
    for token in tokens {
        match token {
            Token::Literal(text) => out.push_str(text),
            Token::Macro(m) => {
                let value = values.value(m.letter);
                let delimiters: &str = if m.delimiters.is_empty() { "." } else { &m.delimiters };
                let mut parts: Vec<&str> = value.split(|c| delimiters.contains(c)).collect();
                if m.reverse {
                    parts.reverse();
                }
                if let Some(keep) = m.keep {
                    let skip = parts.len().saturating_sub(keep);
                    parts.drain(..skip);
                }
                let joined = parts.join(".");
                if m.url_escape {
                    out.extend(utf8_percent_encode(&joined, URL_ESCAPE));
                } else {
                    out.push_str(&joined);
                }
            }
        }
    }
    out
}

pub fn uses_letter(tokens: &[Token], letter: char) -> bool {
    tokens
        .iter()
        .any(|t| matches!(t, Token::Macro(m) if m.letter == letter))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The examples of RFC 7208 §7.4.
    #[test]
    fn rfc_examples() {
        let v4 = Values {
            sender_local: "strong-bad",
            sender_domain: "email.example.com",
            domain: "email.example.com",
            ip: "192.0.2.3".parse().unwrap(),
            helo: "mx.example.org",
            validated_name: None,
            receiver: "receiver.example",
            timestamp: 0,
        };
        let cases = [
            ("%{s}", "strong-bad@email.example.com"),
            ("%{o}", "email.example.com"),
            ("%{d}", "email.example.com"),
            ("%{d4}", "email.example.com"),
            ("%{d3}", "email.example.com"),
            ("%{d2}", "example.com"),
            ("%{d1}", "com"),
            ("%{dr}", "com.example.email"),
            ("%{d2r}", "example.email"),
            ("%{l}", "strong-bad"),
            ("%{l-}", "strong.bad"),
            ("%{lr}", "strong-bad"),
            ("%{lr-}", "bad.strong"),
            ("%{l1r-}", "strong"),
            ("%{ir}.%{v}._spf.%{d2}", "3.2.0.192.in-addr._spf.example.com"),
            ("%{lr-}.lp._spf.%{d2}", "bad.strong.lp._spf.example.com"),
            (
                "%{lr-}.lp.%{ir}.%{v}._spf.%{d2}",
                "bad.strong.lp.3.2.0.192.in-addr._spf.example.com",
            ),
            (
                "%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}",
                "3.2.0.192.in-addr.strong.lp._spf.example.com",
            ),
            (
                "%{d2}.trusted-domains.example.net",
                "example.com.trusted-domains.example.net",
            ),
            ("%%%_%-", "% %20"),
        ];
        for (text, expected) in cases {
            assert_eq!(expand(&parse(text, false).unwrap(), &v4), expected, "{text}");
        }
        let v6 = Values {
            ip: "2001:db8::cb01".parse().unwrap(),
            ..v4
        };
        assert_eq!(
            expand(&parse("%{ir}.%{v}._spf.%{d2}", false).unwrap(), &v6),
            "1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com"
        );
    }

    #[test]
    fn errors() {
        let cases = [
            ("%", MacroError::BadEscape),
            ("%x", MacroError::BadEscape),
            ("%{d", MacroError::BadEscape),
            ("%{x}", MacroError::UnknownLetter),
            ("%{c}", MacroError::ExplanationOnlyLetter),
            ("%{d0}", MacroError::BadTransformer),
            ("%{d2x}", MacroError::BadTransformer),
            ("a b", MacroError::BadCharacter),
            ("é", MacroError::BadCharacter),
        ];
        for (text, expected) in cases {
            assert_eq!(parse(text, false), Err(expected), "{text}");
        }
        assert!(parse("%{c} %{r} %{t}", true).is_ok());
    }
}
