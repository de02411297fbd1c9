//! "Print or save as PDF": a summary of the set-up, shown only on paper (see the print
//! stylesheet): provider, application, the records to publish and the steps to tick off.

use leptos::prelude::*;

use super::app::Ctx;
use crate::{browser, m365::RelayInputs, text::screens::W};

/// Worded for the current language (`text::wizard::print_summary`): the summary has nothing
/// typed in it, so it is redrawn whole when the language changes.
#[component]
pub fn PrintSummary() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let lang = ctx.lang.get();
        let route = ctx.state.with_untracked(|s| s.route.clone());
        let ips = ctx.relay.with_untracked(RelayInputs::ips);
        let summary = crate::text::wizard::print_summary(&route, &ctx.app_name(), &ips, lang);
        view! {
            <p class="no-print">
                <button type="button" class="secondary" data-action="print" on:click=|_| browser::print()>{W::Print.get(lang)}</button>
            </p>
            <section class="print-only print-summary" aria-hidden="true">
                <h2>{summary.title}</h2>
                {summary.domain.map(|domain| view! { <p>{W::PrintDomain.get(lang)}" "<strong>{domain}</strong></p> })}
                {summary.spf.map(|terms| view! { <p>{W::PrintSpf.get(lang)}" "<code>{terms}</code></p> })}
                <h3>{W::PrintChecklist.get(lang)}</h3>
                <ul class="print-checklist">{summary.steps.into_iter().map(|s| view! { <li>"☐ "{s}</li> }).collect_view()}</ul>
            </section>
        }
    }
}
