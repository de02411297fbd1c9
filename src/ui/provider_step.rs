//! The provider choice, for a domain the presets do not name.

use leptos::prelude::*;

use super::app::{Ctx, STEP_HEADING};
use crate::{
    presets,
    text::{T, fill},
};

#[component]
pub fn ProviderStep() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang.get_untracked();
    let route = ctx.state.with_untracked(|s| s.route.clone());
    let title = match &route.domain {
        Some(domain) => {
            // The address as typed shows an internationalised domain as people write it.
            let typed = ctx
                .address
                .with_untracked(|a| a.as_ref().map(|a| a.domain_display.clone()));
            fill(
                ctx.t(T::ChooseTitle),
                &[("domain", typed.as_deref().unwrap_or(domain))],
            )
        }
        None => ctx.t(T::ChooseTitleNoDomain).to_owned(),
    };
    // The own-server choice comes last, after the named providers.
    let (own, named): (Vec<_>, Vec<_>) = presets::providers()
        .iter()
        .partition(|p| p.id == presets::OWN_SERVER);
    let button = |provider: &'static presets::Provider| {
        let chosen = route.provider.as_deref() == Some(provider.id.as_str());
        let to = route.with_provider(&provider.id);
        view! {
            <li>
                <button type="button" class="choice" class:chosen=chosen aria-pressed=chosen.to_string()
                    data-provider=provider.id.clone() on:click=move |_| ctx.go(to.clone())>
                    {provider.name.get(lang).to_owned()}
                </button>
            </li>
        }
    };
    view! {
        <h1 id=STEP_HEADING tabindex="-1">{title}</h1>
        <p>{ctx.t(T::ChooseHelp)}</p>
        <h2 class="group-title">{ctx.t(T::ChooseGroupKnown)}</h2>
        <ul class="choices">{named.into_iter().map(&button).collect_view()}</ul>
        <ul class="choices own-server">{own.into_iter().map(&button).collect_view()}</ul>
    }
}
