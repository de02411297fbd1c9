//! The settings card, in the host application's own field names, and the test-email screen.

use leptos::prelude::*;

use super::{
    app::{Ctx, STEP_HEADING},
    copy_button::CopyButton,
    lazy::{self, Deferred},
    nav::PageLink,
    print::PrintSummary,
};
use crate::{
    presets::{Server, Source},
    settings,
    text::{self, T, screens::W},
    url_state::{Tool, UrlState},
};

/// "Source · checked 21 November 2026": where a fact comes from, and when it was checked.
#[component]
pub fn SourceLink(source: &'static Source) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <span class="source">
            <a href=source.url.clone() target="_blank" rel="noopener noreferrer">{move || ctx.w(W::Source)}</a>
            {move || format!(" · {}", W::checked(ctx.lang.get(), &crate::text::date(&source.checked, ctx.lang.get())))}
        </span>
    }
}

/// The application's fields and what to type in each, with copy buttons for literal values,
/// and how the application chooses the security when it has no field for it.
#[component]
pub fn SettingsTable(rows: Vec<settings::Row>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let rows_view = rows
        .into_iter()
        .map(|row| {
            let copy = row
                .literal
                .then(|| view! { <CopyButton text=row.value.clone() what=row.label.clone() /> });
            let value = view! { <span class="value-text" class:literal=row.literal class:described=!row.literal>{row.value}</span> };
            view! { <tr><th scope="row">{row.label}</th><td><div class="value">{value}{copy}</div></td></tr> }
        })
        .collect_view();
    view! {
        <p class="where"><strong>{move || ctx.w(W::WhereIsForm)}</strong>" "{ctx.local(&ctx.app().form_location)}</p>
        <table class="settings">
            <thead><tr><th scope="col">{move || W::field(ctx.lang.get(), &ctx.app_name())}</th><th scope="col">{move || ctx.w(W::Value)}</th></tr></thead>
            <tbody>{rows_view}</tbody>
        </table>
        {ctx.app().security_note.as_ref().map(|n| view! { <p class="note">{ctx.local(n)}</p> })}
    }
}

#[component]
pub fn SettingsCard() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let app = ctx.app();
    let Some(provider) = ctx.state.with_untracked(|s| s.route.provider()) else {
        return ().into_any();
    };
    let address = ctx.address.get_untracked();
    let custom_domain = ctx.state.with_untracked(|s| s.route.own_domain().map(str::to_owned));
    let typed_host = ctx.typed_host.get_untracked();
    // The rows are worded for the language: redrawn when it changes.
    let rows = move || {
        let rows = settings::rows(provider, app, address.as_ref(), typed_host.as_deref(), ctx.lang.get());
        view! { <SettingsTable rows=rows /> }
    };
    let alternative = |server: &'static Server| {
        view! {
            <li>
                <code>{move || format!("{} · {} · {}", server.host, server.port, text::security(server.security, ctx.lang.get()))}</code>
                {server.note.as_ref().map(|n| view! { <span>" — "{ctx.local(n)}</span> })}
                " "
                <SourceLink source=&server.source />
            </li>
        }
    };
    view! {
        <h1 id=STEP_HEADING tabindex="-1" node_ref=ctx.heading>{move || T::settings_title(ctx.lang.get(), &ctx.app_name())}</h1>
        {rows}
        {provider.smtp.as_ref().map(|smtp| view! {
            <p class="recommended">
                {smtp.note.as_ref().map(|n| view! { {ctx.local(n)}" " })}
                <SourceLink source=&smtp.source />
            </p>
        })}
        {(!provider.alternatives.is_empty()).then(|| view! {
            <h2>{move || ctx.w(W::Alternatives)}</h2>
            <ul class="alternatives">{provider.alternatives.iter().map(alternative).collect_view()}</ul>
        })}
        <TroubleshootLink />
        <PrintSummary />
        {custom_domain.map(|domain| view! {
            <h2>{move || crate::text::dns::D::Title.get(ctx.lang.get())}</h2>
            <Deferred load=lazy::load(move || lazy::dns_checks(domain.clone(), Some(provider), provider.smtp.as_ref().map(|s| s.host.clone()))) />
        })}
        {(!provider.guide().caveats.is_empty()).then(|| view! {
            <h2>{move || ctx.w(W::GoodToKnow)}</h2>
            <ul class="caveats">
                {provider.guide().caveats.iter().map(|c| view! {
                    <li>{ctx.local(&c.text)}" "<SourceLink source=&c.source /></li>
                }).collect_view()}
            </ul>
        })}
    }
    .into_any()
}

#[component]
pub fn TestEmail() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let app = ctx.app();
    view! {
        <h1 id=STEP_HEADING tabindex="-1" node_ref=ctx.heading>{move || T::test_title(ctx.lang.get(), &ctx.app_name())}</h1>
        <p>{ctx.local(&app.test_email)}</p>
        <p>{move || W::test_if_fails(ctx.lang.get(), &ctx.app_name())}</p>
        <TroubleshootLink />
    }
}

/// "If sending fails, paste the error here": the troubleshooting tool, for this provider; and
/// once it arrives, the headers tool to see it was authenticated.
#[component]
fn TroubleshootLink() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let to = UrlState {
        tool: Some(Tool::Errors),
        ..ctx.state.get_untracked()
    };
    let headers = UrlState {
        tool: Some(Tool::Headers),
        ..to.clone()
    };
    let doctor = UrlState {
        tool: Some(Tool::Doctor),
        ..to.clone()
    };
    view! {
        <p class="no-print">
            <PageLink to={to} {..} data-action="troubleshoot">{move || crate::text::errors::E::FromSettings.get(ctx.lang.get())}</PageLink>
        </p>
        <p class="no-print">
            <PageLink to={doctor} {..} data-action="check-settings">{move || crate::text::errors::E::DoctorLink.get(ctx.lang.get())}</PageLink>
        </p>
        <p class="no-print">
            <PageLink to={headers} {..} data-action="read-headers">{move || crate::text::errors::E::HeadersFromSettings.get(ctx.lang.get())}</PageLink>
        </p>
    }
}
