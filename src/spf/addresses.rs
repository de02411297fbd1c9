//! The addresses a user types for the SPF record to publish: read, and refused when
//! publishing them would authorise the wrong senders (an inside address, a whole provider's
//! network, the Internet).

use std::net::IpAddr;

use super::Addition;
use crate::ipclass::{self, IpClass};

/// The widest network the builder adds for "your own servers": 256 IPv4 addresses, or an
/// IPv6 /48 (one site). Providers' own networks come through their `include:`.
pub const WIDEST_V4: u8 = 24;
pub const WIDEST_V6: u8 = 48;

/// Why a typed item is not added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    NotAnAddress(String),
    /// Private, loopback, CGNAT, link-local, multicast or reserved: never an Internet sender.
    Special(String, IpClass),
    /// Wider than `WIDEST_V4` / `WIDEST_V6`.
    TooWide(String),
}

/// The items of `text` (separated by spaces, commas or new lines) as additions, and the
/// refused ones with why. Documentation addresses pass: they are examples, not a danger.
pub fn read(text: &str) -> (Vec<Addition>, Vec<Refusal>) {
    let mut additions = Vec::new();
    let mut refused = Vec::new();
    for item in text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|s| !s.is_empty())
    {
        let shown: String = item.chars().take(60).collect();
        let parsed = match item.split_once('/') {
            None => item.parse::<IpAddr>().ok().map(Addition::ip),
            Some((ip, len)) => match (ip.parse::<IpAddr>(), len.parse::<u8>()) {
                (Ok(ip), Ok(len)) if len <= if ip.is_ipv4() { 32 } else { 128 } => Some(Addition::Ip(ip, len)),
                _ => None,
            },
        };
        match parsed {
            Some(Addition::Ip(ip, len)) => match ipclass::classify(ip) {
                IpClass::Public | IpClass::Documentation if len < if ip.is_ipv4() { WIDEST_V4 } else { WIDEST_V6 } => {
                    refused.push(Refusal::TooWide(shown))
                }
                IpClass::Public | IpClass::Documentation => additions.push(Addition::Ip(ip, len)),
                class => refused.push(Refusal::Special(shown, class)),
            },
            _ => refused.push(Refusal::NotAnAddress(shown)),
        }
    }
    (additions, refused)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_addresses() {
        let (added, refused) = read(
            "10.0.0.1, 192.168.1.20 127.0.0.1\n100.64.1.1 0.0.0.0/0 80.12.34.56 203.0.114.0/24 203.0.0.0/16 ::/0 2001:db8::/48 2a01:cb00::/32 nope 1.2.3.4/33",
        );
        let added: Vec<String> = added.iter().map(ToString::to_string).collect();
        assert_eq!(added, ["ip4:80.12.34.56", "ip4:203.0.114.0/24", "ip6:2001:db8::/48"]);
        assert_eq!(
            refused,
            [
                Refusal::Special("10.0.0.1".into(), IpClass::Private),
                Refusal::Special("192.168.1.20".into(), IpClass::Private),
                Refusal::Special("127.0.0.1".into(), IpClass::Loopback),
                Refusal::Special("100.64.1.1".into(), IpClass::Cgnat),
                Refusal::Special("0.0.0.0/0".into(), IpClass::Reserved),
                Refusal::TooWide("203.0.0.0/16".into()),
                Refusal::Special("::/0".into(), IpClass::Reserved),
                Refusal::TooWide("2a01:cb00::/32".into()),
                Refusal::NotAnAddress("nope".into()),
                Refusal::NotAnAddress("1.2.3.4/33".into()),
            ]
        );
    }
}
