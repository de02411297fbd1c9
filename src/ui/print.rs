//! "Print or save as PDF": a summary of the set-up, shown only on paper (see the print
//! stylesheet): provider, application, the records to publish and the steps to tick off.

use leptos::prelude::*;

use super::{app::Ctx, nav::step_title};
use crate::browser;
use crate::text::T;

/// Worded for the current language: the summary has nothing typed in it, so it is redrawn
/// whole when the language changes.
#[component]
pub fn PrintSummary() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || summary(ctx)
}

fn summary(ctx: Ctx) -> impl IntoView {
    let lang = ctx.lang.get();
    let route = ctx.state.with_untracked(|s| s.route.clone());
    let provider = route
        .provider()
        .map(|p| p.name.get(lang).to_owned())
        .unwrap_or_default();
    let domain = route.domain.clone().unwrap_or_default();
    let steps: Vec<String> = route
        .path()
        .into_iter()
        .skip(1)
        .map(|step| step_title(&ctx, &route, step))
        .collect();
    let ips = ctx.relay.with_untracked(crate::m365::RelayInputs::ips);
    let spf_terms = (route.step.starts_with("relay") && !ips.is_empty()).then(|| {
        let include = route
            .provider()
            .and_then(|p| p.spf.as_ref())
            .map(|s| s.include.as_str());
        crate::m365::relay_additions(include, &ips)
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" ")
    });
    view! {
        <p class="no-print">
            <button type="button" class="secondary" data-action="print" on:click=|_| browser::print()>{T::Print.get(lang)}</button>
        </p>
        <section class="print-only print-summary" aria-hidden="true">
            <h2>{T::print_title(lang, &ctx.app_name(), &provider)}</h2>
            {(!domain.is_empty()).then(|| view! { <p>{T::PrintDomain.get(lang)}" "<strong>{domain.clone()}</strong></p> })}
            {spf_terms.map(|terms| view! { <p>{T::PrintSpf.get(lang)}" "<code>{terms}</code></p> })}
            <h3>{T::PrintChecklist.get(lang)}</h3>
            <ul class="print-checklist">{steps.into_iter().map(|s| view! { <li>"☐ "{s}</li> }).collect_view()}</ul>
        </section>
    }
}
