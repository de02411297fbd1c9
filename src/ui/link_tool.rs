//! The link builder for support teams (`?tool=link`): an application, a provider, a domain
//! at most, a step and a language give a link to that step, previewed, and its iframe.

use leptos::prelude::*;

use super::{
    app::{Ctx, STEP_HEADING},
    copy_button::CopyButton,
    nav::step_title,
};
use crate::{browser, i18n::Lang, link, presets, text::link::L, url_state::UrlState, wizard::Route};

#[component]
pub fn LinkTool() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let l = move |key: L| key.get(ctx.lang.get());
    let first_provider = || presets::providers().first().map(|p| p.id.clone()).unwrap_or_default();
    let app = RwSignal::new(ctx.state.with_untracked(|s| s.app.clone()));
    let provider = RwSignal::new(
        ctx.state
            .with_untracked(|s| s.route.provider.clone())
            .unwrap_or_else(first_provider),
    );
    let typed_domain = RwSignal::new(String::new());
    let lang = RwSignal::new(ctx.lang.get_untracked());
    // A domain that cannot be one is left out of the link, and said.
    let domain = Memo::new(move |_| typed_domain.with(|t| link::domain(t, browser::to_ascii)));
    let domain_text = move || domain.get().flatten();
    let steps = Memo::new(move |_| link::steps(&provider.get(), domain_text().as_deref()));
    let chosen_step = RwSignal::new(None::<String>);
    let step = Memo::new(move |_| steps.with(|steps| link::step_or_first(steps, chosen_step.get().as_deref())));
    let state = Memo::new(move |_| {
        link::state(
            &app.get(),
            &provider.get(),
            domain_text().as_deref(),
            &step.get(),
            lang.get(),
        )
    });
    let href = move || browser::link_to(&crate::url_state::to_query(&state.get()));
    // The preview asks the page's own resolver (a link never carries one). It follows the
    // form once typing pauses, so a domain typed letter by letter does not reload the app
    // for each one, and it is a new frame each time: a frame's own navigation would add an
    // entry to this page's history, and Back would move the preview.
    let preview = move || {
        let doh = ctx.state.with_untracked(|s| s.doh.clone());
        link::embedded_query(&UrlState { doh, ..state.get() })
    };
    let preview_src = RwSignal::new(untrack(preview));
    // Each change of the form is a generation; a pause shows it only if no later one came.
    let generation = StoredValue::new(0_u32);
    Effect::new(move |_| {
        let next = preview();
        let mine = generation.try_update_value(|g| {
            *g += 1;
            *g
        });
        set_timeout(
            move || {
                let latest = generation.try_get_value() == mine;
                if latest && preview_src.try_get_untracked().is_some_and(|shown| shown != next) {
                    preview_src.try_set(next);
                }
            },
            PREVIEW_PAUSE,
        );
    });
    let iframe = move || {
        let src = browser::link_to(&link::embedded_query(&state.get()));
        link::iframe(&src, &format!("mailsetup · {}", l(L::IframeTitle)))
    };
    view! {
        <h1 id=STEP_HEADING tabindex="-1" node_ref=ctx.heading>{move || l(L::Title)}</h1>
        <p>{move || l(L::Intro)}</p>
        <div class="link-form">
            <label for="link-app">{move || l(L::App)}</label>
            <select id="link-app" on:change=move |ev| app.set(event_target_value(&ev))>
                {presets::apps().iter().map(|a| view! { <option value=a.id.clone() selected=a.id == app.get_untracked()>{ctx.local(&a.name)}</option> }).collect_view()}
            </select>
            <label for="link-provider">{move || l(L::Provider)}</label>
            <select id="link-provider" on:change=move |ev| provider.set(event_target_value(&ev))>
                {presets::providers().iter().map(|p| view! { <option value=p.id.clone() selected=p.id == provider.get_untracked()>{ctx.local(&p.name)}</option> }).collect_view()}
            </select>
            <label for="link-domain">{move || l(L::Domain)}</label>
            <input id="link-domain" type="text" inputmode="url" autocapitalize="off" spellcheck="false"
                aria-describedby="link-domain-help" aria-invalid=move || (domain.get() == Some(None)).then_some("true")
                on:input=move |ev| typed_domain.set(event_target_value(&ev)) />
            <p id="link-domain-help" class="help">{move || l(L::DomainHelp)}</p>
            <p class="error" role="alert">{move || (domain.get() == Some(None)).then(|| l(L::BadDomain))}</p>
            <label for="link-step">{move || l(L::Step)}</label>
            <select id="link-step" on:change=move |ev| chosen_step.set(Some(event_target_value(&ev)))>
                {move || {
                    let route = Route { provider: Some(provider.get()), domain: domain_text(), ..Route::default() };
                    let current = step.get();
                    steps.get().into_iter().map(|s| view! { <option value=s selected=s == current>{format!("{} ({s})", step_title(&ctx, &route, s))}</option> }).collect_view()
                }}
            </select>
            <fieldset>
                <legend>{move || l(L::Language)}</legend>
                {[(Lang::En, "English"), (Lang::Fr, "Français")].map(|(choice, name)| view! {
                    <input type="radio" id=format!("link-lang-{}", choice.code()) name="link-lang"
                        checked=lang.get_untracked() == choice on:change=move |_| lang.set(choice) />
                    <label for=format!("link-lang-{}", choice.code()) class="inline" lang=choice.code()>{name}</label>
                })}
            </fieldset>
        </div>
        <h2>{move || l(L::LinkTitle)}</h2>
        <div class="value">
            <code class="record" data-testid="support-link">{href}</code>
            {move || view! { <CopyButton text=href() what=l(L::LinkTitle).to_owned() /> }}
        </div>
        <h2>{move || l(L::EmbedTitle)}</h2>
        <div class="value">
            <code class="record" data-testid="embed-snippet">{iframe}</code>
            {move || view! { <CopyButton text=iframe() what=l(L::EmbedTitle).to_owned() /> }}
        </div>
        <h2>{move || l(L::PreviewTitle)}</h2>
        // Keyed by its address: a changed `src` on the same element would be a navigation the
        // history keeps, a new element's first load is not.
        <For each=move || [preview_src.get()] key=String::clone let:src>
            <iframe class="link-preview" src=src title=move || l(L::PreviewTitle)></iframe>
        </For>
    }
}

/// How long typing pauses before the preview follows the form.
const PREVIEW_PAUSE: std::time::Duration = std::time::Duration::from_millis(400);
