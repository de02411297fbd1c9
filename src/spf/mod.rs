//! The SPF engine (RFC 7208): parse, evaluate, lint, merge and generate records. Pure: DNS
//! goes through the [`Resolver`] trait, so the same code runs over DNS-over-HTTPS in the
//! browser and over fixtures in tests.

pub mod addresses;
mod eval;
mod lint;
mod macros;
mod merge;
mod record;
mod tree;

pub use crate::resolver::{Failure, LookupError, Rdata, RecordType, Resolver};
pub use eval::{CheckResult, SpfResult, check_host, published, spf_records};
pub use lint::{Issue, Severity, lint_record, unquote};
pub use merge::{Addition, Merged, Policy, generate, merge, merge_with_policy, publish, split_strings, zone_text};
pub use record::{
    MAX_LOOKUPS, Mechanism, Modifier, ParseError, ParseErrorKind, Qualifier, Record, Term, TermKind, is_spf, parse,
};
pub use tree::{Node, NodeState, ReadStatus, judge, lint as lint_tree, read_published, resolve as resolve_tree};
