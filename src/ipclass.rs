//! What kind of address an IP is, for SPF lint and for the connector's public IPv4: the
//! special-purpose ranges of the IANA registries (RFC 6890 and successors).

use std::net::IpAddr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IpClass {
    /// Routable on the Internet.
    Public,
    /// RFC 1918 / unique-local: the inside of a network.
    Private,
    Loopback,
    /// RFC 6598 shared address space (carrier-grade NAT).
    Cgnat,
    LinkLocal,
    Multicast,
    /// RFC 5737 / RFC 3849 examples: valid syntax, never a real sender.
    Documentation,
    /// Unspecified, "this network", benchmarking, future use, broadcast.
    Reserved,
}

const V4: &[(u32, u8, IpClass)] = &[
    (0x0000_0000, 8, IpClass::Reserved),
    (0x0A00_0000, 8, IpClass::Private),
    (0x6440_0000, 10, IpClass::Cgnat),
    (0x7F00_0000, 8, IpClass::Loopback),
    (0xA9FE_0000, 16, IpClass::LinkLocal),
    (0xAC10_0000, 12, IpClass::Private),
    (0xC000_0000, 24, IpClass::Reserved),
    (0xC000_0200, 24, IpClass::Documentation),
    (0xC0A8_0000, 16, IpClass::Private),
    (0xC612_0000, 15, IpClass::Reserved),
    (0xC633_6400, 24, IpClass::Documentation),
    (0xCB00_7100, 24, IpClass::Documentation),
    (0xE000_0000, 4, IpClass::Multicast),
    (0xF000_0000, 4, IpClass::Reserved),
];

const V6: &[(u128, u8, IpClass)] = &[
    (0, 128, IpClass::Reserved),
    (1, 128, IpClass::Loopback),
    (0x2001_0db8 << 96, 32, IpClass::Documentation),
    (0xfc00 << 112, 7, IpClass::Private),
    (0xfe80 << 112, 10, IpClass::LinkLocal),
    (0xff00 << 112, 8, IpClass::Multicast),
];

pub fn classify(ip: IpAddr) -> IpClass {
    match ip {
        IpAddr::V4(v4) => {
            let bits = u32::from(v4);
            let found = V4.iter().find(|(net, len, _)| {
                let mask = u32::MAX.checked_shl(32 - u32::from(*len)).unwrap_or(0);
                bits & mask == *net
            });
            found.map_or(IpClass::Public, |(_, _, class)| *class)
        }
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => classify(IpAddr::V4(v4)),
            None => {
                let bits = u128::from(v6);
                let found = V6.iter().find(|(net, len, _)| {
                    let mask = u128::MAX.checked_shl(128 - u32::from(*len)).unwrap_or(0);
                    bits & mask == *net
                });
                found.map_or(IpClass::Public, |(_, _, class)| *class)
            }
        },
    }
}

/// An IP address as typed: `None` while empty, `Some(None)` for a text that is not one.
pub fn typed(text: &str) -> Option<Option<IpAddr>> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_as_typed() {
        assert_eq!(typed("  "), None);
        assert_eq!(typed(" 203.0.114.10 "), Some(Some("203.0.114.10".parse().unwrap())));
        assert_eq!(typed("2001:db8::1"), Some(Some("2001:db8::1".parse().unwrap())));
        assert_eq!(typed("203.0.114"), Some(None));
    }

    #[test]
    fn classes() {
        let cases = [
            ("203.0.114.10", IpClass::Public),
            ("8.8.8.8", IpClass::Public),
            ("10.1.2.3", IpClass::Private),
            ("172.16.0.1", IpClass::Private),
            ("172.31.255.255", IpClass::Private),
            ("172.32.0.1", IpClass::Public),
            ("192.168.1.10", IpClass::Private),
            ("100.64.0.1", IpClass::Cgnat),
            ("100.127.255.255", IpClass::Cgnat),
            ("100.128.0.1", IpClass::Public),
            ("127.0.0.1", IpClass::Loopback),
            ("169.254.1.1", IpClass::LinkLocal),
            ("224.0.0.1", IpClass::Multicast),
            ("240.0.0.1", IpClass::Reserved),
            ("255.255.255.255", IpClass::Reserved),
            ("0.0.0.0", IpClass::Reserved),
            ("198.18.0.1", IpClass::Reserved),
            ("192.0.2.10", IpClass::Documentation),
            ("198.51.100.7", IpClass::Documentation),
            ("203.0.113.10", IpClass::Documentation),
            ("2a01:cb00::1", IpClass::Public),
            ("::1", IpClass::Loopback),
            ("::", IpClass::Reserved),
            ("fd12:3456::1", IpClass::Private),
            ("fe80::1", IpClass::LinkLocal),
            ("ff02::1", IpClass::Multicast),
            ("2001:db8::1", IpClass::Documentation),
            ("::ffff:10.0.0.1", IpClass::Private),
        ];
        for (ip, expected) in cases {
            assert_eq!(classify(ip.parse().unwrap()), expected, "{ip}");
        }
    }
}
