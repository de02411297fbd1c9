//! `Authentication-Results` fields (RFC 8601) and `Received-SPF` (RFC 7208 §9.1): the
//! receiver's verdicts, read from the unfolded text of one field.

/// One method's result: `spf=pass smtp.mailfrom=example.com`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MethodResult {
    /// Lower case: `spf`, `dkim`, `dmarc`, `arc`, `compauth`…
    pub method: String,
    /// Lower case: `pass`, `fail`, `softfail`, `none`…
    pub result: String,
    /// `ptype.property` (lower case) and value, in order: `smtp.mailfrom`, `header.d`…
    pub properties: Vec<(String, String)>,
    /// The comments of this result, joined: receivers write the sending IP and the
    /// policy there (`(sender IP is 192.0.2.1)`, `(p=NONE sp=NONE dis=NONE)`).
    pub comment: String,
}

impl MethodResult {
    pub fn property(&self, name: &str) -> Option<&str> {
        self.properties.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

/// One field: who wrote it (absent in the fields Microsoft writes) and its results.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AuthResults {
    pub authserv_id: Option<String>,
    pub results: Vec<MethodResult>,
}

/// Reads one unfolded `Authentication-Results` value. Anything it cannot read is skipped:
/// the field is informative, and pasted ones are often cut or re-wrapped.
pub fn parse(value: &str) -> AuthResults {
    let mut parts = split_top_level(value).into_iter().peekable();
    let mut parsed = AuthResults::default();
    // `ARC-Authentication-Results` starts with its instance: `i=1; mx.example.com; …`.
    if parts.peek().is_some_and(|(text, _)| is_instance(text)) {
        parts.next();
    }
    let Some((first, first_comment)) = parts.next() else {
        return parsed;
    };
    let first_word = first.split_whitespace().next().unwrap_or_default();
    if first_word.contains('=') {
        parsed.results.extend(method_result(&first, first_comment));
    } else {
        parsed.authserv_id = Some(first_word.to_ascii_lowercase());
    }
    parsed
        .results
        .extend(parts.filter_map(|(text, comment)| method_result(&text, comment)));
    parsed
}

fn is_instance(text: &str) -> bool {
    let text = text.trim();
    text.get(..2).is_some_and(|k| k.eq_ignore_ascii_case("i=")) && text[2..].trim().bytes().all(|b| b.is_ascii_digit())
}

/// The words of a result with the white space RFC 8601 allows around `=` and `/` taken out
/// (`smtp.mailfrom=` folded before its value, `dkim / 1 = fail`), so each `key=value` is one.
fn words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        let glue = words.last().is_some_and(|w| w.ends_with(['=', '/'])) || word.starts_with(['=', '/']);
        match words.last_mut() {
            Some(last) if glue => last.push_str(word),
            _ => words.push(word.to_owned()),
        }
    }
    words
}

fn method_result(text: &str, comment: String) -> Option<MethodResult> {
    let words = words(text);
    let mut words = words.iter();
    let (method, result) = words.next()?.split_once('=')?;
    let method = method.split('/').next().unwrap_or_default().to_ascii_lowercase();
    if method.is_empty()
        || result.is_empty()
        || !method
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return None;
    }
    let properties = words
        .filter_map(|w| w.split_once('='))
        .map(|(k, v)| (k.to_ascii_lowercase(), v.trim_matches('"').to_owned()))
        .collect();
    Some(MethodResult {
        method,
        result: result.to_ascii_lowercase(),
        properties,
        comment,
    })
}

/// Splits at the `;` outside comments and quoted strings; each part without its comments,
/// and its comments.
fn split_top_level(value: &str) -> Vec<(String, String)> {
    let mut parts = Vec::new();
    let (mut text, mut comment) = (String::new(), String::new());
    let mut depth = 0usize;
    let mut quoted = false;
    let mut escaped = false;
    for c in value.chars() {
        if escaped {
            escaped = false;
            if depth > 0 {
                comment.push(c)
            } else {
                text.push(c)
            }
            continue;
        }
        match c {
            '\\' => escaped = true,
            '"' if depth == 0 => {
                quoted = !quoted;
                text.push(c);
            }
            '(' if !quoted => {
                if depth > 0 {
                    comment.push(c);
                } else if !comment.is_empty() {
                    comment.push(' ');
                }
                depth += 1;
                // A comment separates words, as white space does.
                text.push(' ');
            }
            ')' if !quoted && depth > 0 => {
                depth -= 1;
                if depth > 0 {
                    comment.push(c);
                }
            }
            ';' if !quoted && depth == 0 => {
                parts.push((std::mem::take(&mut text), std::mem::take(&mut comment)));
            }
            _ if depth > 0 => comment.push(c),
            _ => text.push(c),
        }
    }
    parts.push((text, comment));
    parts.retain(|(t, _)| !t.trim().is_empty());
    parts
}

