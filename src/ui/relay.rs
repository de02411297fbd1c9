//! The Microsoft 365 connector relay's interactive steps, and the SPF and DKIM steps of the
//! providers that read DNS. What the user typed (MX host, sites' addresses) stays in memory
//! for the session.

use std::net::Ipv4Addr;

use leptos::prelude::*;

use super::{
    app::Ctx,
    copy_button::CopyButton,
    dns_checks::resolver,
    runs::{run_once, settled},
    settings_card::SettingsTable,
    spf_tool::{Blocked, MergeNotes},
};
use crate::{
    dns::transport::DohResolver,
    m365::{self, DiffTerm, MxReading, RelayInputs},
    resolver::LookupError,
    settings, spf,
    text::{
        dns as dns_words,
        relay::{self as words, R},
    },
};

fn domain(ctx: &Ctx) -> Option<String> {
    ctx.state.with_untracked(|s| s.route.domain.clone())
}

/// The domain and the sites' addresses the later steps need, or what is missing.
fn relay_inputs(ctx: &Ctx) -> Result<(String, Vec<Ipv4Addr>), R> {
    let domain = domain(ctx);
    ctx.relay
        .with_untracked(|r| r.complete(domain.as_deref()))
        .map_err(words::missing)
}

/// The route's provider: the relay's steps are in its path.
fn provider_id(ctx: &Ctx) -> String {
    ctx.state
        .with_untracked(|s| s.route.provider.clone())
        .unwrap_or_default()
}

/// Reads the domain's MX hosts; the provider's host found is kept for the later steps.
fn read_mx(ctx: Ctx, domain: String) -> Action<(), MxReading> {
    Action::new_local(move |_: &()| {
        let (resolver, domain, provider) = (resolver(&ctx), domain.clone(), provider_id(&ctx));
        async move {
            let reading = m365::read_mx(&*resolver, &domain, &provider).await;
            if let Some(host) = reading.provider_host() {
                ctx.relay.update(|r| r.mx_host = Some(host.to_owned()));
            }
            reading
        }
    })
}

/// The MX host check shared by the domain step: read from DNS, or typed when offline.
#[component]
pub fn RelayDomain() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let Some(domain) = domain(&ctx) else {
        return view! { <p class="error">{move || R::NoDomain.get(ctx.lang.get())}</p> }.into_any();
    };
    let reading = read_mx(ctx, domain.clone());
    let read = move || run_once(reading, ());
    read();
    let provider = provider_id(&ctx);
    let typed_invalid = RwSignal::new(false);
    view! {
        <p><strong>{move || R::DomainLabel.get(ctx.lang.get())}": "</strong><code>{domain.clone()}</code></p>
        <div class="mx-result" role="status">
            {move || match settled(reading) {
                None => view! { <p aria-busy="true">{move || R::Checking.get(ctx.lang.get())}</p> }.into_any(),
                Some(found) => {
                    let class = if found.provider_host().is_some() { "ok" } else { "error" };
                    view! { <p class=class data-mx=found.id()>{words::mx_reading(&found, ctx.lang.get())}</p> }.into_any()
                }
            }}
        </div>
        <button type="button" class="secondary" on:click=move |_| read()>{move || R::ReadMx.get(ctx.lang.get())}</button>
        <label for="relay-mx">{move || R::TypeMx.get(ctx.lang.get())}</label>
        <input id="relay-mx" type="text" spellcheck="false" autocapitalize="off" aria-describedby="relay-mx-help"
            aria-invalid=move || typed_invalid.get().then_some("true")
            prop:value=move || ctx.relay.with(|r| r.mx_host.clone().unwrap_or_default())
            on:change=move |ev| {
                let typed = m365::typed_mx(&provider, &event_target_value(&ev));
                typed_invalid.set(typed.is_err());
                ctx.relay.update(|r| r.mx_host = typed.ok().flatten());
            } />
        <p id="relay-mx-help" class="help">{move || R::TypeMxHelp.get(ctx.lang.get())}</p>
    }
    .into_any()
}

