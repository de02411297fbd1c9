//! Properties of merging: the result parses, merging again changes nothing, and every added
//! address evaluates to `pass` for the domain.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use mailsetup::spf::{self, Addition, LookupError, Rdata, RecordType, Resolver, SpfResult};
use proptest::prelude::*;

/// example.com has an address and an MX; _spf.example.net publishes `-all`.
struct Fixture {
    record: String,
}

impl Resolver for Fixture {
    async fn lookup(&self, name: &str, kind: RecordType) -> Result<Vec<Rdata>, LookupError> {
        Ok(match (name, kind) {
            ("example.com", RecordType::Txt) => {
                vec![Rdata::Txt(vec![self.record.clone().into_bytes()])]
            }
            ("example.com", RecordType::A) | ("mail.example.com", RecordType::A) => {
                vec![Rdata::A(Ipv4Addr::new(192, 0, 2, 1))]
            }
            ("example.com", RecordType::Aaaa) | ("mail.example.com", RecordType::Aaaa) => {
                vec![Rdata::Aaaa("2001:db8::1".parse().unwrap())]
            }
            ("example.com", RecordType::Mx) => vec![Rdata::Mx(10, "mail.example.com".into())],
            ("_spf.example.net", RecordType::Txt) => {
                vec![Rdata::Txt(vec![b"v=spf1 -all".to_vec()])]
            }
            ("_spf.example.net", _) => Vec::new(),
            _ => return Err(LookupError::NxDomain),
        })
    }
}

fn existing_term() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("mx".to_owned()),
        Just("a".to_owned()),
        Just("include:_spf.example.net".to_owned()),
        (any::<u32>(), 8u8..=32).prop_map(|(ip, len)| format!("ip4:{}/{len}", Ipv4Addr::from(ip))),
        (any::<u32>(), 8u8..=32).prop_map(|(ip, len)| format!("-ip4:{}/{len}", Ipv4Addr::from(ip))),
        (any::<u128>(), 16u8..=128).prop_map(|(ip, len)| format!("~ip6:{}/{len}", Ipv6Addr::from(ip))),
    ]
}

fn current_record() -> impl Strategy<Value = Option<String>> {
    let all = prop_oneof![Just(" -all"), Just(" ~all"), Just(" ?all"), Just("")];
    proptest::option::of(
        (proptest::collection::vec(existing_term(), 0..6), all)
            .prop_map(|(terms, all)| format!("v=spf1 {}{all}", terms.join(" "))),
    )
}

fn addresses() -> impl Strategy<Value = Vec<IpAddr>> {
    proptest::collection::vec(
        prop_oneof![
            any::<u32>().prop_map(|i| IpAddr::V4(i.into())),
            any::<u128>().prop_map(|i| IpAddr::V6(i.into()))
        ],
        1..4,
    )
}

proptest! {
    #[test]
    fn merging(current in current_record(), ips in addresses()) {
        let additions: Vec<Addition> = ips.iter().map(|ip| Addition::ip(*ip)).collect();
        let merged = spf::merge(current.as_deref(), &additions).unwrap();
        prop_assert!(spf::parse(&merged.record).is_ok(), "{}", merged.record);
        let again = spf::merge(Some(&merged.record), &additions).unwrap();
        prop_assert_eq!(&again.record, &merged.record);
        prop_assert!(again.added.is_empty());
        let fixture = Fixture { record: merged.record.clone() };
        for ip in ips {
            let got = pollster::block_on(spf::check_host(&fixture, ip, "example.com", "billing@example.com", "mail.example.com"));
            prop_assert_eq!(got.result, SpfResult::Pass, "{} for {}", merged.record, ip);
        }
    }
}
