//! SPF record syntax (RFC 7208 §4.5, §4.6, §12): terms with their positions, and errors that
//! name the term, its position and why.

use std::{
    fmt,
    net::{Ipv4Addr, Ipv6Addr},
};

use super::macros::{self, MacroError, Token};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    Pass,
    Fail,
    SoftFail,
    Neutral,
}

impl Qualifier {
    pub fn symbol(self) -> &'static str {
        match self {
            Qualifier::Pass => "+",
            Qualifier::Fail => "-",
            Qualifier::SoftFail => "~",
            Qualifier::Neutral => "?",
        }
    }
}

/// A domain spec as written, with its parsed macro tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomainSpec {
    pub text: String,
    pub tokens: Vec<Token>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mechanism {
    All,
    Include(DomainSpec),
    A {
        domain: Option<DomainSpec>,
        v4: Option<u8>,
        v6: Option<u8>,
    },
    Mx {
        domain: Option<DomainSpec>,
        v4: Option<u8>,
        v6: Option<u8>,
    },
    Ptr(Option<DomainSpec>),
    Ip4 {
        addr: Ipv4Addr,
        prefix: Option<u8>,
    },
    Ip6 {
        addr: Ipv6Addr,
        prefix: Option<u8>,
    },
    Exists(DomainSpec),
}

