//! Fuzzes the SPF parser, linter, merger and evaluator with arbitrary records.
//! Run: `RUSTC_BOOTSTRAP=1 cargo fuzz run spf` (stable toolchain; see fuzz/README.md).
#![no_main]

use std::net::{IpAddr, Ipv4Addr};

use libfuzzer_sys::fuzz_target;
use mailsetup::spf::{self, LookupError, Rdata, RecordType, Resolver};

/// Every name publishes the fuzzed record, has one address and one MX.
struct Everywhere<'a>(&'a [u8]);

impl Resolver for Everywhere<'_> {
    async fn lookup(&self, name: &str, kind: RecordType) -> Result<Vec<Rdata>, LookupError> {
        if name.len() % 7 == 0 {
            return Err(LookupError::NxDomain);
        }
        Ok(match kind {
            RecordType::Txt => vec![Rdata::Txt(self.0.chunks(255).map(<[u8]>::to_vec).collect())],
            RecordType::A => vec![Rdata::A(Ipv4Addr::new(192, 0, 2, 1))],
            RecordType::Aaaa => Vec::new(),
            RecordType::Mx => vec![Rdata::Mx(10, format!("mx.{name}"))],
            RecordType::Ptr => vec![Rdata::Ptr("mail.example.com".into())],
            RecordType::Cname | RecordType::ChaosTxt => Vec::new(),
        })
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (record, lengths) = spf::unquote(text);
    let _ = spf::lint_record(&record, &lengths);
    if let Ok(merged) = spf::merge(Some(&record), &[spf::Addition::ip(IpAddr::V4(Ipv4Addr::new(203, 0, 114, 10)))]) {
        assert!(spf::parse(&merged.record).is_ok(), "merged record must parse: {}", merged.record);
    }
    let resolver = Everywhere(data);
    let ip = IpAddr::V4(Ipv4Addr::new(192, 0, 2, 1));
    let _ = pollster::block_on(spf::check_host(&resolver, ip, "example.com", "a@example.com", "mail.example.com"));
    let tree = pollster::block_on(spf::resolve_tree(&resolver, "example.com"));
    let _ = pollster::block_on(spf::lint_tree(&resolver, &tree));
});
