//! A domain's policy resolved into its include/redirect tree, level by level with the
//! queries of one level in flight together, and the findings that need DNS.

use futures_util::future::join_all;

use crate::resolver::{Failure, LookupError, Rdata, RecordType, Resolver};

use super::{
    eval::spf_records,
    lint::{self, Issue},
    macros::Token,
    record::{self, Mechanism, ParseError, Record},
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NodeState {
    Record {
        text: String,
        record: Record,
    },
    /// The name exists but publishes no SPF record.
    NoRecord,
    NxDomain,
    Several(Vec<String>),
    Invalid {
        text: String,
        error: ParseError,
    },
    DnsError(Failure),
    /// Already on the path from the root.
    Loop,
    /// The target depends on the sender (macros): not resolved.
    Macro,
    /// Below the deepest level read: a chain this long spends the 10 look-ups anyway.
    TooDeep,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub domain: String,
    /// The term that led here (`include:…` or `redirect=…`); empty at the root.
    pub via: String,
    pub state: NodeState,
    pub children: Vec<Node>,
}

impl Node {
    /// DNS-querying terms of this record alone.
    pub fn own_lookups(&self) -> usize {
        match &self.state {
            NodeState::Record { record, .. } => record.lookups(),
            _ => 0,
        }
    }

    /// Look-ups of this branch: its own and those of everything below.
    pub fn lookups(&self) -> usize {
        self.own_lookups() + self.children.iter().map(Node::lookups).sum::<usize>()
    }

    pub fn depth(&self) -> usize {
        1 + self.children.iter().map(Node::depth).max().unwrap_or(0)
    }
}

/// Levels read: a chain of includes one longer than the look-up limit is an error anyway.
pub const MAX_DEPTH: usize = super::MAX_LOOKUPS + 1;

/// The include and redirect targets of a record, in order.
fn targets(record: &Record) -> Vec<(String, String, bool)> {
    let literal = |tokens: &[Token]| tokens.iter().all(|t| matches!(t, Token::Literal(_)));
    let mut out: Vec<(String, String, bool)> = record
        .directives()
        .filter_map(|(q, m)| match m {
            Mechanism::Include(spec) => Some((
                spec.text.clone(),
                format!(
                    "{}include:{}",
                    if q == record::Qualifier::Pass { "" } else { q.symbol() },
                    spec.text
                ),
                literal(&spec.tokens),
            )),
            _ => None,
        })
        .collect();
    if let Some(spec) = record.redirect().filter(|_| !record.has_all()) {
        out.push((
            spec.text.clone(),
            format!("redirect={}", spec.text),
            literal(&spec.tokens),
        ));
    }
    out
}

async fn fetch<R: Resolver>(resolver: &R, domain: &str) -> NodeState {
    match resolver.lookup(domain, RecordType::Txt).await {
        Err(LookupError::NxDomain) => NodeState::NxDomain,
        Err(LookupError::Temporary(why)) => NodeState::DnsError(why),
        Ok(answers) => {
            let records: Vec<String> = spf_records(&answers)
                .iter()
                .map(|r| String::from_utf8_lossy(r).into_owned())
                .collect();
            match records.as_slice() {
                [] => NodeState::NoRecord,
                [text] => match record::parse(text) {
                    Ok(record) => NodeState::Record {
                        text: text.clone(),
                        record,
                    },
                    Err(error) => NodeState::Invalid {
                        text: text.clone(),
                        error,
                    },
                },
                _ => NodeState::Several(records),
            }
        }
    }
}

struct Slot {
    node: Node,
    children: Vec<usize>,
    ancestors: Vec<String>,
}

/// Resolves `domain`'s policy tree: one round of queries per level.
pub async fn resolve<R: Resolver>(resolver: &R, domain: &str) -> Node {
    let domain = domain.trim_end_matches('.').to_ascii_lowercase();
    let mut slots = vec![Slot {
        node: Node {
            domain: domain.clone(),
            via: String::new(),
            state: NodeState::NoRecord,
            children: Vec::new(),
        },
        children: Vec::new(),
        ancestors: Vec::new(),
    }];
    let mut level = vec![0];
    for _ in 0..MAX_DEPTH {
        if level.is_empty() {
            break;
        }
        let states = join_all(level.iter().map(|&i| fetch(resolver, &slots[i].node.domain))).await;
        let mut next = Vec::new();
        for (&i, state) in level.iter().zip(states) {
            if let NodeState::Record { record, .. } = &state {
                let mut ancestors = slots[i].ancestors.clone();
                ancestors.push(slots[i].node.domain.clone());
                for (target, via, literal) in targets(record) {
                    let target = target.trim_end_matches('.').to_ascii_lowercase();
                    let state = if !literal {
                        Some(NodeState::Macro)
                    } else if ancestors.contains(&target) {
                        Some(NodeState::Loop)
                    } else {
                        None
                    };
                    let id = slots.len();
                    slots.push(Slot {
                        node: Node {
                            domain: target,
                            via,
                            state: state.clone().unwrap_or(NodeState::NoRecord),
                            children: Vec::new(),
                        },
                        children: Vec::new(),
                        ancestors: ancestors.clone(),
                    });
                    slots[i].children.push(id);
                    if state.is_none() {
                        next.push(id);
                    }
                }
            }
            slots[i].node.state = state;
        }
        level = next;
    }
    for i in level {
        slots[i].node.state = NodeState::TooDeep;
    }
    assemble(&mut slots, 0)
}

fn assemble(slots: &mut [Slot], id: usize) -> Node {
    let children: Vec<usize> = std::mem::take(&mut slots[id].children);
    let mut node = slots[id].node.clone();
    node.children = children.into_iter().map(|c| assemble(slots, c)).collect();
    node
}

/// The `a`/`mx` targets written with a domain (not macros), per record of the tree.
fn void_candidates(node: &Node, out: &mut Vec<(String, RecordType)>) {
    if let NodeState::Record { record, .. } = &node.state {
        for (_, mechanism) in record.directives() {
            let (spec, kind) = match mechanism {
                Mechanism::A { domain, .. } => (domain, RecordType::A),
                Mechanism::Mx { domain, .. } => (domain, RecordType::Mx),
                _ => continue,
            };
            let name = match spec {
                Some(spec) if spec.tokens.iter().all(|t| matches!(t, Token::Literal(_))) => {
                    spec.text.trim_end_matches('.').to_ascii_lowercase()
                }
                Some(_) => continue,
                None => node.domain.clone(),
            };
            if !out.contains(&(name.clone(), kind)) {
                out.push((name, kind));
            }
        }
    }
    node.children.iter().for_each(|c| void_candidates(c, out));
}

/// Everything worth telling about a domain's policy: the root record's own findings, then
/// those of its tree (includes without SPF, loops, the look-up total, void targets).
pub async fn lint<R: Resolver>(resolver: &R, tree: &Node) -> Vec<Issue> {
    let mut issues = match &tree.state {
        NodeState::Record { text, .. } => lint::lint_record(text, &[]),
        NodeState::NoRecord | NodeState::NxDomain => vec![Issue::NoRecord],
        NodeState::Several(records) => vec![Issue::SeveralRecords(records.len())],
        NodeState::Invalid { error, .. } => vec![Issue::Syntax(error.clone())],
        NodeState::DnsError(failure) => vec![Issue::LookupFailed {
            domain: tree.domain.clone(),
            failure: *failure,
        }],
        NodeState::Loop | NodeState::Macro | NodeState::TooDeep => Vec::new(),
    };
    issues.retain(|i| !matches!(i, Issue::TooManyLookups(_)));
    let mut stack: Vec<&Node> = tree.children.iter().collect();
    while let Some(node) = stack.pop() {
        match &node.state {
            NodeState::NoRecord | NodeState::NxDomain => issues.push(Issue::IncludeWithoutSpf(node.domain.clone())),
            NodeState::Several(_) => issues.push(Issue::IncludeWithoutSpf(node.domain.clone())),
            NodeState::Invalid { error, .. } => issues.push(Issue::Syntax(error.clone())),
            NodeState::Loop => issues.push(Issue::IncludeLoop(node.domain.clone())),
            NodeState::TooDeep => issues.push(Issue::IncludeTooDeep(node.domain.clone())),
            NodeState::DnsError(failure) => issues.push(Issue::LookupFailed {
                domain: node.domain.clone(),
                failure: *failure,
            }),
            NodeState::Record { .. } | NodeState::Macro => {}
        }
        stack.extend(&node.children);
    }
    let total = tree.lookups();
    if total > super::MAX_LOOKUPS {
        issues.push(Issue::TooManyLookups(total));
    }
    let mut candidates = Vec::new();
    void_candidates(tree, &mut candidates);
    let answers = join_all(candidates.iter().map(|(name, kind)| resolver.lookup(name, *kind))).await;
    let mut voids = 0;
    for ((name, _), answer) in candidates.iter().zip(answers) {
        let void = match answer {
            Ok(records) => !records
                .iter()
                .any(|r| matches!(r, Rdata::A(_) | Rdata::Aaaa(_) | Rdata::Mx(..))),
            Err(LookupError::NxDomain) => true,
            Err(LookupError::Temporary(_)) => false,
        };
        if void {
            voids += 1;
            issues.push(Issue::VoidLookup(name.clone()));
        }
    }
    if voids > 2 {
        issues.push(Issue::TooManyVoidLookups(voids));
    }
    issues.sort_by_key(|i| std::cmp::Reverse(i.severity()));
    issues
}

/// A pasted record's findings, its terms when it parses, and the record unquoted; `None` for
/// an empty paste. A record read from a domain (`published`: its text and the findings of
/// its include tree) is judged as the DNS check judges it while the text is the one read.
pub fn judge(pasted: &str, published: Option<&(String, Vec<Issue>)>) -> Option<(Vec<Issue>, Option<Record>, String)> {
    let (record, lengths) = lint::unquote(pasted);
    let read = published
        .filter(|(text, _)| *text == record)
        .map(|(_, issues)| issues.clone());
    let issues = read.unwrap_or_else(|| lint::lint_record(&record, &lengths));
    (!record.is_empty()).then(|| (issues, super::parse(&record).ok(), record))
}

/// Where reading a domain's record for the SPF tool stands, when it gave no record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadStatus {
    BadDomain,
    Reading,
    Failed(crate::resolver::Failure),
    NoRecord,
}

