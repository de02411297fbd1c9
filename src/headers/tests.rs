//! The reading of real header blocks, anonymised (people's names and mailbox names
//! replaced), each from a public mailing-list archive: `tests/headers/README.md` says where.

use std::net::IpAddr;

use super::*;

/// What a block must give: the From domain, the receiver, the SPF, first DKIM and DMARC
/// outcomes, the sending IP, the number of hops and the findings in order.
struct Case {
    file: &'static str,
    text: &'static str,
    from: Option<&'static str>,
    receiver: Option<&'static str>,
    spf: Option<Outcome>,
    dkim: Option<Outcome>,
    dmarc: Option<Outcome>,
    ip: Option<&'static str>,
    hops: usize,
    findings: &'static [&'static str],
}

macro_rules! block {
    ($file:literal) => {
        ($file, include_str!(concat!("../../tests/headers/", $file)))
    };
}

/// A finding's name, to keep the table short.
fn name(f: &Finding) -> &'static str {
    match f {
        Finding::NoVerdicts => "no-verdicts",
        Finding::SpfFailed { .. } => "spf-failed",
        Finding::SpfMissing { .. } => "spf-missing",
        Finding::SpfError { .. } => "spf-error",
        Finding::DkimFailed { .. } => "dkim-failed",
        Finding::DkimMissing => "dkim-missing",
        Finding::DkimNotAligned { .. } => "dkim-not-aligned",
        Finding::SpfNotAligned { .. } => "spf-not-aligned",
        Finding::SignedButUnchecked { .. } => "signed-unchecked",
        Finding::DmarcFailed { .. } => "dmarc-failed",
        Finding::DmarcMissing => "dmarc-missing",
        Finding::SlowHop { .. } => "slow-hop",
        Finding::Authenticated => "authenticated",
        Finding::InvalidDomains { .. } => "invalid-domains",
    }
}

