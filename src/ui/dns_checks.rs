//! The live DNS checks of a domain, over DNS-over-HTTPS: MX, SPF, DMARC, DKIM and the SMTP
//! host. Records are shown as text, never as markup.

use std::{net::IpAddr, rc::Rc};

use leptos::prelude::*;

use super::{
    app::Ctx,
    copy_button::CopyButton,
    runs::{run_once, settled},
    settings_card::SourceLink,
};
use crate::{
    browser,
    dns::{
        checks::{self, Check, Context},
        endpoint::Endpoint,
        transport::DohResolver,
    },
    presets::Provider,
    report::{self, Format},
    spf::Node,
    text::dns::{self as words, D},
};

/// The page's resolver, with its cache, for the endpoint the link or the application chose.
pub fn resolver(ctx: &Ctx) -> Rc<DohResolver> {
    DohResolver::shared(&endpoint(ctx))
}

/// The resolver that receives the names (see `endpoint::chosen`), read without tracking: a
/// check under way or a report shown does not start again when the page's state changes.
pub fn endpoint(ctx: &Ctx) -> Endpoint {
    ctx.state.with_untracked(|s| {
        let app = crate::presets::indexed_app_or_default(&s.app);
        crate::dns::endpoint::chosen(s.doh.as_ref(), app.doh.as_deref())
    })
}

#[component]
pub fn DnsChecks(
    domain: String,
    chosen: Option<&'static Provider>,
    smtp_host: Option<String>,
    /// Start at once (the DNS tool), or wait for the button (inside the wizard).
    auto: bool,
    /// Each change asks for the check again, as the button does.
    #[prop(optional)]
    again: Option<ReadSignal<u32>>,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let d = move |key: D| key.get(ctx.lang.get());
    let ip_text = RwSignal::new(String::new());
    let selector = RwSignal::new(String::new());
    let domain = StoredValue::new(domain);
    let smtp_host = StoredValue::new(smtp_host);
    // None while empty, Some(None) for a text that is no address.
    let ip = Memo::new(move |_| ip_text.with(|t| crate::ipclass::typed(t)));
    // One check of the domain at a time: a click while one runs is ignored, and answers are
    // asked afresh ("check again") only once it is done.
    let check = Action::new_local(move |(ip, selector): &(Option<IpAddr>, String)| {
        let resolver = resolver(&ctx);
        resolver.forget();
        let (ip, selector) = (*ip, selector.clone());
        let (domain, host) = (domain.get_value(), smtp_host.get_value());
        async move {
            let context = Context {
                domain: &domain,
                chosen,
                smtp_host: host.as_deref(),
                ip,
                dkim_selector: Some(selector.as_str()),
            };
            // The sending IP the results were read for: the verdicts leave its reverse DNS to check.
            (ip, checks::run(&*resolver, &context).await)
        }
    });
    let running = check.pending();
    let start = move || run_once(check, (ip.get_untracked().flatten(), selector.get_untracked()));
    if auto {
        start();
    }
    if let Some(again) = again {
        Effect::new(move |seen: Option<()>| {
            again.track();
            if seen.is_some() {
                start();
            }
        });
    }
    let sent_to = move || D::sent_to(ctx.lang.get(), endpoint(&ctx).operator());
    view! {
        <div class="dns-checks">
            <p class="help resolver-note">{sent_to}</p>
            <div class="dns-inputs">
                <label for="dns-ip">{move || d(D::IpLabel)}</label>
                <input id="dns-ip" type="text" inputmode="decimal" spellcheck="false" aria-describedby="dns-ip-help"
                    aria-invalid=move || (ip.get() == Some(None)).then_some("true")
                    on:input=move |ev| ip_text.set(event_target_value(&ev)) />
                <p id="dns-ip-help" class="help">{move || d(D::IpHelp)}</p>
                <p class="error" role="alert">{move || (ip.get() == Some(None)).then(|| d(D::BadIp))}</p>
                <label for="dns-selector">{move || d(D::SelectorLabel)}</label>
                <input id="dns-selector" type="text" spellcheck="false" on:input=move |ev| selector.set(event_target_value(&ev)) />
            </div>
            <button type="button" class="primary" data-action="dns-check" on:click=move |_| start()
                aria-disabled=move || running.get().then_some("true")>
                {move || words::check_button(running.get(), check.value().with(Option::is_some), &domain.get_value(), ctx.lang.get())}
            </button>
            <div class="dns-results" aria-live="polite" aria-busy=move || running.get().then_some("true")>
                {move || settled(check).map(|(checked_ip, results)| {
                    let (lang, resolver) = (ctx.lang.get(), endpoint(&ctx).operator().to_owned());
                    let report = |format| report::dns_checks(&domain.get_value(), &resolver, &results, browser::today(), lang, format);
                    let (text, markdown) = (report(Format::Text), report(Format::Markdown));
                    view! {
                        {results.iter().cloned().map(|check| view! { <CheckView check=check /> }).collect_view()}
                        <Receivers results=results.clone() domain=domain.get_value() ip=checked_ip />
                        <p class="report-copy">{D::ReportLabel.get(lang)}" "
                            <CopyButton text=text what=D::ReportCopyText.get(lang).to_owned() shown=D::ReportCopyText.get(lang).to_owned() />
                            <CopyButton text=markdown what=D::ReportCopyMarkdown.get(lang).to_owned() shown=D::ReportCopyMarkdown.get(lang).to_owned() />
                        </p>
                    }
                })}
            </div>
        </div>
    }
}

