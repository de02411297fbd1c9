//! The SPF engine (RFC 7208): parse, evaluate, lint, merge and generate records. Pure: DNS
//! goes through the [`Resolver`] trait, so the same code runs over DNS-over-HTTPS in the
//! browser and over fixtures in tests.

mod eval;
mod macros;
mod merge;
mod record;
mod resolver;

pub use eval::{CheckResult, SpfResult, check_host};
pub use merge::{Addition, Merged, Policy, generate, merge, split_strings, zone_text};
pub use record::{Mechanism, Modifier, ParseError, ParseErrorKind, Qualifier, Record, Term, parse};
pub use resolver::{LookupError, Rdata, RecordType, Resolver};
