//! Reports to paste into a support ticket: the DNS checks of a domain as plain text or
//! Markdown, with the findings, the records as read and the date. They name the domain only,
//! never a mailbox.

use crate::{
    dns::checks::Check,
    i18n::Lang,
    text::{
        self,
        dns::{self as words, D},
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
    let iso = format!("{:04}-{:02}-{:02}", today.year, today.month, today.day);
    let title = D::report_title(lang, &text::date(&iso, lang), domain);
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
}