fn cases() -> Vec<Case> {
    use Outcome as O;
    let case = |(file, text): (&'static str, &'static str)| Case {
        file,
        text,
        from: None,
        receiver: None,
        spf: None,
        dkim: None,
        dmarc: None,
        ip: None,
        hops: 0,
        findings: &[],
    };
    vec![
        Case {
            from: Some("oracle.com"),
            receiver: Some("mx.google.com"),
            spf: Some(O::Pass),
            dkim: Some(O::Pass),
            dmarc: Some(O::Pass),
            ip: Some("156.151.31.86"),
            hops: 4,
            findings: &["authenticated"],
            ..case(block!("gmail-pass.eml"))
        },
        Case {
            from: Some("pex.com"),
            receiver: Some("mx.google.com"),
            spf: Some(O::SoftFail),
            dkim: Some(O::Pass),
            dmarc: Some(O::Fail),
            ip: Some("209.85.220.65"),
            hops: 2,
            findings: &["spf-failed", "dmarc-failed", "dkim-not-aligned"],
            ..case(block!("gmail-softfail.eml"))
        },
        Case {
            from: Some("gmail.com"),
            receiver: Some("mx.google.com"),
            spf: Some(O::Pass),
            dkim: Some(O::Pass),
            dmarc: Some(O::Pass),
            ip: Some("209.85.220.65"),
            hops: 1,
            findings: &["authenticated"],
            ..case(block!("gmail-gmail-pass.eml"))
        },
        Case {
            from: Some("onelogin.com"),
            receiver: Some("mx.google.com"),
            spf: Some(O::Pass),
            dkim: Some(O::Pass),
            dmarc: Some(O::Pass),
            ip: Some("2607:f8b0:4003:c06::22c"),
            hops: 2,
            findings: &["authenticated"],
            ..case(block!("gmail-ipv6.eml"))
        },
        Case {
            receiver: Some("mx.google.com"),
            spf: Some(O::SoftFail),
            dkim: Some(O::Fail),
            dmarc: Some(O::Fail),
            ip: Some("172.105.152.211"),
            findings: &["spf-failed", "dkim-failed", "dmarc-failed"],
            ..case(block!("gmail-rewrapped.eml"))
        },
        Case {
            from: Some("amd.com"),
            dkim: Some(O::None),
            dmarc: Some(O::None),
            ip: Some("40.107.94.87"),
            hops: 3,
            findings: &["signed-unchecked"],
            ..case(block!("m365-sender-side.eml"))
        },
        Case {
            from: Some("amd.com"),
            spf: Some(O::Pass),
            ip: Some("165.204.84.17"),
            hops: 5,
            findings: &["signed-unchecked"],
            ..case(block!("m365-hybrid.eml"))
        },
        Case {
            from: Some("hotmail.com"),
            ip: Some("40.92.253.69"),
            hops: 4,
            findings: &["no-verdicts", "signed-unchecked"],
            ..case(block!("outlook-com.eml"))
        },
        Case {
            from: Some("wanadoo.fr"),
            receiver: Some("smtp.subspace.kernel.org"),
            spf: Some(O::Pass),
            dkim: Some(O::Pass),
            dmarc: Some(O::Pass),
            ip: Some("80.12.242.30"),
            hops: 2,
            findings: &["authenticated"],
            ..case(block!("orange-pass.eml"))
        },
        Case {
            from: Some("wanadoo.fr"),
            receiver: Some("smtp.subspace.kernel.org"),
            spf: Some(O::Pass),
            dmarc: Some(O::Pass),
            ip: Some("77.131.3.214"),
            hops: 1,
            findings: &["authenticated"],
            ..case(block!("orange-arc.eml"))
        },
        Case {
            from: Some("wanadoo.fr"),
            receiver: Some("lists.ozlabs.org"),
            spf: Some(O::None),
            ip: Some("80.12.242.129"),
            hops: 2,
            findings: &["spf-missing", "dkim-missing", "dmarc-missing", "slow-hop"],
            ..case(block!("orange-spf-none.eml"))
        },
        Case {
            from: Some("wanadoo.fr"),
            ip: Some("23.128.96.19"),
            hops: 3,
            findings: &["no-verdicts", "signed-unchecked"],
            ..case(block!("orange-no-verdict.eml"))
        },
        Case {
            from: Some("foxhound.fi"),
            receiver: Some("garm.ovh"),
            ip: Some("87.98.177.69"),
            hops: 4,
            findings: &["no-verdicts", "slow-hop"],
            ..case(block!("ovh-mail-out.eml"))
        },
        Case {
            from: Some("kaod.org"),
            receiver: Some("garm.ovh"),
            ip: Some("178.32.125.2"),
            hops: 3,
            findings: &["no-verdicts"],
            ..case(block!("ovh-exchange.eml"))
        },
        Case {
            from: Some("gmail.com"),
            receiver: Some("smtp.subspace.kernel.org"),
            spf: Some(O::Pass),
            dkim: Some(O::Pass),
            dmarc: Some(O::Fail),
            ip: Some("185.41.28.109"),
            hops: 3,
            findings: &["dmarc-failed", "spf-not-aligned", "dkim-not-aligned"],
            ..case(block!("brevo-gmail-from.eml"))
        },
        Case {
            from: Some("rcpassos.me"),
            receiver: Some("smtp.subspace.kernel.org"),
            spf: Some(O::Pass),
            dmarc: Some(O::Pass),
            hops: 1,
            findings: &["authenticated"],
            ..case(block!("brevo-own-domain.eml"))
        },
        Case {
            from: Some("raxyte.com"),
            receiver: Some("smtp.subspace.kernel.org"),
            spf: Some(O::Pass),
            dmarc: Some(O::Pass),
            hops: 1,
            findings: &["authenticated"],
            ..case(block!("brevo-reject.eml"))
        },
        Case {
            from: Some("pex.com"),
            receiver: Some("mail.kernel.org"),
            spf: Some(O::Pass),
            dkim: Some(O::Pass),
            dmarc: Some(O::Fail),
            ip: Some("205.233.56.17"),
            hops: 3,
            findings: &["dmarc-failed", "spf-not-aligned", "dkim-not-aligned"],
            ..case(block!("list-forwarded.eml"))
        },
        Case {
            from: Some("oracle.com"),
            receiver: Some("mail.kernel.org"),
            spf: Some(O::Pass),
            dkim: Some(O::Pass),
            dmarc: Some(O::Fail),
            // mail.kernel.org wrote the verdicts for what kanga.kvack.org handed it; the hop
            // above is kernel.org's own (its archiver), not the sender.
            ip: Some("205.233.56.17"),
            hops: 3,
            findings: &["dmarc-failed"],
            ..case(block!("list-dkim-aligned.eml"))
        },
        Case {
            from: Some("nvidia.com"),
            // The only hop is between two of Exchange Online's own servers: no boundary was
            // crossed, so no sending address (its IPv6 is Microsoft's, not the sender's).
            ip: None,
            hops: 1,
            findings: &["no-verdicts", "signed-unchecked"],
            ..case(block!("m365-case.eml"))
        },
    ]
}