impl Mechanism {
    /// Whether evaluating it queries DNS (and counts toward the limit of 10).
    pub fn queries_dns(&self) -> bool {
        !matches!(self, Mechanism::All | Mechanism::Ip4 { .. } | Mechanism::Ip6 { .. })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Modifier {
    Redirect(DomainSpec),
    Exp(DomainSpec),
    Unknown { name: String, value: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TermKind {
    Directive(Qualifier, Mechanism),
    Modifier(Modifier),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub kind: TermKind,
    /// The term as written.
    pub text: String,
    /// Byte offset of the term in the record.
    pub position: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub terms: Vec<Term>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// Does not start with `v=spf1` followed by a space or the end.
    NotSpf,
    /// Only printable ASCII and spaces are allowed.
    InvalidCharacter,
    UnknownMechanism,
    /// A mechanism with an argument it does not take, or without one it needs.
    BadArgument,
    BadIp4,
    BadIp6,
    BadPrefix,
    BadDomainSpec,
    BadMacro,
    DuplicateModifier,
    BadModifierName,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub kind: ParseErrorKind,
    /// Byte offset of the faulty term (0 for the version).
    pub position: usize,
    pub term: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{:?} in {:?} at {}", self.kind, self.term, self.position)
    }
}

/// Whether a TXT string is an SPF record at all (RFC 7208 §4.5): `v=spf1` then a space or
/// the end, case-insensitively.
pub fn is_spf(text: &[u8]) -> bool {
    let version = b"v=spf1";
    text.len() >= version.len()
        && text[..version.len()].eq_ignore_ascii_case(version)
        && (text.len() == version.len() || text[version.len()] == b' ')
}

pub fn parse(text: &str) -> Result<Record, ParseError> {
    if !is_spf(text.as_bytes()) {
        return Err(ParseError {
            kind: ParseErrorKind::NotSpf,
            position: 0,
            term: text.chars().take(6).collect(),
        });
    }
    let mut terms = Vec::new();
    let mut offset = "v=spf1".len();
    for piece in text[offset..].split(' ') {
        let position = offset;
        offset += piece.len() + 1;
        if piece.is_empty() {
            continue;
        }
        let error = |kind| ParseError {
            kind,
            position,
            term: piece.to_owned(),
        };
        if !piece.bytes().all(|b| (0x21..=0x7e).contains(&b)) {
            return Err(error(ParseErrorKind::InvalidCharacter));
        }
        let kind = parse_term(piece).map_err(error)?;
        terms.push(Term {
            kind,
            text: piece.to_owned(),
            position,
        });
    }
    for name in ["redirect", "exp"] {
        let mut seen = terms.iter().filter(|t| match &t.kind {
            TermKind::Modifier(Modifier::Redirect(_)) => name == "redirect",
            TermKind::Modifier(Modifier::Exp(_)) => name == "exp",
            _ => false,
        });
        if let (Some(_), Some(second)) = (seen.next(), seen.next()) {
            return Err(ParseError {
                kind: ParseErrorKind::DuplicateModifier,
                position: second.position,
                term: second.text.clone(),
            });
        }
    }
    Ok(Record { terms })
}

fn parse_term(term: &str) -> Result<TermKind, ParseErrorKind> {
    let name_end = term
        .find(|c: char| !(c.is_ascii_alphanumeric() || "-_.".contains(c)))
        .unwrap_or(term.len());
    if term[name_end..].starts_with('=') {
        let name = &term[..name_end];
        if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return Err(ParseErrorKind::BadModifierName);
        }
        let value = &term[name_end + 1..];
        return Ok(TermKind::Modifier(match name.to_ascii_lowercase().as_str() {
            "redirect" => Modifier::Redirect(domain_spec(value)?),
            "exp" => Modifier::Exp(domain_spec(value)?),
            _ => {
                macros::parse(value, false).map_err(macro_error)?;
                Modifier::Unknown {
                    name: name.to_owned(),
                    value: value.to_owned(),
                }
            }
        }));
    }
    let (qualifier, rest) = match term.as_bytes()[0] {
        b'+' => (Qualifier::Pass, &term[1..]),
        b'-' => (Qualifier::Fail, &term[1..]),
        b'~' => (Qualifier::SoftFail, &term[1..]),
        b'?' => (Qualifier::Neutral, &term[1..]),
        _ => (Qualifier::Pass, term),
    };
    Ok(TermKind::Directive(qualifier, parse_mechanism(rest)?))
}

fn parse_mechanism(text: &str) -> Result<Mechanism, ParseErrorKind> {
    let name_end = text.find([':', '/']).unwrap_or(text.len());
    let (name, rest) = text.split_at(name_end);
    let argument = |rest: &str| -> Result<Option<DomainSpec>, ParseErrorKind> {
        match rest.strip_prefix(':') {
            None if rest.is_empty() => Ok(None),
            None => Err(ParseErrorKind::BadArgument),
            Some(spec) => domain_spec(spec).map(Some),
        }
    };
    let required = |rest: &str| argument(rest)?.ok_or(ParseErrorKind::BadArgument);
    match name.to_ascii_lowercase().as_str() {
        "all" if rest.is_empty() => Ok(Mechanism::All),
        "all" => Err(ParseErrorKind::BadArgument),
        "include" => Ok(Mechanism::Include(required(rest)?)),
        "exists" => Ok(Mechanism::Exists(required(rest)?)),
        "ptr" => Ok(Mechanism::Ptr(argument(rest)?)),
        "a" | "mx" => {
            let (spec, v4, v6) = split_dual_cidr(rest)?;
            let domain = argument(spec)?;
            Ok(if name.eq_ignore_ascii_case("a") {
                Mechanism::A { domain, v4, v6 }
            } else {
                Mechanism::Mx { domain, v4, v6 }
            })
        }
        "ip4" => {
            let value = rest.strip_prefix(':').ok_or(ParseErrorKind::BadArgument)?;
            let (addr, prefix) = split_prefix(value, 32)?;
            let addr = addr.parse().map_err(|_| ParseErrorKind::BadIp4)?;
            Ok(Mechanism::Ip4 { addr, prefix })
        }
        "ip6" => {
            let value = rest.strip_prefix(':').ok_or(ParseErrorKind::BadArgument)?;
            let (addr, prefix) = split_prefix(value, 128)?;
            let addr = addr.parse().map_err(|_| ParseErrorKind::BadIp6)?;
            Ok(Mechanism::Ip6 { addr, prefix })
        }
        _ => Err(ParseErrorKind::UnknownMechanism),
    }
}

/// A CIDR length: `0`, or digits without a leading zero, at most `max`.
fn prefix(digits: &str, max: u8) -> Result<u8, ParseErrorKind> {
    let valid =
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && (digits == "0" || !digits.starts_with('0'));
    match digits.parse::<u8>() {
        Ok(n) if valid && n <= max => Ok(n),
        _ => Err(ParseErrorKind::BadPrefix),
    }
}

fn split_prefix(value: &str, max: u8) -> Result<(&str, Option<u8>), ParseErrorKind> {
    match value.split_once('/') {
        None => Ok((value, None)),
        Some((addr, digits)) => Ok((addr, Some(prefix(digits, max)?))),
    }
}

/// Splits `a`/`mx` arguments into the domain part and the `/v4` and `//v6` lengths at the end.
fn split_dual_cidr(rest: &str) -> Result<(&str, Option<u8>, Option<u8>), ParseErrorKind> {
    let (rest, v6) = strip_length(rest, "//", 128)?;
    let (rest, v4) = strip_length(rest, "/", 32)?;
    if rest.ends_with('/') {
        return Err(ParseErrorKind::BadPrefix);
    }
    Ok((rest, v4, v6))
}

/// Takes a trailing `slash` and digits off `text`.
fn strip_length<'a>(text: &'a str, slash: &str, max: u8) -> Result<(&'a str, Option<u8>), ParseErrorKind> {
    let (head, digits) = text.split_at(text.trim_end_matches(|c: char| c.is_ascii_digit()).len());
    match head.strip_suffix(slash) {
        Some(head) if !digits.is_empty() && !head.ends_with('/') => Ok((head, Some(prefix(digits, max)?))),
        _ => Ok((text, None)),
    }
}

fn macro_error(_: MacroError) -> ParseErrorKind {
    ParseErrorKind::BadMacro
}

/// A domain spec (RFC 7208 §7.1): a macro string ending in a top label or a macro.
fn domain_spec(text: &str) -> Result<DomainSpec, ParseErrorKind> {
    let tokens = macros::parse(text, false).map_err(macro_error)?;
    match tokens.last() {
        None => return Err(ParseErrorKind::BadDomainSpec),
        Some(Token::Macro(_)) => {}
        Some(Token::Literal(literal)) => {
            let literal = literal.strip_suffix('.').unwrap_or(literal);
            let (_, top) = literal.rsplit_once('.').ok_or(ParseErrorKind::BadDomainSpec)?;
            if !is_toplabel(top) {
                return Err(ParseErrorKind::BadDomainSpec);
            }
        }
    }
    Ok(DomainSpec {
        text: text.to_owned(),
        tokens,
    })
}

/// RFC 7208 `toplabel`: alphanumerics with at least one letter, or hyphenated alphanumerics.
fn is_toplabel(label: &str) -> bool {
    let alnum = |c: char| c.is_ascii_alphanumeric();
    !label.is_empty()
        && label.chars().all(|c| alnum(c) || c == '-')
        && label.starts_with(alnum)
        && label.ends_with(alnum)
        && (label.chars().any(|c| c.is_ascii_alphabetic()) || label.contains('-'))
}

impl Record {
    pub fn directives(&self) -> impl Iterator<Item = (Qualifier, &Mechanism)> {
        self.terms.iter().filter_map(|t| match &t.kind {
            TermKind::Directive(q, m) => Some((*q, m)),
            TermKind::Modifier(_) => None,
        })
    }

