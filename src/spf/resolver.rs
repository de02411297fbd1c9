//! What the SPF engine asks of DNS.

use std::net::{Ipv4Addr, Ipv6Addr};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordType {
    A,
    Aaaa,
    Mx,
    Txt,
    Ptr,
}

/// One answer record, already decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rdata {
    A(Ipv4Addr),
    Aaaa(Ipv6Addr),
    /// Preference and exchange; an exchange of `.` or empty is a null MX.
    Mx(u16, String),
    /// The character-strings of one TXT record, as bytes.
    Txt(Vec<Vec<u8>>),
    Ptr(String),
}

/// A failed look-up. "No data" is not an error: it is an empty answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LookupError {
    /// The name does not exist.
    NxDomain,
    /// Time-out, SERVFAIL, network failure: the answer is unknown (SPF's `temperror`).
    Temporary(String),
}

/// A DNS resolver. Answers follow CNAMEs; names are compared case-insensitively.
#[allow(async_fn_in_trait)]
pub trait Resolver {
    async fn lookup(&self, name: &str, kind: RecordType) -> Result<Vec<Rdata>, LookupError>;
}