#[test]
fn real_header_blocks() {
    for c in cases() {
        let r = read(c.text).unwrap_or_else(|e| panic!("{}: {e:?}", c.file));
        let got: Vec<&str> = r.findings.iter().map(name).collect();
        assert_eq!(r.from_domain.as_deref(), c.from, "{}: From domain", c.file);
        assert_eq!(r.receiver.as_deref(), c.receiver, "{}: receiver", c.file);
        assert_eq!(r.spf.as_ref().map(|v| v.outcome), c.spf, "{}: SPF", c.file);
        assert_eq!(r.dkim.first().map(|v| v.outcome), c.dkim, "{}: DKIM", c.file);
        assert_eq!(r.dmarc.as_ref().map(|v| v.outcome), c.dmarc, "{}: DMARC", c.file);
        assert_eq!(
            r.sending_ip,
            c.ip.map(|ip| ip.parse::<IpAddr>().unwrap()),
            "{}: sending IP",
            c.file
        );
        assert_eq!(r.hops.len(), c.hops, "{}: hops", c.file);
        assert_eq!(got, c.findings, "{}: findings", c.file);
    }
}

#[test]
fn verdict_details() {
    let r = read(include_str!("../../tests/headers/gmail-softfail.eml")).unwrap();
    let spf = r.spf.as_ref().unwrap();
    assert_eq!((spf.domain.as_deref(), spf.aligned), (Some("pex.com"), Some(true)));
    let dkim = &r.dkim[0];
    assert_eq!(dkim.domain.as_deref(), Some("pex-com.20150623.gappssmtp.com"));
    assert_eq!((dkim.aligned, dkim.detail.as_deref()), (Some(false), Some("20150623")));
    assert_eq!(r.dmarc.as_ref().unwrap().detail.as_deref(), Some("none"));
    assert_eq!(r.signatures, ["pex-com.20150623.gappssmtp.com"]);
    assert_eq!(r.fix(&r.findings[0]), Some(Fix::Spf("pex.com".into())));
    assert_eq!(r.fix(&r.findings[1]), Some(Fix::Dns("pex.com".into())));

    let quarantined = read(include_str!("../../tests/headers/gmail-rewrapped.eml")).unwrap();
    assert_eq!(
        quarantined.findings[2],
        Finding::DmarcFailed {
            policy: Some("quarantine".into())
        }
    );
}

