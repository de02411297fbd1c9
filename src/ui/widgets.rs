//! The parts of walkthrough screens that are computed: the Microsoft timeline, the email to
//! the IT contact, the other providers to start again with.

use leptos::prelude::*;

use super::{
    app::Ctx,
    browser,
    lazy::{self, Deferred},
};
use crate::{
    mailto, presets,
    text::T,
    timeline,
    url_state::{self, UrlState},
    wizard::Route,
};

#[component]
pub fn Widget(widget: presets::Widget) -> impl IntoView {
    match widget {
        presets::Widget::BasicAuthTimeline => view! { <Timeline /> }.into_any(),
        presets::Widget::AskIt => view! { <AskIt /> }.into_any(),
        presets::Widget::OtherProviders => view! { <OtherProviders /> }.into_any(),
        relay => view! { <Deferred load=move || lazy::relay(relay) /> }.into_any(),
    }
}

#[component]
fn Timeline() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let phase = timeline::phase(browser::today());
    let now = crate::text::relay::timeline_now(phase, ctx.lang.get_untracked());
    view! {
        <div class="timeline">
            <p class="timeline-now" data-phase=crate::text::relay::phase_id(phase)>{now}</p>
            <p>{ctx.t(T::TimelineAppPasswords)}</p>
            <p>{ctx.t(T::TimelineFinal)}</p>
        </div>
    }
}

#[component]
fn AskIt() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let domain = ctx.state.with_untracked(|s| s.route.domain.clone());
    let href = mailto::ask_it(&ctx.app_name(), domain.as_deref(), ctx.lang.get_untracked());
    let items = [
        T::AskItHost,
        T::AskItPort,
        T::AskItSecurity,
        T::AskItUser,
        T::AskItPassword,
    ];
    view! {
        <p>{ctx.t(T::AskItValues)}</p>
        <ul class="ask-it">{items.into_iter().map(|key| view! { <li>{ctx.t(key)}</li> }).collect_view()}</ul>
        <p><a class="button primary" href=href data-action="ask-it">{ctx.t(T::AskItButton)}</a></p>
    }
}

#[component]
fn OtherProviders() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang.get_untracked();
    let current = ctx.state.get_untracked();
    let links = presets::providers()
        .iter()
        .filter(|p| {
            p.kind == presets::ProviderKind::Mailbox
                && p.auth != presets::AuthKind::OauthOnly
                && p.id != presets::OWN_SERVER
        })
        .map(|provider| {
            let route = Route {
                domain: None,
                ..Route::default()
            }
            .with_provider(&provider.id);
            let query = url_state::to_query(&UrlState {
                route: route.clone(),
                ..current.clone()
            });
            view! {
                <li>
                    <a href=query data-provider=provider.id.clone()
                        on:click=move |ev| {
                            ev.prevent_default();
                            ctx.address.set(None);
                            ctx.go(route.clone());
                        }>
                        {provider.name.get(lang).to_owned()}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <p>{ctx.t(T::OtherProvidersIntro)}</p>
        <ul class="other-providers">{links}</ul>
    }
}
