//! RFC 1035 messages for RFC 8484 queries, encoded and decoded with the `domain` crate
//! (NLnet Labs). Measured on a wasm build that encodes a TXT query and decodes A, AAAA, MX,
//! TXT, CNAME and PTR answers (`wasm-opt -Oz`, gzip -9), over an empty baseline:
//! `domain` 0.11 adds 16.3 KB, `simple-dns` 0.9 adds 22.7 KB (and cannot give a TXT
//! record's separate strings), `hickory-proto` 0.25 adds 119.8 KB.

use std::str::FromStr;

use domain::{
    base::{
        Message, MessageBuilder, Name, Rtype,
        iana::{Class, Rcode},
    },
    rdata::AllRecordData,
};

use crate::resolver::{Failure, LookupError, Rdata, RecordType};

fn rtype(kind: RecordType) -> Rtype {
    match kind {
        RecordType::A => Rtype::A,
        RecordType::Aaaa => Rtype::AAAA,
        RecordType::Mx => Rtype::MX,
        RecordType::Txt | RecordType::ChaosTxt => Rtype::TXT,
        RecordType::Ptr => Rtype::PTR,
        RecordType::Cname => Rtype::CNAME,
        RecordType::Srv => Rtype::SRV,
    }
}

/// A query with ID 0 and recursion desired, as RFC 8484 recommends for HTTP caching.
/// `None` when `name` is not a valid domain name.
pub fn query(name: &str, kind: RecordType) -> Option<Vec<u8>> {
    let name: Name<Vec<u8>> = Name::from_str(name).ok()?;
    let mut builder = MessageBuilder::new_vec().question();
    builder.header_mut().set_rd(true);
    let class = if kind == RecordType::ChaosTxt {
        Class::CH
    } else {
        Class::IN
    };
    builder.push((&name, rtype(kind), class)).ok()?;
    Some(builder.finish())
}