#[component]
pub fn RelayIps() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    if ctx.relay.with_untracked(|r| r.sites.is_empty()) {
        ctx.relay.update(|r| r.sites.push(String::new()));
    }
    let count = Memo::new(move |_| ctx.relay.with(|r| r.sites.len()));
    view! {
        <ol class="sites">
            {move || (0..count.get()).map(|i| {
                let id = format!("site-{i}");
                let value = move || ctx.relay.with(|r| r.sites.get(i).cloned().unwrap_or_default());
                let verdict = move || {
                    let (class, words) = words::site_verdict(&value(), ctx.lang.get())?;
                    Some(view! { <p class=class role=(class == "error").then_some("alert")>{words}</p> })
                };
                view! {
                    <li>
                        <label for=id.clone()>{move || R::ip_label(ctx.lang.get(), &(i + 1).to_string())}</label>
                        <input id=id type="text" inputmode="decimal" spellcheck="false" prop:value=value
                            aria-invalid=move || m365::site_ip(&value()).is_err().then_some("true").filter(|_| !value().trim().is_empty())
                            on:input=move |ev| { let v = event_target_value(&ev); ctx.relay.update(|r| if let Some(s) = r.sites.get_mut(i) { *s = v }); } />
                        {verdict}
                        {(i > 0).then(|| view! {
                            <button type="button" class="link-button" on:click=move |_| ctx.relay.update(|r| { r.sites.remove(i); })>
                                {move || R::Remove.get(ctx.lang.get())}
                            </button>
                        })}
                    </li>
                }
            }).collect_view()}
        </ol>
        <button type="button" class="secondary" data-action="add-site" on:click=move |_| ctx.relay.update(|r| r.sites.push(String::new()))>
            {move || R::AddSite.get(ctx.lang.get())}
        </button>
        <PublicIp />
    }
}

/// The address this network sends from, asked of Cloudflare's resolver on a click, offered
/// as a site's with its caveats.
#[component]
fn PublicIp() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let endpoint = crate::dns::endpoint::for_whoami(&super::dns_checks::endpoint(&ctx));
    let asking = Action::new_local(move |_: &()| {
        let resolver = DohResolver::shared(&endpoint);
        async move { m365::public_ipv4(&*resolver).await }
    });
    view! {
        <p><button type="button" class="secondary" data-action="public-ip" on:click=move |_| run_once(asking, ())>{move || R::FindPublicIp.get(ctx.lang.get())}</button></p>
        <div class="public-ip" role="status">{move || settled(asking).map(|found| {
            let (class, words) = words::public_ip(&found, ctx.lang.get());
            let ip = found.ok().map(|(ip, _)| ip);
            view! {
                <p class=class>{words}</p>
                {ip.map(|ip| view! { <button type="button" class="primary" data-action="use-public-ip" on:click=move |_| ctx.relay.update(|r| r.add_site(ip))>{R::use_ip(ctx.lang.get(), &ip.to_string())}</button> })}
                <p class="help">{R::PublicIpCaveats.get(ctx.lang.get())}</p>
            }
        })}</div>
    }
}

