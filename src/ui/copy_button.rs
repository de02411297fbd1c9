//! Copy buttons: a value of the settings card, or a link to the current step.

use leptos::{prelude::*, task::spawn_local};

use super::{app::Ctx, browser};
use crate::text::T;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Idle,
    Copied,
    Blocked,
}

fn copy_into(text: String, outcome: RwSignal<Outcome>) {
    spawn_local(async move {
        let copied = browser::copy(&text).await;
        outcome.set(if copied { Outcome::Copied } else { Outcome::Blocked });
    });
}

/// Copies `text`; `what` names it for screen readers ("Copy SMTP server").
#[component]
pub fn CopyButton(text: String, what: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let outcome = RwSignal::new(Outcome::Idle);
    let label = format!("{} – {what}", ctx.t(T::Copy));
    view! {
        <button type="button" class="copy" aria-label=label on:click=move |_| copy_into(text.clone(), outcome)>
            {move || match outcome.get() {
                Outcome::Copied => ctx.t(T::Copied),
                _ => ctx.t(T::Copy),
            }}
        </button>
        <span class="copy-status" role="status">
            {move || (outcome.get() == Outcome::Blocked).then(|| ctx.t(T::CopyFailed))}
        </span>
    }
}

/// "Copy a link to this step"; where the clipboard is blocked, the link is shown to select.
#[component]
pub fn CopyLink(link: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let outcome = RwSignal::new(Outcome::Idle);
    let shown = link.clone();
    view! {
        <div class="copy-link">
            <button type="button" class="link-button" data-action="copy-link" on:click=move |_| copy_into(link.clone(), outcome)>
                {ctx.t(T::CopyLink)}
            </button>
            <span role="status">
                {move || match outcome.get() {
                    Outcome::Copied => Some(ctx.t(T::LinkCopied).into_any()),
                    Outcome::Blocked => Some(view! {
                        <label>
                            {ctx.t(T::CopyFailed)}
                            <input type="text" readonly value=shown.clone() class="link-field" />
                        </label>
                    }.into_any()),
                    Outcome::Idle => None,
                }}
            </span>
        </div>
    }
}