    fn modifier(&self, wanted: fn(&Modifier) -> Option<&DomainSpec>) -> Option<&DomainSpec> {
        self.terms.iter().find_map(|t| match &t.kind {
            TermKind::Modifier(m) => wanted(m),
            TermKind::Directive(..) => None,
        })
    }

    pub fn redirect(&self) -> Option<&DomainSpec> {
        self.modifier(|m| if let Modifier::Redirect(d) = m { Some(d) } else { None })
    }

    pub fn exp(&self) -> Option<&DomainSpec> {
        self.modifier(|m| if let Modifier::Exp(d) = m { Some(d) } else { None })
    }

    pub fn has_all(&self) -> bool {
        self.directives().any(|(_, m)| *m == Mechanism::All)
    }

    /// The DNS look-ups this record itself costs when evaluated (RFC 7208 §4.6.4): its
    /// DNS-querying mechanisms up to the first `all` (evaluation never reaches those after it),
    /// and `redirect`, which counts only without `all`. The one count every verdict uses.
    pub fn lookups(&self) -> usize {
        self.costs_lookup().into_iter().filter(|costs| *costs).count()
    }

    /// For each term, whether it costs a look-up (see `lookups`): what the SPF tool marks.
    pub fn costs_lookup(&self) -> Vec<bool> {
        let mut after_all = false;
        self.terms
            .iter()
            .map(|term| match &term.kind {
                TermKind::Directive(_, mechanism) => {
                    let costs = !after_all && mechanism.queries_dns();
                    after_all |= *mechanism == Mechanism::All;
                    costs
                }
                TermKind::Modifier(Modifier::Redirect(_)) => !self.has_all(),
                TermKind::Modifier(_) => false,
            })
            .collect()
    }
}

/// At most this many DNS look-ups in an SPF evaluation, includes and redirects followed
/// (RFC 7208 §4.6.4).
pub const MAX_LOOKUPS: usize = 10;

#[cfg(test)]
mod lookup_tests {
    use super::*;