#[test]
fn hops_are_oldest_first_with_their_delays() {
    let r = read(include_str!("../../tests/headers/ovh-mail-out.eml")).unwrap();
    let by: Vec<Option<&str>> = r.hops.iter().map(|h| h.by.as_deref()).collect();
    assert_eq!(by.first(), Some(&Some("ghost-submission-6684bf9d7b-xkfk5")));
    assert_eq!(by.last(), Some(&Some("gabe.freedesktop.org")));
    let delays: Vec<Option<i64>> = r.hops.iter().map(|h| h.delay).collect();
    assert_eq!(delays, [None, Some(0), Some(3), Some(348)]);
    assert_eq!(
        r.findings[1],
        Finding::SlowHop {
            by: Some("gabe.freedesktop.org".into()),
            seconds: 348
        }
    );
}

#[test]
fn pasted_in_other_shapes() {
    let crlf = include_str!("../../tests/headers/gmail-pass.eml").replace('\n', "\r\n");
    assert_eq!(read(&crlf).unwrap().findings, [Finding::Authenticated]);
    // A webmail page copied whole: its summary comes before the source.
    let page = format!(
        "Original message\n\nMessage ID\t<x@example.com>\nCreated at:\tWed, 12 Jun 2019\nSPF:\tPASS\n\n{}",
        include_str!("../../tests/headers/gmail-pass.eml")
    );
    assert_eq!(read(&page).unwrap().findings, [Finding::Authenticated]);
    // Cut in the middle of a field.
    let text = include_str!("../../tests/headers/gmail-softfail.eml");
    let field = text.find("\nAuthentication-Results").unwrap();
    let cut = &text[..field + 120];
    let r = read(cut).unwrap();
    assert_eq!(r.receiver.as_deref(), Some("mx.google.com"));
    assert_eq!((r.dkim.len(), r.dmarc.is_none()), (1, true));
}

#[test]
fn what_is_not_a_header_block_is_said() {
    assert_eq!(read(""), Err(ReadError::Empty));
    assert_eq!(read("  \n\t\n"), Err(ReadError::Empty));
    for text in [
        "Bonjour,\nvoici la facture.\n",
        "550 5.7.1 relay denied",
        "{\"a\": 1}",
        "Subject: hello\nX-Test: 1\n",
    ] {
        assert_eq!(read(text), Err(ReadError::NotHeaders), "{text}");
    }
}

#[test]
fn every_block_has_a_source() {
    let sources = include_str!("../../tests/headers/README.md");
    for c in cases() {
        assert!(
            sources.contains(&format!("`{}`", c.file)),
            "{} has no source in tests/headers/README.md",
            c.file
        );
    }
}

proptest::proptest! {
    #[test]
    fn never_panics(text in "(?s).{0,400}") {
        let _ = read(&text);
    }

    #[test]
    fn never_panics_on_mangled_blocks(cut in 0usize..4000, junk in "[\\x00-\\x7f]{0,40}") {
        let text = include_str!("../../tests/headers/gmail-softfail.eml");
        let at = text.char_indices().map(|(i, _)| i).nth(cut.min(text.chars().count() - 1)).unwrap_or(0);
        let _ = read(&format!("{}{junk}{}", &text[..at], &text[at..]));
    }
}

/// A receiver that writes one field per check, each with its own authserv-id under one
/// administrative domain, with another field between them (iCloud's shape); the sending IP
/// from `policy.iprev`; a value folded after `=`.
#[test]
fn every_field_of_the_receiving_domain_wherever_it_stands() {
    let block = "Authentication-Results: dmarc.mail.receiver.example; dmarc=pass header.from=acme.fr\n\
Authentication-Results: spf.mail.receiver.example; spf=pass smtp.mailfrom=\n\
\tbounces+12345@mail.acme.fr\n\
Received: from out.acme.fr (out.acme.fr [192.0.2.77]) by mx.mail.receiver.example with ESMTPS; Tue, 1 Dec 2026 10:00:01 +0000\n\
Authentication-Results: dkim-verifier.mail.receiver.example; dkim=pass header.d=acme.fr header.s=s1\n\
Authentication-Results: iprev.mail.receiver.example; iprev=pass policy.iprev=192.0.2.77\n\
Authentication-Results: mx.other.example; dkim=fail header.d=acme.fr\n\
From: Factures <factures@acme.fr>\n\
Subject: Invoice\n";
    let reading = read(block).expect("headers");
    let spf = reading.spf.as_ref().expect("SPF read");
    assert_eq!(
        spf.domain.as_deref(),
        Some("mail.acme.fr"),
        "the folded value keeps its domain"
    );
    assert_eq!(spf.aligned, Some(true));
    assert_eq!(reading.dkim.len(), 1, "the other domain's field is not the receiver's");
    assert_eq!(reading.dkim[0].outcome, Outcome::Pass);
    assert_eq!(reading.sending_ip, "192.0.2.77".parse::<IpAddr>().ok());
    assert_eq!(reading.findings, [Finding::Authenticated]);
}