#[component]
pub fn RelayAddresses() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let ips = ctx.relay.with_untracked(RelayInputs::ips);
    if ips.is_empty() {
        return view! { <p class="error">{move || R::IpsNeeded.get(ctx.lang.get())}</p> }.into_any();
    }
    view! {
        <ul class="connector-ips">
            {ips.into_iter().map(|ip| view! {
                <li><div class="value"><code>{ip.to_string()}</code><CopyButton text=ip.to_string() what=ip.to_string() /></div></li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
pub fn RelaySpf() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    match relay_inputs(&ctx) {
        Ok((domain, ips)) => {
            let additions = m365::relay_additions(ctx.state.with_untracked(|s| s.route.spf_include()), &ips);
            view! { <SpfMerge domain=domain additions=additions /> }.into_any()
        }
        Err(missing) => view! { <p class="error">{move || missing.get(ctx.lang.get())}</p> }.into_any(),
    }
}

/// A sending service's include merged into the domain's SPF record.
#[component]
pub fn ProviderSpf() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    match (domain(&ctx), ctx.state.with_untracked(|s| s.route.spf_include())) {
        (None, _) => view! { <p class="error">{move || R::NoDomain.get(ctx.lang.get())}</p> }.into_any(),
        (Some(_), None) => view! { <p>{move || R::NoSpfChange.get(ctx.lang.get())}</p> }.into_any(),
        (Some(domain), Some(include)) => {
            view! { <SpfMerge domain=domain additions=vec![spf::Addition::Include(include.to_owned())] /> }.into_any()
        }
    }
}

/// The domain's published SPF record, read over DNS, and the record to publish with
/// `additions` merged in, as a diff and as zone-file text.
#[component]
fn SpfMerge(domain: String, additions: Vec<spf::Addition>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let current = LocalResource::new({
        let (resolver, domain) = (resolver(&ctx), domain.clone());
        move || {
            let (resolver, domain) = (resolver.clone(), domain.clone());
            async move { spf::published(&*resolver, &domain).await }
        }
    });
    view! {
        <div class="relay-spf" role="status">
            {move || current.get().map(|fetched| {
                let lang = ctx.lang.get();
                let (before, failure) = match fetched {
                    Ok(record) => (record, None),
                    Err(LookupError::Temporary(f)) => (None, Some(dns_words::failure(f, lang))),
                    Err(LookupError::NxDomain) => (None, None),
                };
                let merged = spf::merge(before.as_deref(), &additions);
                view! {
                    {failure.map(|why| view! { <p class="error">{R::mx_failed(lang, why)}</p> })}
                    <h3>{move || R::CurrentRecord.get(ctx.lang.get())}</h3>
                    {match &before {
                        Some(record) => view! { <pre data-testid="spf-before">{record.clone()}</pre> }.into_any(),
                        None => view! { <p>{move || R::NoCurrentRecord.get(ctx.lang.get())}</p> }.into_any(),
                    }}
                    {match merged {
                        Err(error) => view! { <p class="error">{crate::text::spf::parse_error(&error, lang)}</p> }.into_any(),
                        Ok(merged) if !merged.blocked.is_empty() => view! { <Blocked issues=merged.blocked /> }.into_any(),
                        Ok(merged) => {
                            let zone = spf::zone_text(&format!("{domain}."), &merged.record);
                            let diff = m365::diff(before.as_deref(), &merged.record);
                            view! {
                                <h3>{move || R::NewRecord.get(ctx.lang.get())}</h3>
                                <p class="record-diff" data-testid="spf-after">
                                    {diff.into_iter().map(|term| match term {
                                        DiffTerm::Kept(t) => view! { <span>{t}" "</span> }.into_any(),
                                        DiffTerm::Added(t) => view! { <ins>{t}</ins>" " }.into_any(),
                                    }).collect_view()}
                                </p>
                                <div class="value"><code class="record">{zone.clone()}</code><CopyButton text=zone what=R::NewRecord.get(lang).to_owned() /></div>
                                <MergeNotes merged=merged />
                            }.into_any()
                        }
                    }}
                }
            })}
        </div>
    }
}

/// The application's settings for the relay (and direct send): MX host, port 25, no
/// security, no authentication.
#[component]
pub fn RelaySettings() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let domain_name = domain(&ctx);
    // A link straight to this step carries the domain, not the MX host: read it again.
    if let Some(domain) = domain_name
        .clone()
        .filter(|_| ctx.relay.with_untracked(|r| r.mx_host.is_none()))
    {
        read_mx(ctx, domain).dispatch_local(());
    }
    let relay = ctx
        .state
        .with_untracked(|s| s.route.provider())
        .and_then(|p| p.relay.as_ref());
    let rows = move || {
        let mx = ctx.relay.with(|r| r.mx_host.clone());
        relay.map(|relay| view! { <SettingsTable rows=settings::relay_rows(ctx.app(), relay, mx.as_deref(), ctx.lang.get()) /> })
    };
    let domain = domain_name.unwrap_or_else(|| "…".into());
    view! {
        {rows}
        <p>{move || R::sender_note(ctx.lang.get(), &domain)}</p>
        <p class="note">{move || R::BouncesNote.get(ctx.lang.get())}</p>
        <super::print::PrintSummary />
    }
}

#[component]
pub fn RelayVerify() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let (domain, ips) = match relay_inputs(&ctx) {
        Ok(inputs) => inputs,
        Err(missing) => return view! { <p class="error">{move || missing.get(ctx.lang.get())}</p> }.into_any(),
    };
    let verification = Action::new_local(move |_: &()| {
        let resolver = resolver(&ctx);
        resolver.forget();
        let (domain, ips, provider) = (domain.clone(), ips.clone(), provider_id(&ctx));
        async move { m365::verify(&*resolver, &domain, &provider, &ips).await }
    });
    let check = move || run_once(verification, ());
    check();
    let result = move || settled(verification);
    view! {
        <button type="button" class="primary" data-action="verify" on:click=move |_| check()>{move || R::Verify.get(ctx.lang.get())}</button>
        <div class="verification" role="status">
            {move || match result() {
                None => view! { <p aria-busy="true">{move || R::Checking.get(ctx.lang.get())}</p> }.into_any(),
                Some(v) => {
                    let (complete, conclusion) = words::verification_conclusion(&v, ctx.lang.get());
                    let class = |passed: bool| if passed { "ok" } else { "error" };
                    let lines = words::verification(&v, ctx.lang.get()).into_iter();
                    view! {
                        <ul data-complete=complete.to_string()>
                            {lines.map(|(passed, line)| view! { <li class=class(passed)>{line}</li> }).collect_view()}
                        </ul>
                        <p class=class(complete)>{conclusion}</p>
                    }.into_any()
                }
            }}
        </div>
    }
    .into_any()
}