    #[test]
    fn lookups() {
        let cases = [
            ("v=spf1 -all", 0),
            ("v=spf1 mx a include:a.example ip4:192.0.2.1 -all", 3),
            ("v=spf1 mx -all include:after.example", 1),
            ("v=spf1 mx redirect=r.example", 2),
            ("v=spf1 mx -all redirect=r.example", 1),
            ("v=spf1 exists:%{i}.e.example ptr ?all", 2),
        ];
        for (text, expected) in cases {
            assert_eq!(parse(text).unwrap().lookups(), expected, "{text}");
        }
    }

    #[test]
    fn each_term_marked_as_the_count_counts_it() {
        let marks = parse("v=spf1 mx ip4:192.0.2.1 -all include:after.example exp=x.example")
            .unwrap()
            .costs_lookup();
        assert_eq!(marks, [true, false, false, false, false]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ParseErrorKind::*;

    #[test]
    fn valid_records() {
        let cases: &[(&str, usize)] = &[
            ("v=spf1", 0),
            ("V=SPF1 -ALL", 1),
            ("v=spf1 mx include:spf.protection.outlook.com ip4:203.0.113.10 -all", 4),
            ("v=spf1  a  mx  ", 2),
            ("v=spf1 a:mail.example.com/24//64 mx/26 a//64 ip6:2001:db8::/32 ~all", 5),
            ("v=spf1 exists:%{ir}.%{l1r+-}._spf.%{d} ?all", 2),
            (
                "v=spf1 include:_spf.google.com redirect=_spf.example.com exp=explain.%{d}",
                3,
            ),
            ("v=spf1 ptr ptr:example.com foo=bar%{d} -all", 4),
            ("v=spf1 a:%{d}", 1),
        ];
        for (text, count) in cases {
            let record = parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(record.terms.len(), *count, "{text}");
        }
    }

    #[test]
    fn errors_name_the_term_and_its_position() {
        let cases: &[(&str, ParseErrorKind, usize, &str)] = &[
            ("v=spf10 -all", NotSpf, 0, "v=spf1"),
            ("spf1 -all", NotSpf, 0, "spf1 -"),
            ("v=spf1 ip4:192.0.2.300 -all", BadIp4, 7, "ip4:192.0.2.300"),
            ("v=spf1 ip4:192.0.2.0/33", BadPrefix, 7, "ip4:192.0.2.0/33"),
            ("v=spf1 ip4:192.0.2.0/024", BadPrefix, 7, "ip4:192.0.2.0/024"),
            ("v=spf1 ip6:2001:db8::/129", BadPrefix, 7, "ip6:2001:db8::/129"),
            ("v=spf1 ip6:2001:zz8:: -all", BadIp6, 7, "ip6:2001:zz8::"),
            ("v=spf1 mx -al", UnknownMechanism, 10, "-al"),
            ("v=spf1 include -all", BadArgument, 7, "include"),
            ("v=spf1 all:foo.com", BadArgument, 7, "all:foo.com"),
            ("v=spf1 a:foo", BadDomainSpec, 7, "a:foo"),
            ("v=spf1 include:example.123", BadDomainSpec, 7, "include:example.123"),
            ("v=spf1 exists:%{x}.example.com", BadMacro, 7, "exists:%{x}.example.com"),
            (
                "v=spf1 redirect=a.example.com redirect=b.example.com",
                DuplicateModifier,
                30,
                "redirect=b.example.com",
            ),
            ("v=spf1 1foo=bar", BadModifierName, 7, "1foo=bar"),
            ("v=spf1 a\tmx", InvalidCharacter, 7, "a\tmx"),
            ("v=spf1 a:exemple.fr -alé", InvalidCharacter, 20, "-alé"),
            ("v=spf1 a/", BadPrefix, 7, "a/"),
        ];
        for (text, kind, position, term) in cases {
            let error = parse(text).expect_err(text);
            assert_eq!(
                (error.kind, error.position, error.term.as_str()),
                (*kind, *position, *term),
                "{text}"
            );
        }
    }

    #[test]
    fn dual_cidr() {
        let record = parse("v=spf1 a:example.com/24//64 mx//48 a/0").unwrap();
        let mechanisms: Vec<&Mechanism> = record.directives().map(|(_, m)| m).collect();
        assert!(
            matches!(mechanisms[0], Mechanism::A { domain: Some(d), v4: Some(24), v6: Some(64) } if d.text == "example.com")
        );
        assert!(matches!(
            mechanisms[1],
            Mechanism::Mx {
                domain: None,
                v4: None,
                v6: Some(48)
            }
        ));
        assert!(matches!(
            mechanisms[2],
            Mechanism::A {
                domain: None,
                v4: Some(0),
                v6: None
            }
        ));
    }
}