/// The records of type `kind` in an answer, with the smallest TTL among them.
pub fn decode(bytes: &[u8], kind: RecordType) -> Result<(Vec<Rdata>, Option<u32>), LookupError> {
    let malformed = LookupError::Temporary(Failure::Malformed);
    let message = Message::from_octets(bytes).map_err(|_| malformed.clone())?;
    let header = message.header();
    if !header.qr() {
        return Err(malformed);
    }
    if header.tc() {
        return Err(LookupError::Temporary(Failure::Truncated));
    }
    match header.rcode() {
        Rcode::NOERROR => {}
        Rcode::NXDOMAIN => return Err(LookupError::NxDomain),
        other => {
            return Err(LookupError::Temporary(Failure::ServerFailure(other.to_int())));
        }
    }
    let mut records = Vec::new();
    let mut aliases = Vec::new();
    let mut ttl: Option<u32> = None;
    let answer = message.answer().map_err(|_| malformed.clone())?;
    for record in answer.limit_to::<AllRecordData<_, _>>() {
        let record = record.map_err(|_| malformed.clone())?;
        if let AllRecordData::Cname(c) = record.data() {
            aliases.push((record.owner().to_string(), c.cname().to_string()));
        }
        let data = match record.data() {
            AllRecordData::A(a) if kind == RecordType::A => Rdata::A(a.addr()),
            AllRecordData::Aaaa(a) if kind == RecordType::Aaaa => Rdata::Aaaa(a.addr()),
            AllRecordData::Mx(mx) if kind == RecordType::Mx => Rdata::Mx(mx.preference(), mx.exchange().to_string()),
            AllRecordData::Txt(txt) if matches!(kind, RecordType::Txt | RecordType::ChaosTxt) => {
                Rdata::Txt(txt.iter().map(|s| <_ as AsRef<[u8]>>::as_ref(s).to_vec()).collect())
            }
            AllRecordData::Ptr(ptr) if kind == RecordType::Ptr => Rdata::Ptr(ptr.ptrdname().to_string()),
            AllRecordData::Cname(c) if kind == RecordType::Cname => Rdata::Cname(c.cname().to_string()),
            AllRecordData::Srv(srv) if kind == RecordType::Srv => {
                Rdata::Srv(srv.priority(), srv.weight(), srv.port(), srv.target().to_string())
            }
            _ => continue,
        };
        let record_ttl = record.ttl().as_secs();
        ttl = Some(ttl.map_or(record_ttl, |t| t.min(record_ttl)));
        records.push(data);
    }
    if records.is_empty() && crate::resolver::cname_loops(&aliases) {
        return Err(LookupError::Temporary(Failure::CnameLoop));
    }
    Ok((records, ttl))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Answers recorded from knot behind dnsdist serving `tests/dns/zones` (see
    /// `tests/dns/answers/README.md`).
    fn recorded(name: &str) -> Vec<u8> {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/dns/answers/");
        std::fs::read(format!("{path}{name}.bin")).unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    fn txt(strings: &[&str]) -> Rdata {
        Rdata::Txt(strings.iter().map(|s| s.as_bytes().to_vec()).collect())
    }

    #[test]
    fn recorded_answers() {
        let cases: &[(&str, RecordType, Result<(Vec<Rdata>, Option<u32>), LookupError>)] = &[
            (
                "contoso-m365-txt",
                RecordType::Txt,
                Ok((
                    vec![
                        txt(&["MS=ms12345678"]),
                        txt(&["v=spf1 include:spf.protection.outlook.com ip4:203.0.114.10 -all"]),
                    ],
                    Some(300),
                )),
            ),
            (
                "multi-string-txt",
                RecordType::Txt,
                Ok((
                    vec![txt(&[
                        "v=spf1 ip4:203.0.114.60 ip4:203.0.114.61 ",
                        "include:spf.protection.outlook.com -all",
                    ])],
                    Some(300),
                )),
            ),
            (
                "acme-google-mx",
                RecordType::Mx,
                Ok((
                    vec![
                        Rdata::Mx(1, "aspmx.l.google.com".into()),
                        Rdata::Mx(5, "alt1.aspmx.l.google.com".into()),
                    ],
                    Some(300),
                )),
            ),
            (
                "selector1-cname",
                RecordType::Cname,
                Ok((
                    vec![Rdata::Cname(
                        "selector1-contoso-m365-example._domainkey.contoso.onmicrosoft.com".into(),
                    )],
                    Some(300),
                )),
            ),
            ("nothing-here-txt", RecordType::Txt, Err(LookupError::NxDomain)),
            ("no-dmarc-dmarc-txt", RecordType::Txt, Err(LookupError::NxDomain)),
            ("mail-no-dmarc-txt", RecordType::Txt, Ok((vec![], None))),
            (
                "servfail",
                RecordType::Txt,
                Err(LookupError::Temporary(Failure::ServerFailure(2))),
            ),
        ];
        for (name, kind, expected) in cases {
            assert_eq!(decode(&recorded(name), *kind), *expected, "{name}");
        }
    }

    #[test]
    fn broken_answers() {
        let good = recorded("contoso-m365-txt");
        let mut truncated_flag = good.clone();
        truncated_flag[2] |= 0x02;
        let cases: &[(&str, Vec<u8>, LookupError)] = &[
            ("empty", Vec::new(), LookupError::Temporary(Failure::Malformed)),
            (
                "garbage",
                b"<html>503 Service Unavailable</html>".to_vec(),
                LookupError::Temporary(Failure::Malformed),
            ),
            (
                "cut in the middle",
                good[..good.len() - 20].to_vec(),
                LookupError::Temporary(Failure::Malformed),
            ),
            ("TC bit", truncated_flag, LookupError::Temporary(Failure::Truncated)),
            (
                "a query, not an answer",
                query("example.com", RecordType::A).unwrap(),
                LookupError::Temporary(Failure::Malformed),
            ),
        ];
        for (what, bytes, expected) in cases {
            assert_eq!(decode(bytes, RecordType::Txt), Err(expected.clone()), "{what}");
        }
    }

    #[test]
    fn queries() {
        let q = query("contoso-m365.example", RecordType::Txt).unwrap();
        assert_eq!(&q[..4], &[0, 0, 1, 0], "ID 0, RD set");
        assert_eq!(&q[q.len() - 4..], &[0, 16, 0, 1], "TXT IN");
        assert!(query("bad..name", RecordType::A).is_none());
    }
}