/// Whether Gmail, Yahoo and Outlook.com will take the domain's mail, as far as its DNS shows,
/// each with its source (`receivers::verdicts`).
#[component]
fn Receivers(results: Vec<Check>, domain: String, ip: Option<IpAddr>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let verdicts = crate::receivers::verdicts(&results);
    let strict = crate::receivers::strict_alignment(&results).map(|strict| {
        view! { <p class="warning receivers-strict" data-strict=strict.id()>{move || words::strict_alignment(strict, &domain, ctx.lang.get())}</p> }
    });
    view! {
        <section class="receivers">
            <h3>{move || D::ReceiversTitle.get(ctx.lang.get())}</h3>
            <p class="help">{move || D::ReceiversHelp.get(ctx.lang.get())}</p>
            <ReceiverList verdicts=verdicts />
            {strict}
            {ip.map(|ip| view! {
                <p class="to-check" data-check="reverse-dns">{move || D::receivers_reverse_dns(ctx.lang.get(), &ip.to_string())}</p>
            })}
        </section>
    }
}

/// Each receiver's verdict in a sentence, with its source: under the DNS checks and in the
/// headers tool.
#[component]
pub fn ReceiverList(verdicts: Vec<crate::receivers::Verdict>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <ul class="receivers">
            {verdicts.into_iter().map(|v| {
                let (id, all, bulk, source) = (v.receiver.id.clone(), v.all.id(), v.bulk.id(), &v.receiver.source);
                view! {
                    <li data-receiver=id data-all=all data-bulk=bulk>
                        {move || words::receiver(&v, ctx.lang.get())}" "<SourceLink source=source />
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// One check's verdict, notes and records (shown, not folded), worded in the current
/// language: a language switch rewords results already shown.
#[component]
fn CheckView(check: Check) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let id = check.kind.id();
    let status = check.status.id();
    view! {
        <section class="check" data-check=id data-status=status aria-labelledby=format!("check-{id}")>
            {move || {
                let lang = ctx.lang.get();
                let check = check.clone();
                let raw = words::raw_records(&check, lang);
                view! {
                    <h3 id=format!("check-{id}")>
                        {words::kind(check.kind, lang)} " "
                        <span class=format!("status {status}")>{words::status(check.status, lang)}</span>
                    </h3>
                    <ul class="notes">{check.notes.iter().map(|n| view! { <li>{words::note(n, lang)}</li> }).collect_view()}</ul>
                    {check.tree.filter(|t| !t.children.is_empty()).map(|tree| view! {
                        <details class="tree">
                            <summary>{D::TreeTitle.get(lang)}</summary>
                            <ul>{tree_view(tree, lang)}</ul>
                        </details>
                    })}
                    <div class="raw">
                        <p class="raw-title">{D::RawRecords.get(lang)}</p>
                        <pre>{raw}</pre>
                    </div>
                    {check.ttl.map(|ttl| view! { <p class="help">{D::propagation(lang, &words::duration(ttl, lang))}</p> })}
                }
            }}
        </section>
    }
}

fn tree_view(node: Node, lang: crate::i18n::Lang) -> AnyView {
    let label = if node.via.is_empty() {
        node.domain.clone()
    } else {
        node.via.clone()
    };
    let state = words::node_state(&node.state, lang)
        .map(|s| format!(" ({s})"))
        .unwrap_or_default();
    let lookups = D::lookup_count(lang, &node.lookups().to_string());
    view! {
        <li>
            <code>{label}</code>{state}" — "{lookups}
            {(!node.children.is_empty()).then(|| view! {
                <ul>{node.children.into_iter().map(|c| tree_view(c, lang)).collect_view()}</ul>
            })}
        </li>
    }
    .into_any()
}