/// `Received-SPF: softfail (comment) client-ip=192.0.2.1; envelope-from=…`: the result and
/// the key-value pairs.
pub fn received_spf(value: &str) -> (String, Vec<(String, String)>) {
    let parts = split_top_level(value);
    let mut pairs = Vec::new();
    let mut result = String::new();
    for (i, (text, _)) in parts.iter().enumerate() {
        let mut words = text.split_whitespace();
        if i == 0 {
            result = words.next().unwrap_or_default().to_ascii_lowercase();
        }
        pairs.extend(
            words
                .filter_map(|w| w.split_once('='))
                .map(|(k, v)| (k.to_ascii_lowercase(), v.trim_matches('"').to_owned())),
        );
    }
    (result, pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_results_with_comments_quotes_and_no_authserv_id() {
        let gmail = parse(
            "mx.google.com; dkim=pass header.i=@example.com header.s=s1 header.b=\"ab;c\"; \
             spf=softfail (google.com: domain of a@example.com does not designate 192.0.2.1 as permitted sender) smtp.mailfrom=a@example.com; \
             dmarc=fail (p=QUARANTINE sp=NONE dis=QUARANTINE) header.from=example.com",
        );
        assert_eq!(gmail.authserv_id.as_deref(), Some("mx.google.com"));
        let methods: Vec<(&str, &str)> = gmail
            .results
            .iter()
            .map(|r| (r.method.as_str(), r.result.as_str()))
            .collect();
        assert_eq!(methods, [("dkim", "pass"), ("spf", "softfail"), ("dmarc", "fail")]);
        assert_eq!(gmail.results[0].property("header.b"), Some("ab;c"));
        assert!(gmail.results[1].comment.contains("192.0.2.1"));
        assert_eq!(gmail.results[2].comment, "p=QUARANTINE sp=NONE dis=QUARANTINE");

        let microsoft = parse(
            "spf=pass (sender IP is 192.0.2.7) smtp.mailfrom=example.fr; dkim=none (message not signed) header.d=none;dmarc=none action=none header.from=example.fr;compauth=pass reason=100",
        );
        assert_eq!(microsoft.authserv_id, None);
        assert_eq!(microsoft.results.len(), 4);
        assert_eq!(microsoft.results[2].property("header.from"), Some("example.fr"));

        let arc = parse("i=1; mx.microsoft.com 1; spf=pass smtp.mailfrom=example.fr");
        assert_eq!(arc.authserv_id.as_deref(), Some("mx.microsoft.com"));
        assert_eq!(arc.results.len(), 1);
    }

    #[test]
    fn odd_input_gives_what_it_can() {
        for text in [
            "",
            ";;;",
            "((((",
            "example.org; none",
            "x; =pass; spf=; dkim=pass (unclosed",
            "\"; spf=pass",
        ] {
            let _ = parse(text);
        }
        assert_eq!(parse("example.org; none").results, []);
        assert_eq!(parse("x; dkim=pass (unclosed").results[0].result, "pass");
    }

    #[test]
    fn reads_received_spf() {
        let (result, pairs) = received_spf(
            "Pass (mailfrom) identity=mailfrom; client-ip=192.0.2.9; helo=mail.example.com; envelope-from=a@example.com;",
        );
        assert_eq!(result, "pass");
        assert!(pairs.contains(&("client-ip".into(), "192.0.2.9".into())));
    }

    /// White space and comments where RFC 8601's grammar allows them (CFWS around `=`, `/`
    /// and inside a method spec): a value folded after `=` keeps its domain.
    #[test]
    fn white_space_and_comments_where_the_grammar_allows_them() {
        let cases: &[(&str, &str, &str, &[(&str, &str)])] = &[
            (
                "mx.example.net; spf=pass smtp.mailfrom=\r\n\t bounce-12345-long@bounces.shop.example",
                "spf",
                "pass",
                &[("smtp.mailfrom", "bounce-12345-long@bounces.shop.example")],
            ),
            (
                "mx.example.net; dkim (Because I like it) / 1 (One yay) = (wait for it) fail policy.dkim-rules = unsigned-subject",
                "dkim",
                "fail",
                &[("policy.dkim-rules", "unsigned-subject")],
            ),
            (
                "mx.example.net; iprev=pass policy.iprev=192.0.2.200 (mail.example.com)",
                "iprev",
                "pass",
                &[("policy.iprev", "192.0.2.200")],
            ),
        ];
        for (value, method, result, properties) in cases {
            let parsed = parse(value);
            let first = &parsed.results[0];
            assert_eq!(
                (first.method.as_str(), first.result.as_str()),
                (*method, *result),
                "{value}"
            );
            for (key, expected) in *properties {
                assert_eq!(first.property(key), Some(*expected), "{value}");
            }
        }
    }
}
