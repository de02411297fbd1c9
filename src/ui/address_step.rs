//! The first screen: the address to send from, checked as it is typed.

use leptos::{ev::SubmitEvent, prelude::*};

use super::app::{Ctx, STEP_HEADING};
use crate::{
    address, browser, detect,
    text::{self, T},
    wizard::Route,
};

#[component]
pub fn AddressStep() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // What is typed lives in `Ctx`: it outlives this screen (a language switch, Back), and the
    // blur that follows Enter, on an input already removed, reads a signal still alive.
    let input = ctx.draft;
    if let Some(address) = ctx.address.get_untracked() {
        input.set(address.full());
    }
    // Errors show once the user has tried to go on, not while the first letters are typed.
    let tried = RwSignal::new(false);
    let parsed = Memo::new(move |_| address::parse(&browser::lowercase(&input.get()), browser::to_ascii));
    let error = move || match parsed.get() {
        Err(e) if tried.get() => Some(text::address_error(&e, ctx.lang.get())),
        _ => None,
    };
    let found = move || {
        let parsed = parsed.get().ok()?;
        let provider = detect::by_domain(&parsed.domain)?;
        Some(T::address_domain_found(
            ctx.lang.get(),
            provider.name.get(ctx.lang.get()),
        ))
    };
    let suggestion = move || {
        let parsed = parsed.get().ok()?;
        address::suggest_domain(&parsed.domain).map(|d| (parsed.local.clone(), d))
    };
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if let Ok(address) = parsed.get_untracked() {
            let route = Route::with_address_domain(&address.domain);
            ctx.address.set(Some(address));
            ctx.go(route);
        }
    };
    let invalid = move || (tried.get() && parsed.get().is_err()).then_some("true");
    view! {
        <h1 id=STEP_HEADING tabindex="-1" node_ref=ctx.heading>{move || T::address_title(ctx.lang.get(), &ctx.app_name())}</h1>
        <form class="address-form" novalidate on:submit=submit>
            <label for="address">{move || ctx.t(T::AddressLabel)}</label>
            <input id="address" name="address" type="text" inputmode="email" autocomplete="email"
                autocapitalize="off" spellcheck="false" placeholder=move || ctx.t(T::AddressPlaceholder)
                aria-describedby="address-help address-error" aria-invalid=invalid
                prop:value=move || input.get()
                on:input=move |ev| input.set(event_target_value(&ev))
                on:blur=move |_| {
                    if !input.with_untracked(|i| i.trim().is_empty()) {
                        tried.try_set(true);
                    }
                } />
            <p id="address-help" class="help">{move || ctx.t(T::AddressHelp)}</p>
            <p id="address-error" class="error" role="alert">{error}</p>
            <p class="found" role="status">{found}</p>
            {move || suggestion().map(|(local, domain)| view! {
                <p class="suggestion">
                    {T::did_you_mean(ctx.lang.get(), domain)} " "
                    <button type="button" class="link-button" data-action="use-suggestion"
                        on:click=move |_| input.set(format!("{local}@{domain}"))>
                        {T::use_suggestion(ctx.lang.get(), domain)}
                    </button>
                </p>
            })}
            <button type="submit" class="primary">{move || ctx.t(T::Continue)}</button>
        </form>
    }
}
