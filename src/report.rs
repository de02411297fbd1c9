//! Reports to paste into a support ticket: the DNS checks of a domain, a message's headers
//! as read, an SPF record checked or an error explained, as plain text or Markdown, with the findings, the records and the date. They name the domain only,
//! never a mailbox.

use crate::{
    dns::checks::Check,
    headers::{Reading, Verdict},
    i18n::Lang,
    presets::{ErrorPattern, Provider},
    spf::Issue,
    text::{
        self,
        dns::{self as words, D},
        errors::E,
        headers::{self as headers_words, H},
        spf::{self as spf_words, S},
    },
    timeline::Date,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
}

/// The checks of `domain`, read through `resolver` (its operator's name) on `today`.
pub fn dns_checks(domain: &str, resolver: &str, checks: &[Check], today: Date, lang: Lang, format: Format) -> String {
    let title = D::report_title(lang, &iso_date(today, lang), domain);
    let mut out = match format {
        Format::Text => format!("{title}\n{}\n", D::report_resolver(lang, resolver)),
        Format::Markdown => format!("## {title}\n\n{}\n", D::report_resolver(lang, resolver)),
    };
    for check in checks {
        let heading = format!(
            "{} — {}",
            words::kind(check.kind, lang),
            words::status(check.status, lang)
        );
        out.push_str(&match format {
            Format::Text => format!("\n{heading}\n"),
            Format::Markdown => format!("\n### {heading}\n\n"),
        });
        for note in &check.notes {
            out.push_str(&format!("- {}\n", words::note(note, lang)));
        }
        if !check.raw.is_empty() {
            let records = check.raw.join("\n");
            out.push_str(&match format {
                Format::Text => format!("{}\n{}\n", D::RawRecords.get(lang), indent(&records)),
                Format::Markdown => format!("\n{}\n\n```text\n{records}\n```\n", D::RawRecords.get(lang)),
            });
        }
    }
    out
}

/// A pasted header block's reading on `today`: the verdicts, what they mean and the hops.
/// The reading holds domains and servers only, never a mailbox.
pub fn headers(reading: &Reading, today: Date, lang: Lang, format: Format) -> String {
    let title = H::report_title(lang, &iso_date(today, lang));
    let mut out = match format {
        Format::Text => format!("{title}\n"),
        Format::Markdown => format!("## {title}\n\n"),
    };
    let unknown = || H::Unknown.get(lang).to_owned();
    if let Some(domain) = &reading.from_domain {
        out.push_str(&format!("{}\n", H::from_domain(lang, domain)));
    }
    if let Some(server) = &reading.receiver {
        out.push_str(&format!("{}\n", H::receiver(lang, server)));
    }
    if let Some(ip) = reading.sending_ip {
        out.push_str(&format!("{}\n", H::sending_ip(lang, &ip.to_string())));
    }
    let verdict = |name: &str, v: Option<&Verdict>| match v {
        Some(v) => format!(
            "- {name}: {} — {} ({} {})\n",
            headers_words::outcome(v.outcome, lang),
            v.domain.clone().unwrap_or_else(unknown),
            H::ColAligned.get(lang),
            headers_words::aligned(v.aligned, lang)
        ),
        None => format!("- {name}: {}\n", H::NotChecked.get(lang)),
    };
    out.push_str(&section(H::VerdictsTitle.get(lang), format));
    out.push_str(&verdict("SPF", reading.spf.as_ref()));
    if reading.dkim.is_empty() {
        out.push_str(&verdict("DKIM", None));
    }
    for dkim in &reading.dkim {
        out.push_str(&verdict("DKIM", Some(dkim)));
    }
    out.push_str(&verdict("DMARC", reading.dmarc.as_ref()));
    out.push_str(&section(H::FindingsTitle.get(lang), format));
    for finding in &reading.findings {
        out.push_str(&format!("- {}\n", headers_words::finding(finding, lang)));
    }
    out.push_str(&section(H::HopsTitle.get(lang), format));
    for (i, hop) in reading.hops.iter().enumerate() {
        out.push_str(&format!(
            "{}. {} → {} — {} ({})\n",
            i + 1,
            hop.from
                .clone()
                .or(hop.ip.map(|ip| ip.to_string()))
                .unwrap_or_else(unknown),
            hop.by.clone().unwrap_or_else(unknown),
            headers_words::time(hop.time, lang),
            headers_words::delay(hop.delay, lang),
        ));
    }
    out
}

/// A checked SPF record: the record, its findings and its DNS look-ups.
pub fn spf_check(
    record: &str,
    issues: &[Issue],
    lookups: Option<usize>,
    today: Date,
    lang: Lang,
    format: Format,
) -> String {
    let title = S::report_title(lang, &iso_date(today, lang));
    let mut out = match format {
        Format::Text => format!("{title}\n\n{}\n", indent(record.trim())),
        Format::Markdown => format!("## {title}\n\n```text\n{}\n```\n", record.trim()),
    };
    if let Some(n) = lookups {
        out.push_str(&format!("\n{}\n", S::lookups(lang, &n.to_string())));
    }
    out.push_str(&section(S::Findings.get(lang), format));
    if issues.is_empty() {
        out.push_str(&format!("- {}\n", S::NoFinding.get(lang)));
    }
    for issue in issues {
        out.push_str(&format!(
            "- {}: {}\n",
            spf_words::severity(issue.severity(), lang),
            spf_words::issue(issue, lang)
        ));
    }
    out
}

