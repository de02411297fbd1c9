//! The standalone SPF tool (`?tool=spf`): check a pasted record, build the one to publish.

use leptos::prelude::*;

use super::{
    app::{Ctx, STEP_HEADING},
    copy_button::CopyButton,
    dns_checks::resolver,
    runs::run_once,
};
use crate::{
    browser, presets,
    report::{self, Format},
    spf::{self, Addition, Issue, Policy, ReadStatus},
    text::spf::{self as words, S},
};

#[component]
pub fn SpfTool() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let s = move |key: S| key.get(ctx.lang.get());
    let pasted = RwSignal::new(String::new());
    // A domain's published record is judged with its include tree, as the DNS check judges
    // it: one verdict per record. Kept while the text is the one read.
    let published = RwSignal::new(None::<(String, Vec<Issue>)>);
    let checked = Memo::new(move |_| published.with(|p| spf::judge(&pasted.get(), p.as_ref())));
    view! {
        <h1 id=STEP_HEADING tabindex="-1" node_ref=ctx.heading>{move || s(S::Title)}</h1>
        <p>{move || s(S::Intro)}</p>
        <h2>{move || s(S::CheckTitle)}</h2>
        <ReadDomain into=pasted published=published />
        <label for="spf-record">{move || s(S::RecordLabel)}</label>
        <textarea id="spf-record" rows="3" spellcheck="false" aria-describedby="spf-record-help"
            prop:value=move || pasted.get() on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
        <p id="spf-record-help" class="help">{move || s(S::RecordHelp)}</p>
        <div class="spf-check" role="status">
            {move || checked.get().map(|(issues, parsed, _)| {
                let lang = ctx.lang.get();
                let report = |format| report::spf_check(&pasted.get_untracked(), &issues, parsed.as_ref().map(spf::Record::lookups), browser::today(), lang, format);
                let (text, markdown) = (report(Format::Text), report(Format::Markdown));
                view! {
                    <Findings issues=issues.clone() />
                    {parsed.map(|record| view! { <Terms record=record /> })}
                    <p class="report-copy">{S::ReportLabel.get(lang)}" "
                        <CopyButton text=text what=S::ReportCopyText.get(lang).to_owned() shown=S::ReportCopyText.get(lang).to_owned() />
                        <CopyButton text=markdown what=S::ReportCopyMarkdown.get(lang).to_owned() shown=S::ReportCopyMarkdown.get(lang).to_owned() />
                    </p>
                }
            })}
        </div>
        <Builder current=Signal::derive(move || checked.get().map(|(_, _, record)| record)) />
    }
}

