//! The DMARC record builder under the DNS tool's checks: a policy, a report address and the
//! subdomains' policy give the record to publish (see `dmarc::build`).

use leptos::prelude::*;

use super::{app::Ctx, copy_button::CopyButton};
use crate::{
    browser,
    dmarc::{self, Choices, Policy},
    text::dmarc::{self as words, M},
};

#[component]
pub fn DmarcBuilder(domain: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let m = move |key: M| move || key.get(ctx.lang.get());
    let policy = RwSignal::new(Policy::None);
    let reports = RwSignal::new(String::new());
    let subdomains = RwSignal::new(None::<Policy>);
    let built = Memo::new(move |_| {
        let choices = Choices {
            policy: policy.get(),
            reports: reports.get(),
            subdomain_policy: subdomains.get(),
        };
        dmarc::build(&choices, browser::to_ascii)
    });
    view! {
        <section class="dmarc-builder">
            <h2>{m(M::BuildTitle)}</h2>
            <fieldset>
                <legend>{m(M::Policy)}</legend>
                {Policy::ALL.map(|p| view! {
                    <input type="radio" id=format!("dmarc-{}", p.id()) name="dmarc-policy" checked=p == Policy::None on:change=move |_| policy.set(p) />
                    <label for=format!("dmarc-{}", p.id()) class="inline">{move || words::policy(p, ctx.lang.get())}</label><br />
                })}
            </fieldset>
            <label for="dmarc-reports">{m(M::ReportsLabel)}</label>
            <input id="dmarc-reports" type="email" inputmode="email" spellcheck="false" aria-describedby="dmarc-reports-help"
                on:input=move |ev| reports.set(event_target_value(&ev)) />
            <p id="dmarc-reports-help" class="help">{m(M::ReportsHelp)}</p>
            <label for="dmarc-subdomains">{m(M::Subdomains)}</label>
            <select id="dmarc-subdomains" on:change=move |ev| subdomains.set(Policy::ALL.into_iter().find(|p| p.id() == event_target_value(&ev)))>
                <option value="" selected>{m(M::SubdomainsSame)}</option>
                {Policy::ALL.map(|p| view! { <option value=p.id()>{move || words::policy(p, ctx.lang.get())}</option> })}
            </select>
            <div role="status">{move || match built.get() {
                Err(why) => view! { <p class="error" data-testid="dmarc-refused">{words::build_error(&why, ctx.lang.get())}</p> }.into_any(),
                Ok(record) => {
                    let zone = dmarc::zone_text(&domain, &record);
                    view! {
                        <h3>{m(M::Record)}</h3>
                        <div class="value"><code class="record" data-testid="dmarc-record">{record.clone()}</code><CopyButton text=record what=M::Record.get(ctx.lang.get_untracked()).to_owned() /></div>
                        <h3>{m(M::Zone)}</h3>
                        <div class="value"><code class="record">{zone.clone()}</code><CopyButton text=zone what=M::Zone.get(ctx.lang.get_untracked()).to_owned() /></div>
                        <p>{move || policy.get().next().map(|next| words::finding(&dmarc::Finding::Next(next), ctx.lang.get()))}</p>
                    }.into_any()
                }
            }}</div>
        </section>
    }
}