/// An error message explained: its codes and the pattern it matched. The pasted text itself
/// is left out: it often names a mailbox.
pub fn error_diagnosis(
    codes: &[String],
    pattern: &ErrorPattern,
    provider: Option<&Provider>,
    today: Date,
    lang: Lang,
    format: Format,
) -> String {
    let title = E::report_title(lang, &iso_date(today, lang));
    let mut out = match format {
        Format::Text => format!("{title}\n"),
        Format::Markdown => format!("## {title}\n"),
    };
    if !codes.is_empty() {
        out.push_str(&format!("\n{} {}\n", E::Codes.get(lang), codes.join(", ")));
    }
    for (heading, text) in [
        (E::Meaning, pattern.meaning.get(lang).to_owned()),
        (E::Cause, pattern.cause.get(lang).to_owned()),
        (E::Fix, text::errors::fix(pattern, provider, lang)),
    ] {
        out.push_str(&section(heading.get(lang), format));
        out.push_str(&format!("{text}\n"));
    }
    out.push_str(&format!("\n{}\n", pattern.source.url));
    out
}

fn iso_date(today: Date, lang: Lang) -> String {
    text::date(&format!("{:04}-{:02}-{:02}", today.year, today.month, today.day), lang)
}

fn section(title: &str, format: Format) -> String {
    match format {
        Format::Text => format!("\n{title}\n"),
        Format::Markdown => format!("\n### {title}\n\n"),
    }
}

fn indent(lines: &str) -> String {
    lines.lines().map(|l| format!("    {l}")).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::checks::{CheckKind, Note, Status};

    fn checks() -> Vec<Check> {
        let mut dmarc = Check::new(CheckKind::Dmarc, Status::Ok, vec![Note::DmarcSeveral]);
        dmarc.raw = vec!["v=DMARC1; p=none".into()];
        vec![
            dmarc,
            Check::new(
                CheckKind::Dkim,
                Status::Warning,
                vec![Note::DkimMissing(vec!["selector1".into()])],
            ),
        ]
    }

    #[test]
    fn a_report_in_text_and_markdown() {
        let day = Date::new(2026, 11, 22);
        let text = dns_checks(
            "acme.fr",
            "Cloudflare (cloudflare-dns.com)",
            &checks(),
            day,
            Lang::En,
            Format::Text,
        );
        assert!(text.starts_with("DNS check of acme.fr, 22 November 2026\n"), "{text}");
        assert!(
            text.contains("\nPolicy (DMARC) — OK\n- Several DMARC records"),
            "{text}"
        );
        assert!(text.contains("\n    v=DMARC1; p=none\n"), "{text}");
        assert!(text.contains("selector1"), "{text}");
        let markdown = dns_checks("acme.fr", "Cloudflare", &checks(), day, Lang::Fr, Format::Markdown);
        assert!(
            markdown.starts_with("## Vérification DNS de acme.fr, 22 novembre 2026\n"),
            "{markdown}"
        );
        assert!(markdown.contains("```text\nv=DMARC1; p=none\n```"), "{markdown}");
    }

    #[test]
    fn a_headers_report_names_domains_and_servers_only() {
        let reading = crate::headers::read(include_str!("../tests/headers/gmail-softfail.eml")).unwrap();
        let day = Date::new(2026, 11, 22);
        let text = headers(&reading, day, Lang::En, Format::Text);
        for words in [
            "Message headers read on",
            "From domain: pex.com",
            "- SPF: soft fail — pex.com (Your domain? yes)",
            "- DKIM: pass — pex-com.20150623.gappssmtp.com (Your domain? no)",
            "SPF failed",
            "2019-02-20 03:24:23",
        ] {
            assert!(text.contains(words), "{words} in:\n{text}");
        }
        assert!(!text.contains("sender@"), "no mailbox name:\n{text}");
        let markdown = headers(&reading, day, Lang::Fr, Format::Markdown);
        assert!(
            markdown.starts_with("## En-têtes de message lus le") && markdown.contains("\n### Le chemin parcouru\n"),
            "{markdown}"
        );
    }

    #[test]
    fn spf_and_error_reports() {
        let day = Date::new(2026, 11, 22);
        let record = "v=spf1 include:_spf.google.com +all";
        let (issues, parsed, _) = crate::spf::judge(record, None).unwrap();
        let text = spf_check(
            record,
            &issues,
            parsed.map(|r| r.lookups()),
            day,
            Lang::En,
            Format::Text,
        );
        assert!(
            text.starts_with("SPF record checked on 22 November 2026\n\n    v=spf1 include:_spf.google.com +all\n"),
            "{text}"
        );
        assert!(text.contains("+all"), "{text}");
        let pasted = "550 5.7.1 <jean.dupont@acme.fr>: Relay access denied";
        let pattern = crate::troubleshoot::diagnose(pasted, None)[0].pattern;
        let codes = crate::text::errors::codes(pasted, Lang::Fr);
        let markdown = error_diagnosis(&codes, pattern, None, day, Lang::Fr, Format::Markdown);
        assert!(
            markdown.starts_with("## Message d'erreur expliqué le 22 novembre 2026\n"),
            "{markdown}"
        );
        assert!(
            markdown.contains("### Ce qu") || markdown.contains("### Cause"),
            "{markdown}"
        );
        assert!(!markdown.contains("jean.dupont"), "{markdown}");
    }
}