#[test]
fn administrative_domains_of_authserv_ids() {
    for (id, admd_expected) in [
        ("dmarc.icloud.com", "icloud.com"),
        ("mx.google.com", "google.com"),
        ("mx.example.co.uk", "example.co.uk"),
        ("example.com", "example.com"),
        ("localhost", "localhost"),
    ] {
        assert_eq!(admd(id), admd_expected, "{id}");
    }
}

/// The sending address is the one the receiving boundary saw: Exchange Online's own hops
/// above it are passed, and a `from` inside a comment names no sender.
#[test]
fn the_receiving_boundary_and_hops_without_a_sender() {
    let block = "Received: from AM9PR01MB1234.eurprd01.prod.outlook.com (2603:10a6:20b:1::10) by DB9PR01MB5678.eurprd01.prod.outlook.com with HTTPS; Tue, 1 Dec 2026 10:00:03 +0000\n\
Received: from AM4PEPF00001.eurprd01.prod.outlook.com (2a01:111:f403:c201::1) by AM9PR01MB1234.eurprd01.prod.outlook.com (2603:10a6:20b:1::10) with Microsoft SMTP Server; Tue, 1 Dec 2026 10:00:02 +0000\n\
Received: from out.sender.example (51.68.10.20) by AM4PEPF00001.mail.protection.outlook.com (10.167.16.1) with Microsoft SMTP Server; Tue, 1 Dec 2026 10:00:01 +0000\n\
Received: by out.sender.example (Postfix, from userid 1001) id 4F2A1; Tue, 1 Dec 2026 10:00:00 +0000\n\
From: Billing <billing@sender.example>\n\
Subject: Invoice\n";
    let reading = read(block).expect("headers");
    assert_eq!(reading.sending_ip, "51.68.10.20".parse::<IpAddr>().ok());
    let first = &reading.hops[0];
    assert_eq!(
        (first.from.as_deref(), first.by.as_deref()),
        (None, Some("out.sender.example"))
    );
    assert_eq!(reading.hops.len(), 4);
}

/// A date outside RFC 5322 is dropped, and no delay is drawn from it; fractional seconds
/// (SendGrid's) are read.
#[test]
fn no_delay_from_a_misread_date() {
    let block = "Received: from o1.sendgrid.example (o1.sendgrid.example [149.72.1.1]) by mx.receiver.example; Tue, 1 Dec 2026 10:00:05 +0000\n\
Received: from app.acme.fr (app.acme.fr [51.68.10.20]) by o1.sendgrid.example with HTTP; Tue, 01 Dec 2026 10:00:01.402139211 +0000 (UTC)\n\
Received: from localhost by app.acme.fr; 4/20/2018 23:01:06\n\
From: Factures <factures@acme.fr>\n\
Subject: Invoice\n";
    let reading = read(block).expect("headers");
    let delays: Vec<Option<i64>> = reading.hops.iter().map(|h| h.delay).collect();
    assert_eq!(delays, [None, None, Some(4)]);
    assert_eq!(reading.hops[0].time, None);
}
