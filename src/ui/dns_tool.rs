//! The standalone DNS check (`?tool=dns&domain=…`): a domain, a resolver, the checks.

use leptos::{ev::SubmitEvent, prelude::*};

use super::{
    app::{Ctx, STEP_HEADING},
    dmarc_builder::DmarcBuilder,
    dns_checks::{DnsChecks, endpoint},
};
use crate::{address, browser, dns::endpoint::Endpoint, text::dns::D};

#[component]
pub fn DnsTool() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let d = move |key: D| key.get(ctx.lang.get());
    let route_domain = ctx.state.with_untracked(|s| s.route.domain.clone());
    let typed = RwSignal::new(route_domain.clone().unwrap_or_default());
    let submitted = RwSignal::new(route_domain);
    // Submitting the domain being shown checks it again (ignored while a check runs) instead
    // of starting a second check of the same domain beside the first.
    let again = RwSignal::new(0u32);
    let invalid = RwSignal::new(false);
    let chosen = ctx.state.with_untracked(|s| s.route.provider());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        match address::domain_to_ascii(typed.get_untracked().trim().trim_end_matches('.'), browser::to_ascii) {
            Ok(domain) => {
                invalid.set(false);
                ctx.write(|s| s.route.domain = Some(domain.clone()));
                if submitted.get_untracked().as_ref() == Some(&domain) {
                    again.update(|n| *n += 1);
                } else {
                    submitted.set(Some(domain));
                }
            }
            Err(_) => invalid.set(true),
        }
    };
    // The resolvers offered: the public ones, plus the one of the link or the application.
    let current = endpoint(&ctx);
    let mut options: Vec<Endpoint> = Endpoint::PUBLIC.to_vec();
    if !options.contains(&current) {
        options.push(current.clone());
    }
    let choose = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        let picked = Endpoint::PUBLIC
            .into_iter()
            .find(|e| e.id() == id)
            .or_else(|| crate::dns::endpoint::parse(&id).ok());
        ctx.write(|s| s.doh = picked);
        // The checks start again with the new resolver.
        let shown = submitted.get_untracked();
        submitted.set(None);
        submitted.set(shown);
    };
    view! {
        <h1 id=STEP_HEADING tabindex="-1" node_ref=ctx.heading>{move || d(D::Title)}</h1>
        <p>{move || d(D::Intro)}</p>
        <form class="dns-form" novalidate on:submit=submit>
            <label for="dns-domain">{move || d(D::DomainLabel)}</label>
            <input id="dns-domain" type="text" inputmode="url" autocapitalize="off" spellcheck="false"
                aria-invalid=move || invalid.get().then_some("true") aria-describedby="dns-domain-error"
                prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev)) />
            <p id="dns-domain-error" class="error" role="alert">{move || invalid.get().then(|| d(D::BadDomain))}</p>
            <label for="dns-resolver">{move || d(D::ResolverLabel)}</label>
            <select id="dns-resolver" on:change=choose>
                {options.into_iter().map(|e| {
                    let selected = e == current;
                    view! { <option value=e.id().to_owned() selected=selected>{e.operator().to_owned()}</option> }
                }).collect_view()}
            </select>
            <p><button type="submit" class="primary">{move || d(D::Check)}</button></p>
        </form>
        {move || submitted.get().map(|domain| view! {
            <DnsChecks domain=domain.clone() chosen=chosen smtp_host=chosen.and_then(|p| p.smtp.as_ref()).map(|s| s.host.clone()) auto=true again=again.read_only() />
            <DmarcBuilder domain=domain />
        })}
    }
}
