//! The troubleshooting tool (`?tool=errors`): paste an error, read its cause and fix.

use leptos::prelude::*;

use super::{
    app::{Ctx, STEP_HEADING},
    copy_button::CopyButton,
    nav::PageLink,
    settings_card::SourceLink,
};
use crate::{
    browser,
    presets::{self, ErrorPattern, Provider},
    report::{self, Format},
    text::{self, errors::E},
    troubleshoot,
    url_state::{Tool, UrlState},
};

#[component]
pub fn ErrorsTool() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let e = move |key: E| key.get(ctx.lang.get());
    let pasted = RwSignal::new(String::new());
    let (cut, field) = (RwSignal::new(false), RwSignal::new(String::new()));
    let provider = RwSignal::new(ctx.state.with_untracked(|s| s.route.provider.clone()));
    let matches = Memo::new(move |_| troubleshoot::diagnose(&pasted.get(), provider.get().as_deref()));
    // The providers the text's own words name, read once per paste; the provider whose advice
    // applies is the one chosen, else the one the text names.
    let named = Memo::new(move |_| pasted.with(|t| troubleshoot::named_providers(t)));
    let advised = Memo::new(move |_| named.with(|n| troubleshoot::provider_of(n, provider.get().as_deref())));
    view! {
        <h1 id=STEP_HEADING tabindex="-1" node_ref=ctx.heading>{move || e(E::Title)}</h1>
        <p>{move || e(E::Intro)}</p>
        <label for="error-text">{move || e(E::PasteLabel)}</label>
        <textarea id="error-text" rows="4" spellcheck="false" aria-describedby="error-help"
            prop:value=field on:input=read_capped(pasted, cut, field)></textarea>
        <p id="error-help" class="help">{move || e(E::PasteHelp)}</p>
        <TooLong cut=cut />
        <label for="error-provider">{move || e(E::ProviderLabel)}</label>
        <select id="error-provider" on:change=move |ev| provider.set(presets::provider(&event_target_value(&ev)).map(|p| p.id.clone()))>
            <option value="" selected=provider.get_untracked().is_none()>{move || e(E::ProviderNone)}</option>
            {presets::providers().iter().map(|p| {
                let selected = provider.get_untracked().as_deref() == Some(p.id.as_str());
                view! { <option value=p.id.clone() selected=selected>{ctx.local(&p.name)}</option> }
            }).collect_view()}
        </select>
        <p><PageLink to={UrlState { tool: Some(Tool::Doctor), ..ctx.state.get_untracked() }} {..} data-action="check-settings">{move || e(E::DoctorLink)}</PageLink></p>
        <div class="diagnosis" role="status">
            {move || {
                let text = pasted.get();
                (!text.trim().is_empty()).then(|| {
                    let lang = ctx.lang.get();
                    let codes = text::errors::codes(&text, lang);
                    let advised = advised.get();
                    let named_note = advised.filter(|_| provider.get().is_none()).map(|p| view! {
                        <p class="help provider-named">{E::provider_named(lang, p.name.get(lang))}</p>
                    });
                    let chosen = provider.get();
                    let body = match matches.get().split_first() {
                        Some((best, others)) => view! {
                            {named_note}
                            <Diagnosis pattern=best.pattern provider=advised
                                targets=named.with(|n| troubleshoot::fix_targets(best.pattern, &ctx.state.get_untracked(), n, chosen.as_deref())) />
                            <Report codes=codes.clone() pattern=best.pattern provider=advised />
                            {(!others.is_empty()).then(|| view! {
                                <h3>{move || E::OtherMatches.get(ctx.lang.get())}</h3>
                                <ul class="other-matches">
                                    {others.iter().take(3).map(|m| view! { <li>{m.pattern.meaning.get(lang).to_owned()}</li> }).collect_view()}
                                </ul>
                            })}
                        }.into_any(),
                        None => view! { <Checklist provider=advised /> }.into_any(),
                    };
                    view! {
                        {(!codes.is_empty()).then(|| view! { <p class="codes">{move || E::Codes.get(ctx.lang.get())}" "{codes.join(", ")}</p> })}
                        {body}
                    }
                })
            }}
        </div>
    }
}