/// `domain`'s published record and its findings with its include tree (as the DNS check
/// judges it), or why there is none to show.
pub async fn read_published<R: Resolver>(resolver: &R, domain: &str) -> Result<(String, Vec<Issue>), ReadStatus> {
    let tree = resolve(resolver, domain).await;
    let issues = lint(resolver, &tree).await;
    match tree.state {
        NodeState::Record { text, .. } | NodeState::Invalid { text, .. } => Ok((text, issues)),
        NodeState::DnsError(failure) => Err(ReadStatus::Failed(failure)),
        _ => Err(ReadStatus::NoRecord),
    }
}

#[cfg(test)]
mod tests {
    use std::{cell::RefCell, collections::HashMap};

    use super::*;

    /// Records by name, and a log of the queries in flight together.
    struct Zone {
        txt: HashMap<&'static str, Vec<&'static str>>,
        a: Vec<&'static str>,
        queries: RefCell<Vec<String>>,
    }

    impl Resolver for Zone {
        async fn lookup(&self, name: &str, kind: RecordType) -> Result<Vec<Rdata>, LookupError> {
            self.queries.borrow_mut().push(format!("{name} {kind:?}"));
            match kind {
                RecordType::Txt => match self.txt.get(name) {
                    Some(records) => Ok(records
                        .iter()
                        .map(|r| Rdata::Txt(vec![r.as_bytes().to_vec()]))
                        .collect()),
                    None => Err(LookupError::NxDomain),
                },
                RecordType::A if self.a.contains(&name) => Ok(vec![Rdata::A([192, 0, 2, 1].into())]),
                RecordType::Mx if self.a.contains(&name) => Ok(vec![Rdata::Mx(10, name.to_owned())]),
                _ => Ok(Vec::new()),
            }
        }
    }

