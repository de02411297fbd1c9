//! The parts of walkthrough screens that are computed: the Microsoft timeline, the email to
//! the IT contact, the other providers to start again with.

use leptos::prelude::*;

use super::{
    app::Ctx,
    lazy::{self, Deferred},
    nav::PageLink,
};
use crate::{
    browser, mailto, presets,
    text::{self, screens::W},
    timeline,
    url_state::UrlState,
    wizard::Route,
};

#[component]
pub fn Widget(widget: presets::Widget) -> impl IntoView {
    match widget {
        presets::Widget::BasicAuthTimeline => view! { <Timeline /> }.into_any(),
        presets::Widget::AskIt => view! { <AskIt /> }.into_any(),
        presets::Widget::OtherProviders => view! { <OtherProviders /> }.into_any(),
        presets::Widget::OfferChooser => view! { <OfferChooser /> }.into_any(),
        presets::Widget::TypedHost => view! { <TypedHost /> }.into_any(),
        // A part of its own (`Widget::part`), which a link to such a step preloads (`ui::app`).
        widget => match widget.part() {
            presets::WidgetPart::Ways => view! { <Deferred load=lazy::load(move || lazy::ways(widget)) /> }.into_any(),
            _ => view! { <Deferred load=lazy::load(move || lazy::relay(widget)) /> }.into_any(),
        },
    }
}

#[component]
fn Timeline() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let phase = timeline::phase(browser::today());
    view! {
        <div class="timeline">
            <p class="timeline-now" data-phase=crate::text::relay::phase_id(phase)>{move || crate::text::relay::timeline_now(phase, ctx.lang.get())}</p>
            <p>{move || ctx.w(W::TimelineAppPasswords)}</p>
            <p>{move || ctx.w(W::TimelineFinal)}</p>
        </div>
    }
}

#[component]
fn AskIt() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let domain = ctx.state.with_untracked(|s| s.route.domain.clone());
    let href = move || mailto::ask_it(&ctx.app_name(), domain.as_deref(), ctx.lang.get());
    let items = [
        W::AskItHost,
        W::AskItPort,
        W::AskItSecurity,
        W::AskItUser,
        W::AskItPassword,
    ];
    view! {
        <p>{move || ctx.w(W::AskItValues)}</p>
        <ul class="ask-it">{items.into_iter().map(|key| view! { <li>{move || ctx.w(key)}</li> }).collect_view()}</ul>
        <p><a class="button primary" href=href data-action="ask-it">{move || ctx.w(W::AskItButton)}</a></p>
    }
}

#[component]
fn OtherProviders() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let current = ctx.state.get_untracked();
    let links = presets::restart_choices()
        .map(|provider| {
            let route = Route {
                domain: None,
                ..Route::default()
            }
            .with_provider(&provider.id);
            let (to, name) = (
                UrlState {
                    route,
                    ..current.clone()
                },
                ctx.local(&provider.name),
            );
            view! {
                <li><PageLink to={to} fresh=true {..} data-provider=provider.id.clone()>{name}</PageLink></li>
            }
        })
        .collect_view();
    view! {
        <p>{move || ctx.w(W::OtherProvidersIntro)}</p>
        <ul class="other-providers">{links}</ul>
    }
}

/// The provider's offers (OVHcloud: MX Plan, E-mail Pro, Hosted Exchange): this path goes on
/// with Next; each other offer is a provider of its own, started with the same domain.
#[component]
fn OfferChooser() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let route = ctx.state.get_untracked().route;
    let Some(current) = route.provider() else {
        return ().into_any();
    };
    let offers = presets::offers_of(&current.id)
        .map(|offer| {
            let to = route.with_provider(&offer.id);
            view! {
                <li>
                    <button type="button" class="choice" data-provider=offer.id.clone() on:click=move |_| ctx.go(to.clone())>
                        {ctx.local(&offer.name)}
                    </button>
                </li>
            }
        })
        .collect_view();
    let next = route.next();
    view! {
        <ul class="choices offers">
            <li>
                <button type="button" class="choice" data-provider=current.id.clone()
                    on:click=move |_| if let Some(to) = next.clone() { ctx.go(to) }>
                    {ctx.local(current.offer_label.as_ref().unwrap_or(&current.name))}
                </button>
            </li>
            {offers}
        </ul>
    }
    .into_any()
}

/// The host a control panel shows, typed and checked against the provider's pattern; kept
/// for the settings card.
#[component]
fn TypedHost() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let Some(provider) = ctx.state.with_untracked(|s| s.route.provider()) else {
        return ().into_any();
    };
    let verdict = Memo::new(move |_| text::typed_host(provider, &ctx.typed_host.get()?, ctx.lang.get()));
    let invalid = move || verdict.with(|v| matches!(v, Some((false, _)))).to_string();
    view! {
        <p>
            <label for="typed-host">{move || W::HostLabel.get(ctx.lang.get())}</label>
            <input id="typed-host" type="text" spellcheck="false" autocomplete="off" inputmode="url"
                prop:value=move || ctx.typed_host.get().unwrap_or_default()
                aria-invalid=invalid aria-describedby="typed-host-error"
                on:input=move |ev| ctx.typed_host.set(Some(event_target_value(&ev))) />
        </p>
        <div role="status">{move || verdict.get().map(|(accepted, words)| match accepted {
            true => view! { <p class="ok" data-host-ok="true">{words}</p> }.into_any(),
            false => view! { <p class="error" id="typed-host-error">{words}</p> }.into_any(),
        })}</div>
    }
    .into_any()
}
