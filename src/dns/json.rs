//! The JSON dialect of Cloudflare and Google (`application/dns-json`), the fallback when a
//! resolver refuses the wire format. The browser parses the JSON; this reads its fields.

use std::net::{Ipv4Addr, Ipv6Addr};

use crate::resolver::{Failure, LookupError, Rdata, RecordType};

/// One record of `Answer`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonRecord {
    pub name: String,
    pub rtype: u16,
    pub ttl: u32,
    pub data: String,
}

/// The fields of a JSON answer that matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonAnswer {
    pub status: u8,
    pub truncated: bool,
    pub answer: Vec<JsonRecord>,
}

/// TXT data: Cloudflare keeps the quotes and the string boundaries (`"a" "b"`, with `\"`
/// and `\DDD` escapes); Google gives the text alone.
fn txt_strings(data: &str) -> Vec<Vec<u8>> {
    if !data.starts_with('"') {
        return vec![data.as_bytes().to_vec()];
    }
    let mut strings = Vec::new();
    let mut current: Option<Vec<u8>> = None;
    let bytes = data.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match (b, current.as_mut()) {
            (b'"', None) => current = Some(Vec::new()),
            (b'"', Some(_)) => strings.extend(current.take()),
            (b'\\', Some(s)) => {
                let digits = bytes.get(i + 1..i + 4).filter(|d| d.iter().all(u8::is_ascii_digit));
                match digits.and_then(|d| std::str::from_utf8(d).ok()?.parse::<u8>().ok()) {
                    Some(byte) => {
                        s.push(byte);
                        i += 3;
                    }
                    None => {
                        s.extend(bytes.get(i + 1));
                        i += 1;
                    }
                }
            }
            (b, Some(s)) => s.push(b),
            (_, None) => {}
        }
        i += 1;
    }
    strings.extend(current);
    strings
}

pub fn decode(json: &JsonAnswer, kind: RecordType) -> Result<(Vec<Rdata>, Option<u32>), LookupError> {
    if json.truncated {
        return Err(LookupError::Temporary(Failure::Truncated));
    }
    match json.status {
        0 => {}
        3 => return Err(LookupError::NxDomain),
        other => return Err(LookupError::Temporary(Failure::ServerFailure(other))),
    }
    let name = |s: &str| s.trim_end_matches('.').to_owned();
    let mut records = Vec::new();
    let mut ttl: Option<u32> = None;
    for record in json.answer.iter().filter(|r| r.rtype == kind.code()) {
        let malformed = || LookupError::Temporary(Failure::Malformed);
        let data = match kind {
            RecordType::A => Rdata::A(record.data.parse::<Ipv4Addr>().map_err(|_| malformed())?),
            RecordType::Aaaa => Rdata::Aaaa(record.data.parse::<Ipv6Addr>().map_err(|_| malformed())?),
            RecordType::Mx => {
                let (preference, exchange) = record.data.split_once(' ').ok_or_else(malformed)?;
                Rdata::Mx(preference.parse().map_err(|_| malformed())?, name(exchange))
            }
            RecordType::Txt | RecordType::ChaosTxt => Rdata::Txt(txt_strings(&record.data)),
            RecordType::Ptr => Rdata::Ptr(name(&record.data)),
            RecordType::Cname => Rdata::Cname(name(&record.data)),
            RecordType::Srv => {
                let fields: Vec<&str> = record.data.split_whitespace().collect();
                let [priority, weight, port, target] = fields[..] else {
                    return Err(malformed());
                };
                let number = |n: &str| n.parse::<u16>().map_err(|_| malformed());
                Rdata::Srv(number(priority)?, number(weight)?, number(port)?, name(target))
            }
        };
        ttl = Some(ttl.map_or(record.ttl, |t| t.min(record.ttl)));
        records.push(data);
    }
    let aliases: Vec<(String, String)> = json
        .answer
        .iter()
        .filter(|r| r.rtype == RecordType::Cname.code())
        .map(|r| (r.name.clone(), r.data.clone()))
        .collect();
    if records.is_empty() && crate::resolver::cname_loops(&aliases) {
        return Err(LookupError::Temporary(Failure::CnameLoop));
    }
    Ok((records, ttl))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: u8, records: &[(u16, u32, &str)]) -> JsonAnswer {
        JsonAnswer {
            status,
            truncated: false,
            answer: records
                .iter()
                .map(|(t, ttl, d)| JsonRecord {
                    name: "x.example.".to_owned(),
                    rtype: *t,
                    ttl: *ttl,
                    data: (*d).to_owned(),
                })
                .collect(),
        }
    }

    #[test]
    fn dialects() {
        let spf = "v=spf1 ip4:203.0.114.60 include:spf.protection.outlook.com -all";
        let cases: &[(JsonAnswer, RecordType, Result<(Vec<Rdata>, Option<u32>), LookupError>)] = &[
            (
                answer(
                    0,
                    &[(
                        16,
                        300,
                        "\"v=spf1 ip4:203.0.114.60 \" \"include:spf.protection.outlook.com -all\"",
                    )],
                ),
                RecordType::Txt,
                Ok((
                    vec![Rdata::Txt(vec![
                        b"v=spf1 ip4:203.0.114.60 ".to_vec(),
                        b"include:spf.protection.outlook.com -all".to_vec(),
                    ])],
                    Some(300),
                )),
            ),
            (
                answer(0, &[(16, 60, spf)]),
                RecordType::Txt,
                Ok((vec![Rdata::Txt(vec![spf.as_bytes().to_vec()])], Some(60))),
            ),
            (
                answer(0, &[(16, 60, "\"say \\\"hi\\\" caf\\195\\169\"")]),
                RecordType::Txt,
                Ok((vec![Rdata::Txt(vec!["say \"hi\" café".as_bytes().to_vec()])], Some(60))),
            ),
            (
                answer(
                    0,
                    &[
                        (5, 300, "alias.example."),
                        (15, 200, "10 mx1.example."),
                        (15, 100, "20 mx2.example."),
                    ],
                ),
                RecordType::Mx,
                Ok((
                    vec![Rdata::Mx(10, "mx1.example".into()), Rdata::Mx(20, "mx2.example".into())],
                    Some(100),
                )),
            ),
            (
                answer(0, &[(1, 30, "192.0.2.1")]),
                RecordType::A,
                Ok((vec![Rdata::A([192, 0, 2, 1].into())], Some(30))),
            ),
            (answer(0, &[]), RecordType::A, Ok((vec![], None))),
            (answer(3, &[]), RecordType::Txt, Err(LookupError::NxDomain)),
            (
                answer(2, &[]),
                RecordType::Txt,
                Err(LookupError::Temporary(Failure::ServerFailure(2))),
            ),
            (
                answer(0, &[(1, 30, "not an address")]),
                RecordType::A,
                Err(LookupError::Temporary(Failure::Malformed)),
            ),
        ];
        for (json, kind, expected) in cases {
            assert_eq!(decode(json, *kind), *expected, "{json:?}");
        }
    }
}
