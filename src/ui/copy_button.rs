//! Copy buttons: a value of the settings card, or a link to the current step.

use leptos::prelude::*;

use super::app::Ctx;
use crate::{browser, text::T, url_state};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Idle,
    Copied,
    Blocked,
}

/// Copying, and what came of the last copy.
fn copier() -> (
    impl Fn(String) + Copy + 'static,
    impl Fn() -> Outcome + Copy + Send + Sync + 'static,
) {
    let done = RwSignal::new(None::<bool>);
    let copy = move |text: String| {
        leptos::task::spawn_local(async move {
            let copied = browser::copy(&text).await;
            done.try_set(Some(copied));
        })
    };
    let outcome = move || match done.get() {
        None => Outcome::Idle,
        Some(true) => Outcome::Copied,
        Some(false) => Outcome::Blocked,
    };
    (copy, outcome)
}

/// Copies `text`; `what` names it for screen readers ("Copy SMTP server"); `shown` replaces
/// "Copy" on the button where several copy the same thing in different forms.
#[component]
pub fn CopyButton(text: String, what: String, #[prop(optional)] shown: Option<String>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let (copy, outcome) = copier();
    let label = move || format!("{} – {what}", ctx.t(T::Copy));
    view! {
        <button type="button" class="copy" aria-label=label on:click=move |_| copy(text.clone())>
            {move || match outcome() {
                Outcome::Copied => ctx.t(T::Copied).to_owned(),
                _ => shown.clone().unwrap_or_else(|| ctx.t(T::Copy).to_owned()),
            }}
        </button>
        <span class="copy-status" role="status">
            {move || (outcome() == Outcome::Blocked).then(|| ctx.t(T::CopyFailed))}
        </span>
    }
}

/// "Copy a link to this step", as the page is now (its language included); where the
/// clipboard is blocked, the link is shown to select.
#[component]
pub fn CopyLink() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let (copy, outcome) = copier();
    let link = move || browser::link_to(&url_state::to_query(&ctx.state.get()));
    view! {
        <div class="copy-link">
            <button type="button" class="link-button" data-action="copy-link" on:click=move |_| copy(link())>
                {move || ctx.t(T::CopyLink)}
            </button>
            <span role="status">
                {move || match outcome() {
                    Outcome::Copied => Some((move || ctx.t(T::LinkCopied)).into_any()),
                    Outcome::Blocked => Some(view! {
                        <label>
                            {move || ctx.t(T::CopyFailed)}
                            <input type="text" readonly value=link() class="link-field" />
                        </label>
                    }.into_any()),
                    Outcome::Idle => None,
                }}
            </span>
        </div>
    }
}