    fn zone(txt: &[(&'static str, &'static str)], a: &[&'static str]) -> Zone {
        let mut map: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
        for (name, record) in txt {
            map.entry(name).or_default().push(record);
        }
        Zone {
            txt: map,
            a: a.to_vec(),
            queries: RefCell::new(Vec::new()),
        }
    }

    fn lint_codes(zone: &Zone, domain: &str) -> (Node, Vec<String>) {
        let tree = pollster::block_on(resolve(zone, domain));
        let issues = pollster::block_on(lint(zone, &tree));
        let codes = issues
            .iter()
            .map(|i| format!("{i:?}").split(['(', ' ']).next().unwrap().to_owned())
            .collect();
        (tree, codes)
    }

    #[test]
    fn microsoft_365_domain() {
        let zone = zone(
            &[
                (
                    "contoso.fr",
                    "v=spf1 mx include:spf.protection.outlook.com ip4:203.0.114.10 -all",
                ),
                (
                    "spf.protection.outlook.com",
                    "v=spf1 ip4:40.92.0.0/15 include:spfd.protection.outlook.com -all",
                ),
                ("spfd.protection.outlook.com", "v=spf1 ip4:51.4.72.0/24 -all"),
            ],
            &["contoso.fr"],
        );
        let (tree, codes) = lint_codes(&zone, "contoso.fr");
        assert_eq!(codes, Vec::<String>::new());
        assert_eq!(tree.lookups(), 3);
        assert_eq!(tree.depth(), 3);
        assert_eq!(tree.children[0].via, "include:spf.protection.outlook.com");
        assert_eq!(tree.children[0].lookups(), 1);
    }

    #[test]
    fn a_paste_is_judged_alone_or_as_the_record_read() {
        assert_eq!(judge("  ", None), None);
        let (issues, record, text) = judge("\"v=spf1 +all\"", None).unwrap();
        assert_eq!(text, "v=spf1 +all");
        assert!(record.is_some() && !issues.is_empty());
        let read = ("v=spf1 -all".to_owned(), vec![Issue::NoRecord]);
        assert_eq!(judge("v=spf1 -all", Some(&read)).unwrap().0, [Issue::NoRecord]);
        assert_ne!(judge("v=spf1 ~all", Some(&read)).unwrap().0, [Issue::NoRecord]);
    }

    #[test]
    fn published_records_read() {
        let zone = zone(
            &[
                ("one.example", "v=spf1 include:none.example -all"),
                ("two.example", "v=spf1 -all"),
                ("two.example", "v=spf1 ~all"),
            ],
            &[],
        );
        let read = |domain: &str| pollster::block_on(read_published(&zone, domain));
        let (text, issues) = read("one.example").unwrap();
        assert_eq!(text, "v=spf1 include:none.example -all");
        assert!(
            issues.contains(&Issue::IncludeWithoutSpf("none.example".into())),
            "{issues:?}"
        );
        assert_eq!(read("two.example"), Err(ReadStatus::NoRecord));
        assert_eq!(read("absent.example"), Err(ReadStatus::NoRecord));
    }

    #[test]
    fn tree_findings() {
        type Case<'a> = (&'a [(&'a str, &'a str)], &'a [&'a str], &'a [&'a str]);
        let cases: &[Case] = &[
            (&[], &[], &["NoRecord"]),
            (
                &[("d.example", "v=spf1 -all"), ("d.example", "v=spf1 mx -all")],
                &["d.example"],
                &["SeveralRecords"],
            ),
            (
                &[("d.example", "v=spf1 include:none.example -all")],
                &[],
                &["IncludeWithoutSpf"],
            ),
            (
                &[
                    ("d.example", "v=spf1 include:loop.example -all"),
                    ("loop.example", "v=spf1 include:d.example -all"),
                ],
                &[],
                &["IncludeLoop"],
            ),
            (
                &[
                    ("d.example", "v=spf1 include:i1.example include:i2.example -all"),
                    (
                        "i1.example",
                        "v=spf1 a a:h1.example a:h2.example a:h3.example a:h4.example a:h5.example ~all",
                    ),
                    ("i2.example", "v=spf1 mx:h1.example mx:h2.example mx:h3.example ~all"),
                ],
                &[
                    "h1.example",
                    "h2.example",
                    "h3.example",
                    "h4.example",
                    "h5.example",
                    "i1.example",
                ],
                &["TooManyLookups"],
            ),
            (
                &[("d.example", "v=spf1 a:x.example a:y.example a:z.example -all")],
                &[],
                &["TooManyVoidLookups", "VoidLookup", "VoidLookup", "VoidLookup"],
            ),
            (&[("d.example", "v=spf1 include:%{d}.example -all")], &[], &[]),
        ];
        for (txt, a, expected) in cases {
            let zone = zone(txt, a);
            let (_, codes) = lint_codes(&zone, "d.example");
            assert_eq!(codes, *expected, "{txt:?}");
        }
    }

    #[test]
    fn a_chain_deeper_than_the_limit_is_said_as_such() {
        let records: Vec<(&'static str, &'static str)> = (0..15)
            .map(|i| {
                let name: &'static str = Box::leak(format!("l{i}.example").into_boxed_str());
                let record = format!("v=spf1 include:l{}.example -all", i + 1);
                (name, &*Box::leak(record.into_boxed_str()))
            })
            .collect();
        let zone = zone(&records, &[]);
        let (tree, codes) = lint_codes(&zone, "l0.example");
        assert_eq!(tree.depth(), MAX_DEPTH + 1);
        assert_eq!(codes, ["IncludeTooDeep", "TooManyLookups"]);
        assert!(zone.queries.borrow().len() <= MAX_DEPTH, "no query below the limit");
    }

    #[test]
    fn one_round_per_level() {
        let zone = zone(
            &[
                ("d.example", "v=spf1 include:a.example include:b.example -all"),
                ("a.example", "v=spf1 include:c.example -all"),
                ("b.example", "v=spf1 -all"),
                ("c.example", "v=spf1 -all"),
            ],
            &[],
        );
        let tree = pollster::block_on(resolve(&zone, "d.example"));
        assert_eq!(tree.depth(), 3);
        assert_eq!(
            *zone.queries.borrow(),
            ["d.example Txt", "a.example Txt", "b.example Txt", "c.example Txt"]
        );
    }
}