/// The input handler of a field taking a pasted text: `pasted` gets it cut to what is read
/// (`troubleshoot::MAX_PASTE`), and the field itself is cut through `field` (its value), so
/// megabytes never sit in the page; `cut` says so.
pub fn read_capped(
    pasted: RwSignal<String>,
    cut: RwSignal<bool>,
    field: RwSignal<String>,
) -> impl Fn(leptos::ev::Event) {
    move |ev| {
        let text = event_target_value(&ev);
        let (kept, was_cut) = troubleshoot::capped(&text);
        cut.set(was_cut);
        if was_cut {
            field.set(kept.to_owned());
        }
        pasted.set(kept.to_owned());
    }
}

/// Says that a pasted text was cut.
#[component]
pub fn TooLong(cut: RwSignal<bool>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        cut.get()
            .then(|| view! { <p class="notice" role="status">{E::too_long(ctx.lang.get(), &troubleshoot::MAX_PASTE.to_string())}</p> })
    }
}

#[component]
fn Diagnosis(
    pattern: &'static ErrorPattern,
    provider: Option<&'static Provider>,
    targets: Vec<UrlState>,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang.get_untracked();
    view! {
        <section class="diagnosis-match" data-error=pattern.id.clone()>
            <h2>{move || E::Meaning.get(ctx.lang.get())}</h2>
            <p>{pattern.meaning.get(lang).to_owned()}</p>
            <h3>{move || E::Cause.get(ctx.lang.get())}</h3>
            <p>{pattern.cause.get(lang).to_owned()}</p>
            <h3>{move || E::Fix.get(ctx.lang.get())}</h3>
            <p>{text::errors::fix(pattern, provider, lang)}</p>
            <FixLinks targets=targets />
            <p><SourceLink source=&pattern.source /></p>
        </section>
    }
}

/// The step that fixes it; one per provider when the servers answer for several and none was
/// chosen, each named by its provider.
#[component]
fn FixLinks(targets: Vec<UrlState>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    if let [only] = targets.as_slice() {
        return view! {
            <p><PageLink to={only.clone()} {..} class="button primary" data-action="open-fix">{move || E::OpenFix.get(ctx.lang.get())}</PageLink></p>
        }
        .into_any();
    }
    let link = move |state: UrlState| {
        let provider = state.route.provider.as_deref().and_then(presets::provider);
        let (id, name) = (provider.map(|p| p.id.clone()), provider.map(|p| ctx.local(&p.name)));
        view! {
            <li><PageLink to={state} {..} class="button" data-action="open-fix" data-provider=id>
                {name}
            </PageLink></li>
        }
    };
    (!targets.is_empty())
        .then(|| {
            view! {
                <p class="fix-choice">{move || E::FixChoice.get(ctx.lang.get())}</p>
                <ul class="choices fix-links">{targets.into_iter().map(link).collect_view()}</ul>
            }
        })
        .into_any()
}

/// The explanation copied for a support ticket, without the pasted text (it often names a
/// mailbox).
#[component]
fn Report(codes: Vec<String>, pattern: &'static ErrorPattern, provider: Option<&'static Provider>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let lang = ctx.lang.get();
        let report = |format| report::error_diagnosis(&codes, pattern, provider, browser::today(), lang, format);
        view! {
            <p class="report-copy">{E::ReportLabel.get(lang)}" "
                <CopyButton text=report(Format::Text) what=E::ReportCopyText.get(lang).to_owned() shown=E::ReportCopyText.get(lang).to_owned() />
                <CopyButton text=report(Format::Markdown) what=E::ReportCopyMarkdown.get(lang).to_owned() shown=E::ReportCopyMarkdown.get(lang).to_owned() />
            </p>
        }
    }
}

/// The settings to compare with when nothing is recognised.
#[component]
fn Checklist(provider: Option<&'static Provider>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang.get_untracked();
    let items = text::errors::checklist(provider, lang);
    view! {
        <p class="nothing-recognised">{move || E::NothingRecognised.get(ctx.lang.get())}</p>
        <h2>{move || E::Checklist.get(ctx.lang.get())}</h2>
        <ul class="checklist">{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
    }
}