#[component]
fn Findings(issues: Vec<Issue>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    if issues.is_empty() {
        return view! { <p class="finding ok">{move || S::NoFinding.get(ctx.lang.get())}</p> }.into_any();
    }
    view! {
        <h3>{move || S::Findings.get(ctx.lang.get())}</h3>
        <ul class="findings">
            {issues.into_iter().map(|issue| {
                let severity = issue.severity();
                view! {
                    <li class=format!("finding {}", severity.id())>
                        <strong>{move || words::severity(severity, ctx.lang.get())}": "</strong>
                        {move || words::issue(&issue, ctx.lang.get())}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn Terms(record: spf::Record) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lookups = record.lookups();
    view! {
        <h3>{move || S::Terms.get(ctx.lang.get())}</h3>
        <ol class="terms">
            {record.terms.iter().zip(record.costs_lookup()).map(|(term, counts)| {
                view! {
                    <li><code>{term.text.clone()}</code>
                        {counts.then(|| view! { " " <span class="badge">{move || S::CountsLookup.get(ctx.lang.get())}</span> })}
                    </li>
                }
            }).collect_view()}
        </ol>
        <p>{move || S::lookups(ctx.lang.get(), &lookups.to_string())}</p>
    }
}

#[component]
fn Builder(current: Signal<Option<String>>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let s = move |key: S| key.get(ctx.lang.get());
    let chosen = RwSignal::new(Vec::<String>::new());
    let addresses = RwSignal::new(String::new());
    // None: the pasted record's own `all` stays (`+all` never does).
    let policy = RwSignal::new(None::<Policy>);
    let includes = presets::spf_includes();
    let result = Memo::new(move |_| {
        let mut additions: Vec<Addition> = chosen.with(|c| c.iter().map(|i| Addition::Include(i.clone())).collect());
        let (ips, refused) = spf::addresses::read(&addresses.get());
        additions.extend(ips);
        (
            spf::publish(current.get().as_deref(), &additions, policy.get()).ok(),
            refused,
        )
    });
    let checkbox = move |(include, providers): (&'static str, Vec<&'static presets::Provider>)| {
        let id = include.to_owned();
        let input_id = format!("spf-include-{}", include.replace('.', "-"));
        view! {
            <li>
                <input type="checkbox" id=input_id.clone()
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        chosen.update(|c| {
                            c.retain(|x| *x != id);
                            if on {
                                c.push(id.clone());
                            }
                        });
                    } />
                <label for=input_id class="inline">
                    {move || providers.iter().map(|p| p.name.get(ctx.lang.get())).collect::<Vec<_>>().join(" / ")}
                    " " <code>{format!("include:{include}")}</code>
                </label>
            </li>
        }
    };
    view! {
        <h2>{move || s(S::BuildTitle)}</h2>
        <p>{move || s(S::BuildIntro)}</p>
        <fieldset>
            <legend>{move || s(S::Providers)}</legend>
            <ul class="checks">{includes.into_iter().map(checkbox).collect_view()}</ul>
        </fieldset>
        <label for="spf-addresses">{move || s(S::Addresses)}</label>
        <textarea id="spf-addresses" rows="3" spellcheck="false" aria-describedby="spf-addresses-help"
            on:input=move |ev| addresses.set(event_target_value(&ev))></textarea>
        <p id="spf-addresses-help" class="help">{move || s(S::AddressesHelp)}</p>
        <fieldset>
            <legend>{move || s(S::Policy)}</legend>
            {[("keep", None, S::PolicyKeep), ("softfail", Some(Policy::SoftFail), S::PolicySoftFail), ("fail", Some(Policy::Fail), S::PolicyFail)]
                .map(|(id, choice, label)| view! {
                    <input type="radio" id=format!("policy-{id}") name="policy" checked=choice.is_none() on:change=move |_| policy.set(choice) />
                    <label for=format!("policy-{id}") class="inline">{move || s(label)}</label>
                    <br />
                })}
        </fieldset>
        <div class="spf-result" role="status">
            {move || {
                let lang = ctx.lang.get();
                let (merged, refused) = result.get();
                let bad = refused.iter().map(|r| view! { <p class="error" data-refused="true">{words::refusal(r, lang)}</p> }).collect_view();
                let body = match merged {
                    None => view! { <p class="error">{move || S::MergeInvalid.get(ctx.lang.get())}</p> }.into_any(),
                    Some(merged) if !merged.blocked.is_empty() => view! { <Blocked issues=merged.blocked /> }.into_any(),
                    Some(merged) => {
                        let zone = spf::zone_text("@", &merged.record);
                        view! {
                            <h3>{move || S::Result.get(ctx.lang.get())}</h3>
                            <div class="value">
                                <code class="record" data-testid="spf-record-out">{merged.record.clone()}</code>
                                <CopyButton text=merged.record.clone() what=S::Result.get(lang).to_owned() />
                            </div>
                            <h3>{move || S::ZoneText.get(ctx.lang.get())}</h3>
                            <div class="value">
                                <code class="record">{zone.clone()}</code>
                                <CopyButton text=zone what=S::ZoneText.get(lang).to_owned() />
                            </div>
                            <MergeNotes merged=merged />
                        }
                        .into_any()
                    }
                };
                view! { {bad} {body} }
            }}
        </div>
    }
}

/// Why a merged record is not offered: the problems its own checker finds in it.
#[component]
pub fn Blocked(issues: Vec<Issue>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let lang = ctx.lang.get();
        view! {
            <p class="error" data-testid="spf-blocked">{S::Blocked.get(lang)}</p>
            <ul>{issues.iter().map(|i| view! { <li>{words::issue(i, lang)}</li> }).collect_view()}</ul>
        }
    }
}

/// What a merge changed and what it costs: the policy replaced, the terms added or already
/// there, the look-ups against the limit. Shared by the builder, the relay and the sending
/// services.
#[component]
pub fn MergeNotes(merged: spf::Merged) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let lang = ctx.lang.get();
        let n = merged.lookups.to_string();
        view! {
            {merged.policy_change.as_ref().map(|(old, new)| view! { <p data-testid="spf-policy-change">{S::policy_changed(lang, new, old)}</p> })}
            {(!merged.added.is_empty()).then(|| view! { <p>{S::added(lang, &merged.added.join(" "))}</p> })}
            {(!merged.already.is_empty()).then(|| view! { <p>{S::already_there(lang, &merged.already.join(" "))}</p> })}
            {if merged.over_budget {
                view! { <p class="error">{S::over_budget(lang, &n)}</p> }.into_any()
            } else {
                view! { <p>{S::lookups_within(lang, &n)}</p> }.into_any()
            }}
        }
    }
}

/// Fills the record box with a domain's published SPF record, read over DNS-over-HTTPS; the
/// DNS check shows its include tree.
#[component]
fn ReadDomain(into: RwSignal<String>, published: RwSignal<Option<(String, Vec<Issue>)>>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let s = move |key: S| key.get(ctx.lang.get());
    // A link from another tool names the domain; the user still chooses to read it.
    let domain = RwSignal::new(ctx.state.with_untracked(|s| s.route.domain.clone()).unwrap_or_default());
    // What the reading came to, worded when shown: a language switch rewords it.
    let status = RwSignal::new(None::<ReadStatus>);
    let reading = Action::new_local(move |name: &String| {
        let (resolver, name) = (resolver(&ctx), name.clone());
        async move {
            // The tool may have been left meanwhile: its signals are written only if alive.
            match spf::read_published(&*resolver, &name).await {
                Ok((text, issues)) => {
                    published.try_set(Some((text.clone(), issues)));
                    into.try_set(text);
                    status.try_set(None);
                }
                Err(why) => drop(status.try_set(Some(why))),
            }
        }
    });
    let read = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match crate::address::domain_to_ascii(domain.get_untracked().trim(), crate::browser::to_ascii) {
            // A click while a reading runs is ignored by `run_once`; the status stays "reading".
            Ok(name) => {
                status.set(Some(ReadStatus::Reading));
                run_once(reading, name);
            }
            Err(_) => status.set(Some(ReadStatus::BadDomain)),
        }
    };
    view! {
        <form class="read-domain" novalidate on:submit=read>
            <label for="spf-domain">{move || s(S::ReadDomainLabel)}</label>
            <div class="value">
                <input id="spf-domain" type="text" spellcheck="false" autocapitalize="off" prop:value=domain.get_untracked()
                    on:input=move |ev| domain.set(event_target_value(&ev)) />
                <button type="submit" class="secondary">{move || s(S::ReadDomain)}</button>
            </div>
            <p class="help" role="status">{move || status.get().map(|status| words::read_status(status, ctx.lang.get()))}</p>
        </form>
    }
}
