//! The headers tool (`?tool=headers`): a received test message's headers, pasted and read
//! in the page (`headers::read`), shown as the receiver's verdicts, what they mean with a
//! link to each fix, and the hops.

use leptos::prelude::*;

use super::{
    app::{Ctx, STEP_HEADING},
    copy_button::CopyButton,
    dns_checks::ReceiverList,
    nav::PageLink,
    settings_card::SourceLink,
};
use crate::{
    browser,
    headers::{self, Fix, ReadError, Reading, Verdict},
    presets,
    report::{self, Format},
    text::headers::{self as words, H},
    url_state::{Tool, UrlState},
};

#[component]
pub fn HeadersTool() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let h = move |key: H| key.get(ctx.lang.get());
    let pasted = RwSignal::new(String::new());
    let reading = Memo::new(move |_| headers::read(&pasted.get()));
    view! {
        <h1 id=STEP_HEADING tabindex="-1" node_ref=ctx.heading>{move || h(H::Title)}</h1>
        <p>{move || h(H::Intro)}</p>
        <details class="how-to-get">
            <summary>{move || h(H::HowTitle)}</summary>
            <dl>
                {presets::mail_clients().iter().map(|c| view! {
                    <dt>{ctx.local(&c.name)}</dt>
                    <dd data-client=c.id.clone()>{ctx.local(&c.how)}" "<SourceLink source=&c.source /></dd>
                }).collect_view()}
            </dl>
        </details>
        <label for="headers-text">{move || h(H::PasteLabel)}</label>
        <textarea id="headers-text" rows="10" spellcheck="false" autocapitalize="off" aria-describedby="headers-help"
            on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
        <p id="headers-help" class="help">{move || h(H::PasteHelp)}</p>
        <div class="headers-reading" aria-live="polite">
            {move || match reading.get() {
                Err(ReadError::Empty) => ().into_any(),
                Err(ReadError::NotHeaders) => view! { <p class="error" data-testid="not-headers">{move || h(H::NotHeaders)}</p> }.into_any(),
                Ok(reading) => view! { <ReadingView reading=reading /> }.into_any(),
            }}
        </div>
    }
}

/// A reading, worded in the current language: a language switch rewords it in place.
#[component]
fn ReadingView(reading: Reading) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let reading = StoredValue::new(reading);
    move || {
        let lang = ctx.lang.get();
        let r = reading.get_value();
        let report = |format| report::headers(&r, browser::today(), lang, format);
        let (text, markdown) = (report(Format::Text), report(Format::Markdown));
        let row = |name: &'static str, v: Option<&Verdict>| {
            let (result, outcome) = match v {
                Some(v) => (
                    words::outcome(v.outcome, lang),
                    format!("{:?}", v.outcome).to_lowercase(),
                ),
                None => (H::NotChecked.get(lang), "unchecked".to_owned()),
            };
            view! {
                <tr data-check=name.to_lowercase() data-outcome=outcome>
                    <th scope="row">{name}</th>
                    <td>{result}</td>
                    <td>{v.and_then(|v| v.domain.clone()).unwrap_or_else(|| H::Unknown.get(lang).to_owned())}</td>
                    <td>{words::aligned(v.and_then(|v| v.aligned), lang)}</td>
                </tr>
            }
        };
        let dkim_rows = match r.dkim.is_empty() {
            true => vec![row("DKIM", None)],
            false => r.dkim.iter().map(|v| row("DKIM", Some(v))).collect(),
        };
        view! {
            <h2>{H::VerdictsTitle.get(lang)}</h2>
            <ul class="facts">
                {r.from_domain.clone().map(|d| view! { <li data-testid="from-domain">{H::from_domain(lang, &d)}</li> })}
                {r.receiver.clone().map(|s| view! { <li>{H::receiver(lang, &s)}</li> })}
                {r.sending_ip.map(|ip| view! { <li data-testid="sending-ip">{H::sending_ip(lang, &ip.to_string())}</li> })}
            </ul>
            <div class="table-scroll"><table class="compare verdicts">
                <thead><tr>
                    <th scope="col">{H::ColCheck.get(lang)}</th>
                    <th scope="col">{H::ColResult.get(lang)}</th>
                    <th scope="col">{H::ColDomain.get(lang)}</th>
                    <th scope="col">{H::ColAligned.get(lang)}</th>
                </tr></thead>
                <tbody>{row("SPF", r.spf.as_ref())}{dkim_rows}{row("DMARC", r.dmarc.as_ref())}</tbody>
            </table></div>
            <h2>{H::FindingsTitle.get(lang)}</h2>
            <ul class="findings">
                {r.findings.iter().map(|f| {
                    view! {
                        <li class=f.severity().class()>
                            {words::finding(f, lang)}
                            {r.fix(f).map(|fix| view! { " " <FixLink fix=fix /> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <h2>{crate::text::dns::D::ReceiversTitle.get(lang)}</h2>
            <p class="help" data-testid="receivers-by">{match &r.receiver {
                Some(by) => H::receivers_help_by(lang, by),
                None => H::ReceiversHelp.get(lang).to_owned(),
            }}</p>
            <ReceiverList verdicts=crate::receivers::from_headers(&r) />
            <h2>{H::HopsTitle.get(lang)}</h2>
            <div class="table-scroll"><table class="compare hops">
                <thead><tr>
                    <th scope="col">{H::ColFrom.get(lang)}</th>
                    <th scope="col">{H::ColBy.get(lang)}</th>
                    <th scope="col">{H::ColTime.get(lang)}</th>
                    <th scope="col">{H::ColDelay.get(lang)}</th>
                </tr></thead>
                <tbody>
                    {r.hops.iter().map(|hop| view! {
                        <tr>
                            <td>{hop.from.clone().or(hop.ip.map(|ip| ip.to_string())).unwrap_or_else(|| H::Unknown.get(lang).to_owned())}
                                {hop.ip.filter(|_| hop.from.is_some()).map(|ip| format!(" [{ip}]"))}</td>
                            <td>{hop.by.clone().unwrap_or_else(|| H::Unknown.get(lang).to_owned())}</td>
                            <td>{words::time(hop.time, lang)}</td>
                            <td>{words::delay(hop.delay, lang)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table></div>
            <p class="report-copy">{H::ReportLabel.get(lang)}" "
                <CopyButton text=text what=H::ReportCopyText.get(lang).to_owned() shown=H::ReportCopyText.get(lang).to_owned() />
                <CopyButton text=markdown what=H::ReportCopyMarkdown.get(lang).to_owned() shown=H::ReportCopyMarkdown.get(lang).to_owned() />
            </p>
        }
    }
}

/// The link to the tool that fixes a finding, for the From domain: offered only when the
/// domain reads as one (in ASCII, as the tools ask DNS for it).
#[component]
fn FixLink(fix: Fix) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let (tool, domain) = match &fix {
        Fix::Spf(domain) => (Tool::Spf, domain),
        Fix::Dns(domain) => (Tool::Dns, domain),
    };
    let domain = crate::address::domain_to_ascii(domain, browser::to_ascii).ok()?;
    let state = ctx.state.get_untracked();
    let to = UrlState {
        tool: Some(tool),
        route: crate::wizard::Route {
            domain: Some(domain),
            ..state.route.clone()
        },
        ..state
    };
    Some(view! { <PageLink to={to} {..} data-action="open-fix">{move || words::fix(&fix, ctx.lang.get())}</PageLink> })
}
