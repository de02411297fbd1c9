//! Reading a pasted error: which known errors it matches, best first, from the patterns of
//! `presets/errors/`, the provider its text names, its codes (`codes.rs`), and where each
//! fix is made.

mod codes;

pub use codes::codes;

use crate::{
    presets::{self, ErrorPattern},
    url_state::{Tool, UrlState},
    wizard::{self, Route},
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub pattern: &'static ErrorPattern,
    pub score: usize,
}

/// The longest pasted text read, in characters: a whole transcript or stack trace fits, and a
/// pasted file of megabytes does not freeze the page.
pub const MAX_PASTE: usize = 20_000;

/// `text` cut to `MAX_PASTE` characters, and whether it was cut.
pub fn capped(text: &str) -> (&str, bool) {
    match text.char_indices().nth(MAX_PASTE) {
        Some((end, _)) => (&text[..end], true),
        None => (text, false),
    }
}

/// Bonus for a pattern typical of the provider chosen, or named by the text itself.
const TYPICAL_BONUS: usize = 8;

/// Lower case, whitespace collapsed, typographic apostrophes made plain.
fn normalise(text: &str) -> String {
    text.to_lowercase()
        .replace(['\u{2019}', '\u{2018}'], "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A fragment that is a code (`5.7.9`, `534-5.7.9`): found only where it stands alone (not
/// `5.7.1` inside `5.7.139`), and never enough alone to name another provider's error.
fn is_code(fragment: &str) -> bool {
    fragment
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b' '))
}

/// Whether the normalised `text` holds `fragment`; a code stands alone.
fn holds(text: &str, fragment: &str) -> bool {
    if !is_code(fragment) {
        return text.contains(fragment);
    }
    let digit_or_dot = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_digit() || *b == b'.');
    text.match_indices(fragment).any(|(i, _)| {
        let bytes = text.as_bytes();
        let end = i + fragment.len();
        let glued_before = i > 0 && digit_or_dot(bytes.get(i - 1));
        let glued_after = bytes.get(end).is_some_and(u8::is_ascii_digit)
            || (bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit));
        !(glued_before || glued_after)
    })
}

/// The providers whose servers the text names (`presets/errors/servers.toml`), in file order.
pub fn named_providers(text: &str) -> Vec<&'static str> {
    named_in(&normalise(text))
}

/// `named_providers` of a text already normalised.
fn named_in(text: &str) -> Vec<&'static str> {
    let mut named: Vec<&'static str> = Vec::new();
    for server in presets::reply_servers() {
        if server.markers.iter().any(|m| holds(text, m)) {
            for id in &server.providers {
                if !named.contains(&id.as_str()) {
                    named.push(id);
                }
            }
        }
    }
    named
}

/// The provider whose own advice applies: the one chosen, else the only one the text names
/// (`named`, from `named_providers`).
pub fn provider_of(named: &[&'static str], chosen: Option<&str>) -> Option<&'static presets::Provider> {
    let id = chosen.or(match named {
        [only] => Some(*only),
        _ => None,
    })?;
    presets::provider(id)
}

/// Where a pattern's fix opens: for the provider chosen; else for each provider the text
/// names, once per distinct place, in the order they are named (Microsoft's servers answer
/// for Microsoft 365 and Outlook.com, whose fixes are different steps: the user picks theirs);
/// else where the pattern alone leads.
pub fn fix_targets(pattern: &ErrorPattern, state: &UrlState, named: &[&str], chosen: Option<&str>) -> Vec<UrlState> {
    let providers: Vec<Option<&str>> = match (chosen, named) {
        (Some(id), _) => vec![Some(id)],
        (None, []) => vec![None],
        (None, named) => named.iter().copied().map(Some).collect(),
    };
    let mut targets: Vec<UrlState> = Vec::new();
    for target in providers.into_iter().filter_map(|id| fix_target(pattern, state, id)) {
        if !targets.contains(&target) {
            targets.push(target);
        }
    }
    targets
}

/// The known errors `text` matches, most specific first. A pattern scores the length of the
/// fragments found, plus a bonus when it is typical of `provider` or of a provider the text
/// names. A pattern needs some of the server's words, or its code with its provider: a bare
/// code is shared by too many servers (Yahoo's `5.7.9` is not Google's).
pub fn diagnose(text: &str, provider: Option<&str>) -> Vec<Match> {
    let text = normalise(text);
    let named = named_in(&text);
    let mut matches: Vec<Match> = presets::errors()
        .iter()
        .filter(|p| p.require.iter().all(|r| holds(&text, r)))
        .filter_map(|pattern| {
            let found = |codes: bool| -> usize {
                let fragments = pattern.fragments.iter().filter(|f| is_code(f) == codes);
                fragments.filter(|f| holds(&text, f)).map(String::len).sum()
            };
            let (words, codes) = (found(false), found(true));
            let typical = provider
                .into_iter()
                .chain(named.iter().copied())
                .any(|id| pattern.providers.iter().any(|p| p == id));
            (words > 0 || (codes > 0 && typical)).then(|| Match {
                pattern,
                score: words + codes + if typical { TYPICAL_BONUS } else { 0 },
            })
        })
        .collect();
    matches.sort_by_key(|m| std::cmp::Reverse(m.score));
    matches
}

/// Where a pattern's fix is: a step of a provider's path, the settings card, or the DNS tool;
/// for `provider`'s customers (chosen, or named by the text), their own step where the
/// pattern has one.
pub fn fix_target(pattern: &ErrorPattern, state: &UrlState, provider: Option<&str>) -> Option<UrlState> {
    let own = provider.and_then(|id| pattern.link_for.iter().find(|l| l.provider.as_deref() == Some(id)));
    let link = own.or(pattern.link.as_ref())?;
    if link.step == "tool-dns" {
        return Some(UrlState {
            tool: Some(Tool::Dns),
            ..state.clone()
        });
    }
    let provider = link
        .provider
        .clone()
        .or_else(|| provider.map(str::to_owned))
        .or_else(|| state.route.provider.clone())?;
    let route = Route {
        provider: Some(provider.clone()),
        step: link.step.clone(),
        ..state.route.clone()
    };
    let route = if route.has_step(&route.step) {
        route
    } else {
        Route {
            step: wizard::SETTINGS.into(),
            ..route
        }
    };
    route.has_step(&route.step).then(|| UrlState {
        tool: None,
        route,
        ..state.clone()
    })
}

#[cfg(test)]
mod tests;
